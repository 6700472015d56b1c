/**
 * The compare page's data and view model, shared by the build (JSON endpoints, the static example) and the browser
 * (src/client/compare.ts). Published rows → a small index of resolutions (label in both languages, level,
 * completeness, a folded search key) and one record per resolution (provisions grouped by measure code, objectives,
 * funding, supervision, legal bases, and where its provisions share passages with other resolutions, as offsets);
 * records → columns of cells, each 'found', 'not-found' (a full text without it) or 'unknown' (an opening or a
 * catalogue entry: not absent, just not seen). Pure: no I/O, no DOM.
 */
import { placeName } from '../reference/place-name.ts';
import type { Lang } from '../reference/vocabulary.ts';
import type { RowOf } from '../publish/schema.ts';
import { collatorVi, foldChars, foldVi } from '../text/normalize.ts';
import { MEASURE_CODES } from '../reference/vocabulary.ts';
import { formatDate } from './i18n.ts';
import { provisionLabel } from '../reference/provision-label.ts';

const EXTRA_ROWS = ['objectives', 'funding', 'supervision', 'legal_bases'] as const;
export const COMPARE_ROWS = [...MEASURE_CODES, ...EXTRA_ROWS] as const;
export type RowKey = (typeof COMPARE_ROWS)[number];
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 5;
/** Supervision actors in the schema's order (People's Committee first); a test checks it against schema.ts. */
export const ACTORS = ['people_committee', 'standing_committee', 'committees', 'delegate_groups', 'delegates', 'fatherland_front', 'socio_political_orgs', 'other'] as const;

type Res = RowOf<'resolutions'>;
type Completeness = Res['completeness'];

/** "tỉnh Lạng Sơn" / "Lạng Sơn province", with the province for lower levels and the number (or term and session) to tell two resolutions of one council apart. */
export function resolutionLabel(r: Pick<Res, 'unit_type' | 'jurisdiction' | 'level' | 'province' | 'number' | 'term' | 'session'>, lang: Lang): string {
  const place = placeName(lang, r);
  const within = r.level === 'province' ? '' : ` (${r.province})`;
  const which = r.number ?? (r.term ? (lang === 'vi' ? `khóa ${r.term}` : `term ${r.term}`) + (r.session ? (lang === 'vi' ? `, kỳ họp ${r.session}` : `, session ${r.session}`) : '') : null);
  return `${place}${within}${which ? `, ${which}` : ''}`;
}

type Named = Pick<Res, 'id' | 'unit_type' | 'jurisdiction' | 'level' | 'number' | 'term' | 'session' | 'adopted_on' | 'signed_on'>;

/** A resolution's place as the overview names it: the province's name, or the unit below it ("xã Linh Sơn" / "Linh Sơn commune"). */
export const shortPlace = (lang: Lang, r: Pick<Res, 'unit_type' | 'jurisdiction' | 'level'>): string =>
  (r.level === 'province' ? r.jurisdiction : placeName(lang, r));

/**
 * Names that tell rows apart, for lists, the matrix and pickers: the place alone where it is the only resolution of
 * its place, otherwise the place and, in brackets, the number, or (a copy without one) the term and session and the
 * date: "Hồ Chí Minh (53/2025/NQ-HĐND)", "Hồ Chí Minh (khóa X, kỳ họp 20)". `place` names the place.
 */
export function distinctNames(resolutions: readonly Named[], lang: Lang, place: (r: Named) => string = (r) => shortPlace(lang, r)): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of resolutions) count.set(place(r), (count.get(place(r)) ?? 0) + 1);
  return new Map(resolutions.map((r) => {
    const p = place(r);
    if ((count.get(p) ?? 0) < 2) return [r.id, p];
    const on = r.adopted_on ?? r.signed_on;
    const session = [r.term ? (lang === 'vi' ? `khóa ${r.term}` : `term ${r.term}`) : null, r.session ? (lang === 'vi' ? `kỳ họp ${r.session}` : `session ${r.session}`) : null, on ? formatDate(lang, on) : null]
      .filter(Boolean).join(', ');
    return [r.id, `${p} (${r.number ?? (session || r.id)})`];
  }));
}

export interface IndexEntry {
  id: string;
  label_vi: string;
  label_en: string;
  level: Res['level'];
  completeness: Completeness;
  /** Folded search key; fields joined with " | " so a query never matches across two of them. */
  fold: string;
  /** Folded jurisdiction name: a match at its start ranks first. */
  name_fold: string;
}

/** The picker's index, in Vietnamese collation order of the place names (then labels). */
export function compareIndex(resolutions: readonly Res[]): IndexEntry[] {
  return [...resolutions]
    .sort((a, b) => collatorVi.compare(a.jurisdiction, b.jurisdiction) || collatorVi.compare(resolutionLabel(a, 'vi'), resolutionLabel(b, 'vi')) || (a.id < b.id ? -1 : 1))
    .map((r) => {
      const label_vi = resolutionLabel(r, 'vi');
      const label_en = resolutionLabel(r, 'en');
      return { id: r.id, label_vi, label_en, level: r.level, completeness: r.completeness, fold: [label_vi, label_en].map(foldVi).join(' | '), name_fold: foldVi(r.jurisdiction) };
    });
}

/**
 * Entries matching a query, diacritics-insensitive ("lang son" finds "Lạng Sơn"): the query is folded like the key.
 * Names starting with the query come first, then a word starting with it, then any substring; index order within.
 */
export function filterIndex(entries: readonly IndexEntry[], query: string): IndexEntry[] {
  const q = foldVi(query);
  if (!q) return [...entries];
  const rank = (e: IndexEntry) => (e.name_fold.startsWith(q) ? 0 : ` ${e.fold}`.includes(` ${q}`) ? 1 : e.fold.includes(q) ? 2 : 3);
  return entries
    .map((e, i) => ({ e, i, r: rank(e) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/** The ids of a query string ("?ids=a,b,c"): known ids only, first occurrence kept, at most MAX_COMPARE. */
export function parseIds(search: string, known: ReadonlySet<string>): string[] {
  const raw = new URLSearchParams(search).get('ids') ?? '';
  const out: string[] = [];
  for (const id of raw.split(',').map((s) => s.trim())) if (known.has(id) && !out.includes(id)) out.push(id);
  return out.slice(0, MAX_COMPARE);
}

/** Ids in ?ids=… that name no resolution of the index, as written (trimmed, once each), to name them to the reader. */
export function unknownIds(search: string, known: ReadonlySet<string>): string[] {
  const raw = new URLSearchParams(search).get('ids') ?? '';
  return [...new Set(raw.split(',').map((s) => s.trim()).filter((id) => id && !known.has(id)))];
}

/**
 * How many resolutions the picker lists before the reader types: every one of them while the corpus is small (all
 * visible in one list), the first ones and a note saying how many more there are once it is large.
 */
export const PICKER_SHOWN = 60;

/** "?ids=a,b" with literal commas (ids are ASCII slugs), or "" for no selection: short links people can read. */
export function idsQuery(ids: readonly string[]): string {
  return ids.length ? `?ids=${ids.join(',')}` : '';
}

export interface SharedSpan {
  start: number;
  end: number;
  other: string;
  other_provision: string;
  other_ref_vi: string;
  other_ref_en: string;
}
export interface SiteProvision { provision_id: string; ref_vi: string; ref_en: string; text: string; spans: SharedSpan[] }
export interface SiteItem { provision_id: string | null; ref_vi: string | null; ref_en: string | null; text: string; tag: string | null; flags: string[] }

export interface SiteResolution {
  id: string;
  label_vi: string;
  label_en: string;
  number: string | null;
  level: Res['level'];
  completeness: Completeness;
  date: string | null;
  provisions: Record<(typeof MEASURE_CODES)[number], SiteProvision[]>;
  objectives: SiteItem[];
  funding: SiteItem[];
  supervision: SiteItem[];
  legal_bases: SiteItem[];
}

export interface CompareTables {
  resolutions: readonly Res[];
  provisions: readonly RowOf<'provisions'>[];
  objectives: readonly RowOf<'objectives'>[];
  funding: readonly RowOf<'funding'>[];
  supervision: readonly RowOf<'supervision'>[];
  legal_bases: readonly RowOf<'legal_bases'>[];
  shared_passages: readonly RowOf<'shared_passages'>[];
}

/**
 * Words of a text with their offsets: the word rule of shingles.tokenize (runs of letters and digits, folded, marks
 * dropped), restated here so the browser bundle does not carry the reuse engine; a test checks the two agree.
 */
export function words(text: string): { words: string[]; starts: number[]; ends: number[] } {
  const nfc = text.normalize('NFC');
  const folded = foldChars(nfc);
  const out = { words: [] as string[], starts: [] as number[], ends: [] as number[] };
  // Combining marks are rare in NFC text: test the text once rather than every word.
  const marks = /\p{M}/u.test(folded);
  for (const m of folded.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)) {
    out.words.push(marks ? m[0].replace(/\p{M}/gu, '') : m[0]);
    out.starts.push(m.index);
    out.ends.push(m.index + m[0].length);
  }
  return out;
}

/**
 * Where a passage's words (compared folded, as the reuse engine does) sit in an NFC text, or null when they do not.
 * `t` is the text's words when the caller has them already (one provision can hold hundreds of passages).
 */
export function locatePassage(text: string, passage: string, t: ReturnType<typeof words> = words(text)): [number, number] | null {
  const w = words(passage).words;
  if (!w.length) return null;
  outer: for (let i = 0; i + w.length <= t.words.length; i++) {
    for (let k = 0; k < w.length; k++) if (t.words[i + k] !== w[k]) continue outer;
    return [t.starts[i] ?? 0, t.ends[i + w.length - 1] ?? 0];
  }
  return null;
}

const displayText = (p: RowOf<'provisions'>) => p.text ?? p.heading ?? '';

/** One resolution's record for the compare page (served as /data/site/resolutions/<id>.json). */
export function siteResolution(id: string, t: CompareTables): SiteResolution {
  const r = t.resolutions.find((x) => x.id === id);
  if (!r) throw new Error(`unknown resolution '${id}'; hint: ids come from resolutions.id`);
  const own = t.provisions.filter((p) => p.resolution_id === id);
  const key = (rid: string, pid: string) => `${rid}\u001f${pid}`;
  const byKey = new Map(t.provisions.map((p) => [key(p.resolution_id, p.provision_id), p]));
  const spans = new Map<string, SharedSpan[]>();
  const tokens = new Map<RowOf<'provisions'>, ReturnType<typeof words>>();
  const wordsOf = (p: RowOf<'provisions'>) => tokens.get(p) ?? tokens.set(p, words(displayText(p))).get(p)!;
  for (const s of t.shared_passages) {
    const sides = [[s.resolution_a, s.provision_a, s.resolution_b, s.provision_b], [s.resolution_b, s.provision_b, s.resolution_a, s.provision_a]] as const;
    for (const [rid, pid, other, opid] of sides) {
      const p = rid === id ? byKey.get(key(rid, pid)) : undefined;
      const op = byKey.get(key(other, opid));
      const at = p && op ? locatePassage(displayText(p), s.text, wordsOf(p)) : null;
      if (!at || !op) continue;
      const list = spans.get(pid) ?? [];
      list.push({ start: at[0], end: at[1], other, other_provision: opid, other_ref_vi: provisionLabel('vi', op), other_ref_en: provisionLabel('en', op) });
      spans.set(pid, list);
    }
  }
  const site = (p: RowOf<'provisions'>): SiteProvision => ({
    provision_id: p.provision_id, ref_vi: provisionLabel('vi', p), ref_en: provisionLabel('en', p), text: displayText(p),
    spans: (spans.get(p.provision_id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end),
  });
  const provisions = Object.fromEntries(MEASURE_CODES.map((c) => [c, own.filter((p) => p.measures.includes(c)).map(site)])) as SiteResolution['provisions'];
  const mine = <T extends { resolution_id: string }>(rows: readonly T[]) => rows.filter((x) => x.resolution_id === id);
  const refs = (pid: string) => {
    const p = byKey.get(key(id, pid));
    return { provision_id: pid, ref_vi: p ? provisionLabel('vi', p) : null, ref_en: p ? provisionLabel('en', p) : null };
  };
  return {
    id, label_vi: resolutionLabel(r, 'vi'), label_en: resolutionLabel(r, 'en'), number: r.number, level: r.level,
    completeness: r.completeness, date: r.adopted_on ?? r.signed_on, provisions,
    objectives: mine(t.objectives).map((o) => ({ ...refs(o.provision_id), text: o.text, tag: null, flags: [] })),
    funding: mine(t.funding).map((f) => ({
      ...refs(f.provision_id), text: f.text, tag: f.source,
      flags: [f.budget_decentralisation ? 'decentralisation' : '', f.regular_spending ? 'regular_spending' : ''].filter(Boolean),
    })),
    supervision: groupSupervision(mine(t.supervision)).map((g) => ({ ...refs(g.provision_id), text: g.text, tag: g.role, flags: g.actors })),
    legal_bases: mine(t.legal_bases).map((b) => ({
      provision_id: null, ref_vi: null, ref_en: null, text: b.citation, tag: b.kind, flags: b.is_superseded ? ['superseded'] : [],
    })),
  };
}

/** One item per provision, role and wording, listing its actors: a sentence naming four bodies is shown once. */
function groupSupervision(rows: readonly RowOf<'supervision'>[]): { provision_id: string; role: string; text: string; actors: string[] }[] {
  const out = new Map<string, { provision_id: string; role: string; text: string; actors: string[] }>();
  for (const s of rows) {
    const k = `${s.provision_id}\u001f${s.role}\u001f${s.text}`;
    const g = out.get(k) ?? { provision_id: s.provision_id, role: s.role, text: s.text, actors: [] };
    g.actors.push(s.actor);
    out.set(k, g);
  }
  const order: readonly string[] = ACTORS;
  for (const g of out.values()) g.actors.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...out.values()];
}

export type CellState = 'found' | 'not-found' | 'unknown';

/** Items of a row; when there are none, a full text does not have it and any other copy leaves it unknown. */
export function cellOf(r: SiteResolution, row: RowKey): { state: CellState; items: (SiteProvision | SiteItem)[] } {
  const items: (SiteProvision | SiteItem)[] = (MEASURE_CODES as readonly string[]).includes(row)
    ? r.provisions[row as (typeof MEASURE_CODES)[number]]
    : r[row as (typeof EXTRA_ROWS)[number]];
  if (items.length) return { state: 'found', items };
  return { state: r.completeness === 'full' ? 'not-found' : 'unknown', items };
}

/** Vocabulary keys (VOCAB in themes.ts) of an item's chips: funding source and attributes, role and actors, a superseded basis. */
export function itemTags(row: RowKey, item: SiteItem): string[] {
  if (row === 'funding') return [`src.${item.tag}`, ...item.flags.map((f) => `flag.${f}`)];
  if (row === 'supervision') return [`role.${item.tag}`, ...item.flags.map((a) => `actor.${a}`)];
  return item.flags.map((f) => `flag.${f}`);
}

export interface Segment { text: string; others: string[] }

/**
 * A provision's text cut at the edges of its shared passages with the resolutions on show: each segment lists the
 * resolutions it is shared with (empty for unshared text). Overlapping passages split into their common parts.
 */
export function markSegments(text: string, spans: readonly SharedSpan[], shown: ReadonlySet<string>): Segment[] {
  const live = spans.filter((s) => shown.has(s.other) && s.end > s.start);
  const cuts = [...new Set([0, text.length, ...live.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i] ?? 0, cuts[i + 1] ?? 0];
    const others = [...new Set(live.filter((s) => s.start <= a && s.end >= b).map((s) => s.other))].sort();
    const last = out[out.length - 1];
    if (last && last.others.join() === others.join()) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), others });
  }
  return out.filter((s) => s.text);
}

/** The provisions of resolutions on show that share a passage with this one, once each, in text order. */
export function sharedWith(spans: readonly SharedSpan[], shown: ReadonlySet<string>): SharedSpan[] {
  const seen = new Set<string>();
  return spans.filter((s) => shown.has(s.other) && !seen.has(`${s.other}#${s.other_provision}`) && seen.add(`${s.other}#${s.other_provision}`));
}

/** The default example of the static page: the first full texts in index order. */
export function defaultIds(index: readonly IndexEntry[], n = 3): string[] {
  return index.filter((e) => e.completeness === 'full').slice(0, n).map((e) => e.id);
}
