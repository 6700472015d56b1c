/**
 * What a resolution's page shows, computed from the published tables: the rows of each table that belong to one
 * resolution (also the per-resolution CSV downloads), its provisions ready to render (printed label, heading split
 * from the words after it, measure badges with the rules and words that matched, practice tags), its most similar
 * resolutions with the passages they share, and small text helpers (readable provision names, visible white space
 * in corrections). Rows in, plain values out.
 */
import type { Lang } from '../reference/vocabulary.ts';
import { type Matrix, type MatrixRow } from './overview.ts';
import { LEVELS } from '../reference/vocabulary.ts';
import type { RowOf, TableName } from '../publish/schema.ts';
import { collatorVi } from '../text/normalize.ts';

type Provision = RowOf<'provisions'>;
type Label = RowOf<'provision_measures'>;

/** Tables with rows of one resolution, in the order the downloads list them. */
export const RESOLUTION_TABLES = [
  'resolutions', 'provisions', 'provision_measures', 'legal_bases', 'corrections', 'objectives', 'funding',
  'supervision', 'similarity', 'shared_passages',
] as const satisfies readonly TableName[];
export type ResolutionTable = (typeof RESOLUTION_TABLES)[number];

export type ResolutionTables = { [N in ResolutionTable]: readonly RowOf<N>[] };

export function isResolutionTable(name: string): name is ResolutionTable {
  return (RESOLUTION_TABLES as readonly string[]).includes(name);
}

/** The rows of a table that concern one resolution (for similarity and shared passages, either side of a pair). */
export function rowsOfResolution<N extends ResolutionTable>(t: ResolutionTables, table: N, id: string): RowOf<N>[] {
  const rows = t[table] as readonly Record<string, unknown>[];
  const mine = (r: Record<string, unknown>) =>
    table === 'resolutions' ? r.id === id
      : table === 'similarity' || table === 'shared_passages' ? r.resolution_a === id || r.resolution_b === id
        : r.resolution_id === id;
  return rows.filter(mine) as RowOf<N>[];
}

/** Per resolution id, its rows of every per-resolution table; an unknown id gets empty tables. */
export type ResolutionSlices = (id: string) => ResolutionTables;

/**
 * The per-resolution tables split by resolution in one pass over each table (rows keep their published order), so
 * a page takes its rows without scanning every table: rowsOfResolution for each of N pages is O(N²) over the corpus.
 * A similarity or shared-passage row belongs to both sides of its pair.
 */
export function indexByResolution(t: ResolutionTables): ResolutionSlices {
  const out = new Map<string, Record<string, Record<string, unknown>[]>>();
  const add = (id: unknown, table: string, row: Record<string, unknown>) => {
    if (typeof id !== 'string') return;
    let slice = out.get(id);
    if (!slice) out.set(id, (slice = Object.fromEntries(RESOLUTION_TABLES.map((n) => [n, []]))));
    slice[table]!.push(row);
  };
  for (const table of RESOLUTION_TABLES) {
    for (const r of t[table] as readonly Record<string, unknown>[]) {
      if (table === 'resolutions') add(r.id, table, r);
      else if (table === 'similarity' || table === 'shared_passages') {
        add(r.resolution_a, table, r);
        if (r.resolution_b !== r.resolution_a) add(r.resolution_b, table, r);
      } else add(r.resolution_id, table, r);
    }
  }
  const empty = Object.fromEntries(RESOLUTION_TABLES.map((n) => [n, []])) as unknown as ResolutionTables;
  return (id) => (out.get(id) as unknown as ResolutionTables | undefined) ?? empty;
}

// ---- provisions ----------------------------------------------------------------------------------------------

export interface Badge {
  code: string;
  /** The label rows behind the badge (usually one): how it was assigned, the rule and the words. */
  labels: Label[];
}

export interface ProvisionView {
  row: Provision;
  /** As printed before the provision, in both languages (it is part of the source text): "Điều 4.", "2.", "a)". */
  marker: string;
  heading: string | null;
  /** The words after the heading (the text without the heading it repeats); null when there are none. */
  body: string | null;
  /** True when body continues the heading's sentence (", gồm:"), so it reads on the same line. */
  continues: boolean;
  badges: Badge[];
  /** Practice codes (taxonomy kind 'practice') labelled on the provision, in code order. */
  practices: string[];
}

/** heading + text → the words after the heading: the text repeats an article's or clause's heading first. */
export function splitHeading(heading: string | null, text: string | null): { heading: string | null; body: string | null; continues: boolean } {
  if (!text) return { heading, body: null, continues: false };
  if (heading && text.startsWith(heading)) {
    const rest = text.slice(heading.length).trim();
    return { heading, body: rest === '' ? null : rest, continues: /^[,;:.)]/.test(rest) };
  }
  return { heading, body: text, continues: false };
}

export function provisionMarker(p: Pick<Provision, 'article' | 'clause' | 'point'>): string {
  if (p.point !== null) return `${p.point})`;
  if (p.clause !== null) return `${p.clause}.`;
  return `Điều ${p.article}.`;
}

/** Fragment of a measure's list of provisions on a resolution page ("measure-M1"), where a matrix cell leads. */
export function measureAnchor(code: string): string {
  return `measure-${code}`;
}

/**
 * The provisions of one resolution in document order, each with its badges (codes in provisions.measures, in their
 * order, explained by the provision_measures rows for the same code) and its practice tags.
 */
export function provisionViews(provisions: readonly Provision[], labels: readonly Label[], measureCodes: ReadonlySet<string>): ProvisionView[] {
  const byProvision = new Map<string, Label[]>();
  for (const l of labels) byProvision.set(l.provision_id, [...(byProvision.get(l.provision_id) ?? []), l]);
  return [...provisions].sort((a, b) => a.ord - b.ord).map((row) => {
    const mine = byProvision.get(row.provision_id) ?? [];
    const { heading, body, continues } = splitHeading(row.heading, row.text);
    return {
      row,
      marker: provisionMarker(row),
      heading,
      body,
      continues,
      badges: row.measures.filter((c) => measureCodes.has(c)).map((code) => ({ code, labels: mine.filter((l) => l.code === code) })),
      practices: mine.filter((l) => !measureCodes.has(l.code) && l.reviewed !== false).map((l) => l.code).sort(),
    };
  });
}

// ---- similar resolutions -------------------------------------------------------------------------------------

export interface Passage { ord: number; text: string; n_words: number; here: string; there: string }
export interface Similar { other: string; score: number; n_shared_passages: number; passages: Passage[] }

/**
 * The `n` resolutions most similar to `id` over the whole text (scope 'all'), best first, each with the passages
 * the pair shares (longest first, at most `maxPassages`), the provision on this side (`here`) and the other
 * (`there`).
 */
export function mostSimilar(
  similarity: readonly RowOf<'similarity'>[], shared: readonly RowOf<'shared_passages'>[], id: string, n = 3, maxPassages = 8,
): Similar[] {
  const pairs = similarity
    .filter((s) => s.scope === 'all' && (s.resolution_a === id || s.resolution_b === id) && s.score > 0)
    .map((s) => ({ other: s.resolution_a === id ? s.resolution_b : s.resolution_a, score: s.score, n_shared_passages: s.n_shared_passages }))
    .sort((a, b) => b.score - a.score || (a.other < b.other ? -1 : 1))
    .slice(0, n);
  return pairs.map((p) => {
    const passages = shared
      .filter((s) => (s.resolution_a === id && s.resolution_b === p.other) || (s.resolution_b === id && s.resolution_a === p.other))
      .map((s) => ({
        ord: s.ord, text: s.text, n_words: s.n_words,
        here: s.resolution_a === id ? s.provision_a : s.provision_b,
        there: s.resolution_a === id ? s.provision_b : s.provision_a,
      }))
      .sort((a, b) => b.n_words - a.n_words || a.here.localeCompare(b.here) || a.ord - b.ord)
      .slice(0, maxPassages);
    return { ...p, passages };
  });
}

// ---- small helpers -----------------------------------------------------------------------------------------

/** Correction text with its invisible characters shown: line break ↵, tab →, leading/trailing spaces ·. */
export function visibleWhitespace(s: string): string {
  return s
    .replace(/\t/g, '→')
    .replace(/\r?\n/g, '↵')
    .replace(/^ +| +$/g, (m) => '·'.repeat(m.length));
}

/** Corrections in the order they occur in the raw file (the published order is by correction_id). */
export function correctionsInOrder(rows: readonly RowOf<'corrections'>[]): RowOf<'corrections'>[] {
  return [...rows].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Rows grouped by a key, keys in first-seen order. */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** `${resolution_id}#${provision_id}` → the provision, to name provisions of other resolutions. */
export function provisionIndex(provisions: readonly Provision[]): Map<string, Provision> {
  return new Map(provisions.map((p) => [`${p.resolution_id}#${p.provision_id}`, p]));
}

/** Register id → the number a citation prints for it (from any legal_bases row), to name a replacing document. */
export function legalRefNumbers(bases: readonly RowOf<'legal_bases'>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of bases) if (b.ref && b.number && !out.has(b.ref)) out.set(b.ref, b.number);
  return out;
}

/** The list page's groups: the matrix rows by level (province, district, commune), each by name in Vietnamese order. */
export function rowsByLevel(m: Matrix): { level: MatrixRow['resolution']['level']; rows: MatrixRow[] }[] {
  return LEVELS.map((level) => ({
    level,
    rows: m.rows.filter((r) => r.resolution.level === level).sort((a, b) =>
      collatorVi.compare(a.resolution.jurisdiction, b.resolution.jurisdiction) || (a.date.on ?? '').localeCompare(b.date.on ?? '')),
  })).filter((g) => g.rows.length > 0);
}
