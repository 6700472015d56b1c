/**
 * Measure labels for provisions: a provision (its heading and its own text), the provisions around it and the
 * taxonomy → labels saying which measure or practice the provision is about, why (the trigger words, the object
 * words and where the object was found) and under which measure heading it sits. A measure is an action on
 * democracy work, not a word: a label needs a trigger (a rule of the entry: training, communication, responsibility
 * and evaluation, reward and sanction, ICT and enabling conditions, inspection and reporting, the Boards) read in the
 * provision's own words, and an object that is grassroots democracy or one of its institutions, looked for
 * - in the segment that holds the trigger ("text"),
 * - else in the provision's other segments ("text"),
 * - else in the heading or introduction of the enclosing clause ("heading") or article ("article"), nearest first.
 * At each of these places an explicit object from another field (fire safety, exams, budgets, the resolution's own
 * implementation …) wins over a democracy object found further out. Words that only look like triggers (names of
 * bodies, money called bồi dưỡng) are blanked first. Under a heading whose role carries no measure (scope,
 * definitions, rights, lists of what is disclosed …) no measure is given. Headings place, they do not code: a code
 * is never passed down to the points of a clause; placedUnder says which measure heading a point sits under.
 * Practice tags need no object. One label per code and provision.
 */
import {
  compilePhrase, compilePhrases, findAll, foldWithMap, originalSlice, splitSegments,
  type FoldedText, type Taxonomy, type TaxonomyEntry, type TaxonomyRule,
} from '../reference/taxonomy.ts';

/** A provision as the classifier and the extractors see it (the parser's provisions fit this shape). */
export interface ProvisionInput {
  /** Readable id, e.g. "dieu-4.khoan-1.diem-a". */
  id: string;
  /** NFC reading text of the provision's own lines (children excluded), unwrapped, no markdown. */
  text: string;
  /** Heading words when the provision is an article or a clause that introduces points; null otherwise. */
  heading: string | null;
  parentId: string | null;
}

/** Where the trigger was read: the provision's own heading or its text. */
export type LabelVia = 'heading' | 'text';
/** Where the democracy object was found: the provision's own words, the enclosing clause's or the article's. */
export type ObjectFrom = 'text' | 'heading' | 'article';

export interface Label {
  code: string;
  via: LabelVia;
  /** Id of the taxonomy rule whose trigger matched. */
  rule: string;
  /** The trigger words, as printed in the source (NFC). */
  matched: string[];
  /** The object words (democracy or one of its institutions), as printed; null for practice tags and the Boards. */
  object: string | null;
  /** Where the object was found; null when no object is needed. */
  object_from: ObjectFrom | null;
  /** The provision whose words carry the object (the provision itself for "text"); null when none is needed. */
  object_in: string | null;
}

interface CompiledRule {
  rule: TaxonomyRule;
  any: RegExp;
  all: RegExp[];
  with: RegExp | null;
  none: RegExp | null;
}

interface Compiled {
  entries: { entry: TaxonomyEntry; rules: CompiledRule[]; objectNone: RegExp | null }[];
  democracy: RegExp | null;
  other: RegExp | null;
  senses: RegExp[];
  sensesAny: RegExp | null;
  roleStarts: RegExp | null;
  roleNone: RegExp | null;
}

const cache = new WeakMap<Taxonomy, Compiled>();
const list = (xs: readonly string[] | undefined) => (xs?.length ? compilePhrases(xs) : null);

/**
 * Object phrases matched word for word: words apart by white space only, or by a comma where the phrase writes one
 * ("ban, quyet dinh"), so that "nhân dân, Chủ tịch" is not "dân chủ".
 */
function strictPhrases(xs: readonly string[] | undefined): RegExp | null {
  if (!xs?.length) return null;
  const body = (p: string) => p.trim().split(/\s+/).map((w, i, all) => {
    const word = w.replace(/,$/, '').replace(/[^a-z0-9]/g, '');
    return i === all.length - 1 ? word : `${word}${w.endsWith(',') ? '\\s*,\\s*' : '\\s+'}`;
  }).join('');
  const bodies = xs.map(body).sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![a-z0-9])(?:${bodies.join('|')})(?![a-z0-9])`, 'g');
}

function compile(taxonomy: Taxonomy): Compiled {
  const hit = cache.get(taxonomy);
  if (hit) return hit;
  const rule = (r: TaxonomyRule): CompiledRule => ({
    rule: r, any: compilePhrases(r.any), all: (r.all ?? []).map(compilePhrase), with: list(r.with), none: list(r.none),
  });
  const starts = taxonomy.roles?.not_measures.starts;
  const compiled: Compiled = {
    entries: taxonomy.entries.map((entry) => ({ entry, rules: entry.rules.map(rule), objectNone: list(entry.object_none) })),
    democracy: strictPhrases(taxonomy.objects?.democracy),
    other: list(taxonomy.objects?.other_fields.flatMap((f) => f.any)),
    // One expression each: "mức chi bồi dưỡng" blanks both "mức chi" and "chi bồi dưỡng".
    senses: (taxonomy.senses_not_triggers ?? []).map(compilePhrase),
    sensesAny: list(taxonomy.senses_not_triggers),
    roleStarts: starts?.length ? new RegExp(`^(?:(?:cac|nhung)\\s+)?(?:${compilePhrases(starts).source})`) : null,
    roleNone: list(taxonomy.roles?.not_measures.none),
  };
  cache.set(taxonomy, compiled);
  return compiled;
}

/** Whether a global phrase expression matches anywhere in a string (lastIndex left at 0). */
function occurs(re: RegExp | null, s: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  const hit = re.test(s);
  re.lastIndex = 0;
  return hit;
}

/** A folded text with the spans of `blank` replaced by spaces (offsets kept, so printed words can still be shown). */
function blanked(ft: FoldedText, blank: readonly RegExp[], any: RegExp | null): FoldedText {
  if (!occurs(any, ft.folded)) return ft;
  const spans = blank.flatMap((re) => findAll(re, ft));
  if (spans.length === 0) return ft;
  let folded = ft.folded;
  for (const [s, e] of spans) folded = folded.slice(0, s) + ' '.repeat(e - s) + folded.slice(e);
  return { ...ft, folded };
}

/** The printed words of the first match of `re` in some segment, or null. */
function firstWords(re: RegExp | null, segs: readonly FoldedText[]): string | null {
  if (!re) return null;
  for (const ft of segs) {
    const [hit] = findAll(re, ft);
    if (hit) return originalSlice(ft, hit[0], hit[1]);
  }
  return null;
}

/** The printed trigger words a rule matched in one segment, or null when the segment does not satisfy it. */
function applyRule(r: CompiledRule, ft: FoldedText): string[] | null {
  const anyHits = findAll(r.any, ft);
  if (anyHits.length === 0) return null;
  if (r.none && findAll(r.none, ft).length > 0) return null;
  if (r.with && findAll(r.with, ft).length === 0) return null;
  const allHits = r.all.map((re) => findAll(re, ft));
  if (allHits.some((h) => h.length === 0)) return null;
  const words: string[] = [];
  let end = -1;
  for (const [s, e] of [...anyHits, ...allHits.flat()].sort((a, b) => a[0] - b[0] || b[1] - a[1])) {
    if (s < end) continue; // a shorter phrase inside a longer one already reported
    end = e;
    const w = originalSlice(ft, s, e);
    if (!words.includes(w)) words.push(w);
  }
  return words;
}

const segmentsOf = (text: string | null): FoldedText[] => (text ? splitSegments(text).map((s) => foldWithMap(s.text)) : []);

/** A provision's own words: its heading (unless its text already opens with it) and its text. */
function ownWords(p: ProvisionInput): { heading: FoldedText[]; text: FoldedText[] } {
  const repeats = p.heading !== null && p.text.trimStart().startsWith(p.heading.trim());
  return { heading: repeats ? [] : segmentsOf(p.heading), text: segmentsOf(p.text) };
}

/** What an object search found: a democracy object (with its words), another field (stop), or nothing (go on). */
type Found = { kind: 'democracy'; words: string } | { kind: 'other' } | null;

function objectIn(c: Compiled, segs: readonly FoldedText[]): Found {
  const words = firstWords(c.democracy, segs);
  if (segs.some((ft) => occurs(c.other, ft.folded))) {
    // Another field named where democracy is not: that field is what the words are about.
    if (words === null || !segs.some((ft) => occurs(c.democracy, ft.folded))) return { kind: 'other' };
  }
  return words === null ? null : { kind: 'democracy', words };
}

/** Whether a heading's opening words name a role that carries no measure (scope, rights, lists of content …). */
function isRoleWithoutMeasures(c: Compiled, heading: string | null): boolean {
  if (!heading || !c.roleStarts) return false;
  const label = /^\s*(?:điều\s+\d+[a-zđ]?\s*[.:]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\s*\))\s*/i;
  const folded = foldWithMap(heading.replace(label, '')).folded.trimStart();
  return occurs(c.roleStarts, folded) && !occurs(c.roleNone, folded);
}

/** Labels from a provision's own words, with objects looked for in it and then in `context` (nearest first). */
/** What the enclosing provisions' words are, worked out once per provision and document. */
interface Memo {
  role: Map<ProvisionInput, boolean>;
  words: Map<ProvisionInput, FoldedText[]>;
  head: Map<ProvisionInput, FoldedText[]>;
}
const newMemo = (): Memo => ({ role: new Map(), words: new Map(), head: new Map() });
function once<T>(m: Map<ProvisionInput, T>, q: ProvisionInput, make: () => T): T {
  let v = m.get(q);
  if (v === undefined) m.set(q, (v = make()));
  return v;
}

function labelsOf(p: ProvisionInput, context: readonly ProvisionInput[], c: Compiled, memo: Memo): Label[] {
  const own = ownWords(p);
  const ownAll = [...own.heading, ...own.text];
  if (ownAll.length === 0) return [];
  const noMeasures = [p, ...context].some((q) => once(memo.role, q, () => isRoleWithoutMeasures(c, q.heading)));
  const wordsOf = (q: ProvisionInput) => once(memo.words, q, () => [...segmentsOf(q.heading), ...(q.heading !== null && q.text.trimStart().startsWith(q.heading.trim()) ? [] : segmentsOf(q.text))]);
  const headOf = (q: ProvisionInput) => once(memo.head, q, () => segmentsOf(q.heading ?? q.text));
  const plain = { heading: own.heading.map((ft) => blanked(ft, c.senses, c.sensesAny)), text: own.text.map((ft) => blanked(ft, c.senses, c.sensesAny)) };
  // Most rules match nothing in most provisions: one test over all the words settles those (a match in a segment is
  // a match in the joined text, as "." ends every phrase).
  const joined = [...plain.heading, ...plain.text].map((ft) => ft.folded).join(' . ');
  // The object for a trigger outside its own segment: the provision's words, then the enclosing provisions'.
  let outer: { found: Found; from: ObjectFrom; in: string } | null | undefined;
  const outerObject = () => {
    if (outer !== undefined) return outer;
    outer = null;
    const mine = objectIn(c, ownAll);
    if (mine) return (outer = { found: mine, from: 'text', in: p.id });
    for (const q of context) {
      const f = objectIn(c, wordsOf(q));
      if (f) return (outer = { found: f, from: q.parentId === null ? 'article' : 'heading', in: q.id });
    }
    return outer;
  };
  const labels: Label[] = [];
  for (const { entry, rules, objectNone } of c.entries) {
    const practice = entry.kind === 'practice';
    if (!practice && noMeasures) continue;
    let label: Label | null = null;
    const voids = (words: string) => objectNone !== null && occurs(objectNone, foldWithMap(words).folded);
    // A provision in an article or clause about what object_none names (a Board's tasks) is that body's own work.
    if (objectNone !== null && context.some((q) => headOf(q).some((ft) => occurs(objectNone, ft.folded)))) continue;
    for (const r of rules) {
      if (!occurs(r.any, joined)) continue;
      for (const via of ['heading', 'text'] as const) {
        for (const ft of plain[via]) {
          const matched = applyRule(r, ft);
          if (!matched) continue;
          if (practice || entry.object_free) {
            label = { code: entry.code, via, rule: r.rule.id, matched, object: null, object_from: null, object_in: null };
            break;
          }
          const here = objectIn(c, [ft]);
          if (here?.kind === 'other') continue;
          if (here && voids(here.words)) continue;
          if (here) {
            label = { code: entry.code, via, rule: r.rule.id, matched, object: here.words, object_from: 'text', object_in: p.id };
            break;
          }
          const o = outerObject();
          if (o?.found?.kind === 'democracy' && !voids(o.found.words)) {
            label = { code: entry.code, via, rule: r.rule.id, matched, object: o.found.words, object_from: o.from, object_in: o.in };
            break;
          }
        }
        if (label) break;
      }
      if (label) break;
    }
    // The Boards as the object of the enclosing clause or article (their tasks, their members' criteria).
    if (!label && entry.object_free && !noMeasures) label = objectFreeInContext(entry.code, rules, context, headOf);
    if (label) labels.push(label);
  }
  // One label per code; the taxonomy's order.
  return labels;
}

/** A label for an object-free entry (the Boards) whose trigger is in the heading of an enclosing provision. */
function objectFreeInContext(code: string, rules: readonly CompiledRule[], context: readonly ProvisionInput[], headOf: (q: ProvisionInput) => FoldedText[]): Label | null {
  for (const q of context) {
    for (const r of rules) {
      for (const ft of headOf(q)) {
        if (!occurs(r.any, ft.folded)) continue;
        const matched = applyRule(r, ft);
        if (matched) return { code, via: 'text', rule: r.rule.id, matched, object: matched.join('; '), object_from: q.parentId === null ? 'article' : 'heading', object_in: q.id };
      }
    }
  }
  return null;
}

/** The enclosing provisions of one, nearest first (a parentId not in the list ends the walk; a cycle is cut). */
function ancestors(p: ProvisionInput, byId: Map<string, ProvisionInput>): ProvisionInput[] {
  const out: ProvisionInput[] = [];
  const seen = new Set([p.id]);
  let parent = p.parentId;
  while (parent !== null && byId.has(parent) && !seen.has(parent)) {
    seen.add(parent);
    const q = byId.get(parent) as ProvisionInput;
    out.push(q);
    parent = q.parentId;
  }
  return out;
}

/** Labels from one provision's own words, its objects looked for in itself only (no context). */
export function classifyProvision(p: ProvisionInput, taxonomy: Taxonomy): Label[] {
  return labelsOf(p, [], compile(taxonomy), newMemo());
}

/**
 * Labels for every provision of one document, keyed by id in input order. Provisions are linked by parentId only:
 * nothing depends on document ids or on positions.
 */
export function classifyDocument(provisions: ProvisionInput[], taxonomy: Taxonomy): Map<string, Label[]> {
  const c = compile(taxonomy);
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const memo = newMemo();
  return new Map(provisions.map((p) => [p.id, labelsOf(p, ancestors(p, byId), c, memo)]));
}

/**
 * The measure heading each provision sits under: the measure codes (M…, X…) of its nearest enclosing provision that
 * has any, keyed by id (empty when none). A place, not a code: the provision's own codes are in its labels.
 */
export function placedUnder(provisions: ProvisionInput[], labels: Map<string, Label[]>): Map<string, string[]> {
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const codesOf = (id: string) => [...new Set((labels.get(id) ?? []).map((l) => l.code).filter((x) => /^[MX]\d$/.test(x)))].sort();
  return new Map(provisions.map((p) => {
    const holder = ancestors(p, byId).find((q) => codesOf(q.id).length > 0);
    return [p.id, holder ? codesOf(holder.id) : []];
  }));
}
