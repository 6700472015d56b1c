/**
 * Measure labels for provisions: a provision (its heading and its own text) and the taxonomy → labels saying which
 * measure or practice the provision is about, by which rule and on which printed words. classifyProvision looks
 * at one provision; classifyDocument also passes a measure clause's code down to its points ("inherited"), so that
 * counting provisions by measure works whatever the points' own words are.
 *
 * Signals, strongest first:
 * - heading: a heading rule matched the provision's heading. Measures articles print the five measures as clause
 *   headings, in any order (Hải Phòng puts information first), so the heading, not the position, says which.
 * - text: a text rule matched a segment of the provision's text (line, semicolon piece or sentence). Text rules are
 *   keyed on the action a segment performs, and may exclude segments (a training sentence that lists "công nghệ
 *   thông tin" among the skills is M1, not M5). A passing mention should not label.
 * - inherited: the code of the nearest ancestors' heading labels, or of an ancestor without a heading whose own text
 *   introduces its points (a clause whose intro line ends in a period gets no heading from the parser).
 * One label per code and provision, the strongest; practice tags are never inherited.
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

export type LabelVia = 'heading' | 'text' | 'inherited';

export interface Label {
  code: string;
  via: LabelVia;
  /** Id of the taxonomy rule that matched (for inherited labels: the rule that matched the ancestor). */
  rule: string;
  /** The words that matched, as printed in the source (NFC). */
  matched: string[];
  /** For inherited labels, the id of the provision whose heading (or intro) carried the code; otherwise null. */
  from: string | null;
}

interface CompiledRule {
  rule: TaxonomyRule;
  any: RegExp;
  all: RegExp[];
  none: RegExp | null;
}

interface Compiled {
  entries: { entry: TaxonomyEntry; heading: CompiledRule[]; text: CompiledRule[] }[];
  inheritable: Set<string>;
}

const cache = new WeakMap<Taxonomy, Compiled>();

function compile(taxonomy: Taxonomy): Compiled {
  const hit = cache.get(taxonomy);
  if (hit) return hit;
  const rule = (r: TaxonomyRule): CompiledRule => ({
    rule: r, any: compilePhrases(r.any), all: (r.all ?? []).map(compilePhrase), none: r.none?.length ? compilePhrases(r.none) : null,
  });
  const compiled: Compiled = {
    entries: taxonomy.entries.map((entry) => ({
      entry,
      heading: entry.rules.filter((r) => r.heading_only).map(rule),
      text: entry.rules.filter((r) => !r.heading_only).map(rule),
    })),
    inheritable: new Set(taxonomy.entries.filter((e) => e.kind !== 'practice').map((e) => e.code)),
  };
  cache.set(taxonomy, compiled);
  return compiled;
}

/** A text's segments, folded once for all rules, and their folds joined by a boundary no phrase crosses. */
interface Segments {
  list: FoldedText[];
  joined: string;
}

/** Whether a global phrase expression matches anywhere in a string (lastIndex left at 0). */
function occurs(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(s);
  re.lastIndex = 0;
  return hit;
}

/** The printed words a rule matched in some segments, or null when no segment satisfies it. */
function applyRule(r: CompiledRule, segments: Segments): string[] | null {
  // Most rules match nothing in most provisions: one test over the whole text settles those (a match in a
  // segment is a match in the joined text, as "." ends every phrase).
  if (!occurs(r.any, segments.joined)) return null;
  const words: string[] = [];
  for (const ft of segments.list) {
    const anyHits = findAll(r.any, ft);
    if (anyHits.length === 0) continue;
    if (r.none && findAll(r.none, ft).length > 0) continue;
    const allHits = r.all.map((re) => findAll(re, ft));
    if (allHits.some((h) => h.length === 0)) continue;
    const spans = [...anyHits, ...allHits.flat()].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let end = -1;
    for (const [s, e] of spans) {
      if (s < end) continue; // a shorter phrase inside a longer one already reported
      end = e;
      const w = originalSlice(ft, s, e);
      if (!words.includes(w)) words.push(w);
    }
  }
  return words.length ? words : null;
}

/** A text cut into segments and folded once, for all rules. */
function foldSegments(text: string | null): Segments {
  const list = text ? splitSegments(text).map((s) => foldWithMap(s.text)) : [];
  return { list, joined: list.map((ft) => ft.folded).join(' . ') };
}

/** Labels from the provision's own heading and text (no inheritance). */
export function classifyProvision(p: ProvisionInput, taxonomy: Taxonomy): Label[] {
  const { entries } = compile(taxonomy);
  const headingSegs = foldSegments(p.heading);
  const textSegs = foldSegments(p.text);
  const heading: Label[] = [];
  const text: Label[] = [];
  for (const { entry, heading: hRules, text: tRules } of entries) {
    const first = (rules: CompiledRule[], segs: Segments, via: LabelVia): Label | null => {
      if (segs.list.length === 0) return null;
      for (const r of rules) {
        const matched = applyRule(r, segs);
        if (matched) return { code: entry.code, via, rule: r.rule.id, matched, from: null };
      }
      return null;
    };
    const h = first(hRules, headingSegs, 'heading');
    if (h) heading.push(h);
    else {
      const t = first(tRules, textSegs, 'text');
      if (t) text.push(t);
    }
  }
  return [...heading, ...text];
}

/**
 * Labels for every provision of one document, keyed by id in input order, with inherited labels. Provisions are
 * linked by parentId only: nothing depends on document ids or on positions. A parentId that is not in the list
 * ends the walk up; a cycle is cut where it closes.
 */
export function classifyDocument(provisions: ProvisionInput[], taxonomy: Taxonomy): Map<string, Label[]> {
  const { inheritable } = compile(taxonomy);
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const own = new Map(provisions.map((p) => [p.id, classifyProvision(p, taxonomy)]));
  const hasChildren = new Set(provisions.map((p) => p.parentId).filter((x): x is string => x !== null));
  const out = new Map<string, Label[]>();
  for (const p of provisions) {
    const labels = [...(own.get(p.id) ?? [])];
    const seen = new Set(labels.map((l) => l.code));
    const visited = new Set([p.id]);
    let parent = p.parentId;
    while (parent !== null && byId.has(parent) && !visited.has(parent)) {
      visited.add(parent);
      const anc = byId.get(parent) as ProvisionInput;
      // A heading scopes what follows; an ancestor without one but with points is its points' introduction.
      const carrying = (own.get(parent) ?? []).filter(
        (l) => inheritable.has(l.code) && (l.via === 'heading' || (anc.heading === null && hasChildren.has(parent as string))),
      );
      for (const l of carrying) {
        if (seen.has(l.code)) continue;
        seen.add(l.code);
        labels.push({ code: l.code, via: 'inherited', rule: l.rule, matched: l.matched, from: parent });
      }
      parent = anc.parentId;
    }
    out.set(p.id, labels);
  }
  return out;
}
