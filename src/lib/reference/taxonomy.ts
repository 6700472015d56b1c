/**
 * The measure taxonomy (data/reference/taxonomy.json) and the phrase matcher its rules use. parseTaxonomy takes the
 * parsed JSON value and returns a checked Taxonomy, or throws one error listing every problem with a hint;
 * validateTaxonomy returns those problems instead. Rules are lists of folded phrases matched on the fold of a text
 * at word boundaries, so "Ủy ban", "Uỷ ban", "Üy ban" (an OCR misread) and "UY BAN" all read the same. The fold is
 * computed with a map back to the original, so every match can be shown as printed. Pure: callers load the file.
 *
 * Phrase syntax: words in the fold (no marks, đ→d, lower case). Any run of spaces, commas, hyphens, dashes, slashes
 * or quotes between two words matches any other such run, so "kiem tra giam sat" finds "kiểm tra, giám sát" and
 * "khoa hoc ky thuat" finds "khoa học - kỹ thuật". A "..." between words skips up to GAP_WORDS words, never across
 * a sentence end or a semicolon (those are segment boundaries anyway).
 */
import { foldVi } from '../text/normalize.ts';
import { foldWithMap, type FoldedText } from '../text/fold.ts';

// The fold with a map back to the source is the matcher's input; it lives in fold.ts (the parser uses it too).
export { foldWithMap, type FoldedText };

export type EntryKind = 'measure' | 'additional' | 'practice';

export interface TaxonomyRule {
  /** Stable id, "<code>.<slug>", quoted in every label the rule produces. */
  id: string;
  /** The rule fires when one of these phrases occurs in a segment … */
  any: string[];
  /** … together with every one of these in the same segment … */
  all?: string[];
  /** … and at least one of these in that segment (when given) … */
  with?: string[];
  /** … and none of these in that segment. */
  none?: string[];
}

export interface TaxonomyEntry {
  code: string;
  kind: EntryKind;
  parent_code: string | null;
  label_vi: string;
  label_en: string;
  description_vi: string;
  description_en: string;
  law_ref: string | null;
  rules: TaxonomyRule[];
  /** The trigger names the object itself (the Boards): no democracy object is looked for. */
  object_free?: boolean;
  /** An object whose words match one of these gives no label (X1: the Boards' own work, citizens' supervision). */
  object_none?: string[];
}

/** A field other than grassroots democracy whose explicit mention wins over a democracy object found further out. */
export interface OtherField {
  id: string;
  label: string;
  any: string[];
}

export interface Taxonomy {
  version: string;
  entries: TaxonomyEntry[];
  /** What a measure acts on: grassroots democracy and its institutions, or another field. */
  objects?: { democracy: string[]; other_fields: OtherField[] };
  /** Phrases whose words look like a trigger but mean something else (names of bodies, money): blanked first. */
  senses_not_triggers?: string[];
  /** Headings whose opening words name a role that carries no measure (scope, definitions, rights, lists …). */
  roles?: { not_measures: { starts: string[]; none?: string[] } };
}

const GAP_WORDS = 10;
const KINDS: readonly EntryKind[] = ['measure', 'additional', 'practice'];
const SEP = `[^a-z0-9.;:!?]+`;
const WORD = '[a-z0-9]+';

/** Every problem with a taxonomy value, as "where: expected …, found …; hint: …". Empty when it is valid. */
export function validateTaxonomy(raw: unknown): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  if (!isObj(raw)) return ['taxonomy: expected an object with "version" and "entries"'];
  if (!isStr(raw.version)) problems.push('taxonomy.version: expected a non-empty string');
  if (!Array.isArray(raw.entries) || raw.entries.length === 0) return [...problems, 'taxonomy.entries: expected a non-empty array'];
  const codes = new Set<string>();
  const ruleIds = new Set<string>();
  const kindOf = new Map<string, unknown>();
  raw.entries.forEach((e: unknown, i: number) => {
    const at = `entries[${i}]`;
    if (!isObj(e)) return void problems.push(`${at}: expected an object`);
    const code = isStr(e.code) ? e.code : `#${i}`;
    if (!isStr(e.code) || !/^(?:M\d|X\d|P-[a-z0-9-]+)$/.test(e.code)) problems.push(`${at}.code: expected "M1"…, "X1"… or "P-slug", found ${JSON.stringify(e.code)}`);
    if (codes.has(code)) problems.push(`${at}.code: "${code}" is used twice; hint: codes are primary keys`);
    codes.add(code);
    kindOf.set(code, e.kind);
    if (!KINDS.includes(e.kind as EntryKind)) problems.push(`${code}.kind: expected one of ${KINDS.join(', ')}, found ${JSON.stringify(e.kind)}`);
    for (const f of ['label_vi', 'label_en', 'description_vi', 'description_en']) if (!isStr(e[f])) problems.push(`${code}.${f}: expected a non-empty string`);
    if (e.law_ref !== null && !isStr(e.law_ref)) problems.push(`${code}.law_ref: expected a string or null`);
    if (e.parent_code !== null && !isStr(e.parent_code)) problems.push(`${code}.parent_code: expected a code or null`);
    if (e.object_free !== undefined && typeof e.object_free !== 'boolean') problems.push(`${code}.object_free: expected true or false`);
    if (e.object_none !== undefined && (!Array.isArray(e.object_none) || e.object_none.some((p) => phraseProblem(p) !== null))) problems.push(`${code}.object_none: expected an array of folded phrases`);
    if (!Array.isArray(e.rules) || e.rules.length === 0) return void problems.push(`${code}.rules: expected at least one rule`);
    e.rules.forEach((r: unknown, j: number) => {
      const rat = `${code}.rules[${j}]`;
      if (!isObj(r)) return void problems.push(`${rat}: expected an object`);
      if (!isStr(r.id) || !r.id.startsWith(`${code}.`)) problems.push(`${rat}.id: expected "${code}.<slug>", found ${JSON.stringify(r.id)}`);
      else if (ruleIds.has(r.id)) problems.push(`${rat}.id: "${r.id}" is used twice; hint: labels cite rule ids, keep them unique and stable`);
      else ruleIds.add(r.id);
      if (r.heading_only !== undefined) problems.push(`${rat}.heading_only: no longer read; hint: headings place, they do not code (remove the rule or make it a text rule)`);
      for (const f of ['any', 'all', 'with', 'none'] as const) {
        const list = r[f];
        if (list === undefined && f !== 'any') continue;
        if (!Array.isArray(list) || (f === 'any' && list.length === 0)) {
          problems.push(`${rat}.${f}: expected ${f === 'any' ? 'a non-empty ' : 'an '}array of phrases`);
          continue;
        }
        for (const p of list) {
          const why = phraseProblem(p);
          if (why) problems.push(`${rat}.${f}: ${JSON.stringify(p)} ${why}`);
        }
      }
    });
  });
  const phrases = (at: string, list: unknown, required: boolean) => {
    if (list === undefined && !required) return;
    if (!Array.isArray(list) || list.length === 0) return void problems.push(`${at}: expected a non-empty array of phrases`);
    for (const p of list) {
      const why = phraseProblem(p);
      if (why) problems.push(`${at}: ${JSON.stringify(p)} ${why}`);
    }
  };
  if (raw.objects !== undefined) {
    const o = raw.objects;
    if (!isObj(o)) problems.push('taxonomy.objects: expected an object with "democracy" and "other_fields"');
    else {
      phrases('taxonomy.objects.democracy', o.democracy, true);
      if (!Array.isArray(o.other_fields)) problems.push('taxonomy.objects.other_fields: expected an array');
      else o.other_fields.forEach((f: unknown, i: number) => {
        if (!isObj(f) || !isStr(f.id) || !isStr(f.label)) return void problems.push(`taxonomy.objects.other_fields[${i}]: expected {id, label, any}`);
        phrases(`taxonomy.objects.other_fields[${i}].any`, f.any, true);
      });
    }
  }
  phrases('taxonomy.senses_not_triggers', raw.senses_not_triggers, false);
  if (raw.roles !== undefined) {
    const nm = isObj(raw.roles) ? raw.roles.not_measures : undefined;
    if (!isObj(nm)) problems.push('taxonomy.roles: expected {"not_measures": {"starts": [...], "none": [...]}}');
    else {
      phrases('taxonomy.roles.not_measures.starts', nm.starts, true);
      phrases('taxonomy.roles.not_measures.none', nm.none, false);
    }
  }
  raw.entries.forEach((e: unknown) => {
    if (!isObj(e) || !isStr(e.parent_code)) return;
    if (!codes.has(e.parent_code)) problems.push(`${String(e.code)}.parent_code: "${e.parent_code}" is not a code in this taxonomy`);
    else if (kindOf.get(e.parent_code) === 'practice') problems.push(`${String(e.code)}.parent_code: "${e.parent_code}" is a practice; hint: parents are measures`);
  });
  return problems;
}

function phraseProblem(p: unknown): string | null {
  if (typeof p !== 'string' || p.trim() === '') return 'is not a non-empty string';
  if (foldVi(p) !== p) return `is not folded; hint: write ${JSON.stringify(foldVi(p))}`;
  const chunks = p.split('...');
  if (chunks.some((c) => !/[a-z0-9]/.test(c))) return 'has a "..." gap at an end or next to another gap';
  if (/[.;:!?]/.test(chunks.join(''))) return 'contains sentence punctuation, which a phrase can never match';
  return null;
}

/** A checked Taxonomy; throws one Error listing every problem (fix the JSON, not the code). */
export function parseTaxonomy(raw: unknown): Taxonomy {
  const problems = validateTaxonomy(raw);
  if (problems.length) throw new Error(`data/reference/taxonomy.json is invalid:\n- ${problems.join('\n- ')}`);
  return raw as Taxonomy;
}

function phraseBody(phrase: string): string {
  const chunk = (c: string) => (c.match(/[a-z0-9]+/g) ?? []).join(SEP);
  return phrase.split('...').map(chunk).join(`(?:${SEP}${WORD}){0,${GAP_WORDS}}?${SEP}`);
}

/** The regular expression (global, on folded text) for one phrase. */
export function compilePhrase(phrase: string): RegExp {
  return new RegExp(`(?<![a-z0-9])${phraseBody(phrase)}(?![a-z0-9])`, 'g');
}

/**
 * One regular expression for a list of phrases (one pass over the text instead of one per phrase). Longer phrases
 * come first, so where two start at the same place the longer one is reported.
 */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const bodies = phrases.map(phraseBody).sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![a-z0-9])(?:${bodies.join('|')})(?![a-z0-9])`, 'g');
}

/** The original words behind folded[start, end), as printed (NFC, white space squashed). */
export function originalSlice(ft: FoldedText, start: number, end: number): string {
  if (end <= start) return '';
  const s = ft.starts[start] ?? 0;
  const e = ft.ends[end - 1] ?? ft.source.length;
  return ft.source.slice(s, e).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Pieces of a text between boundaries (default: line breaks, semicolons, and sentence-ending . ! ?). */
export function splitSegments(text: string, boundary = /\n|;|[.!?](?=\s|$)/g): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let last = 0;
  // matchAll works on a copy of a global expression: only a non-global one needs making global first.
  for (const m of text.matchAll(boundary.global ? boundary : new RegExp(boundary.source, `${boundary.flags}g`))) {
    out.push({ text: text.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), start: last });
  return out.filter((s) => s.text.trim() !== '');
}

/** Every match of a compiled phrase in a folded text, as folded [start, end). */
export function findAll(re: RegExp, ft: FoldedText): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (const m of ft.folded.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}
