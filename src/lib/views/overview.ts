/**
 * What the overview page shows, computed from the published tables: the resolutions × measures matrix (each cell
 * present with its first provision and count, absent from a full text, or unknown because only an opening or the
 * catalogue details are held), the headline facts with the resolutions behind each, the adoption timeline, where
 * the resolutions are across the 2025 province reform (63 → 34), and how complete each text is. Rows in, plain
 * values out; the page only renders them. The CSV texts of the charts (exactly what is shown) come from here too.
 * Longer than 300 lines because it is the one place the overview's numbers come from: each section's computation
 * and its CSV sit together, so what a chart shows and what its download holds cannot drift apart.
 */
import { collatorVi } from '../text/normalize.ts';
import type { RowOf } from '../publish/schema.ts';
import { LEVELS } from '../reference/vocabulary.ts';
import { chartCsv } from '../publish/csv-text.ts';
import { distinctNames } from './compare.ts';

type Resolution = RowOf<'resolutions'>;
type Provision = RowOf<'provisions'>;
type Taxon = RowOf<'taxonomy'>;
type Jurisdiction = RowOf<'jurisdictions'>;
type Completeness = Resolution['completeness'];
type Level = Resolution['level'];

export const COMPLETENESS: readonly Completeness[] = ['full', 'partial', 'metadata-only'];
/** The five measures of Luật 10/2022/QH15 Điều 8 (taxonomy kind 'measure'). */
const LAW_MEASURE_KIND = 'measure';
/** Register id of Luật Thực hiện dân chủ ở cơ sở (legal_bases.ref). */
export const GRASSROOTS_LAW_REF = 'luat-10-2022-qh15';
/** First day of the 2025 reform: provinces merged, the district level abolished. */
export const REFORM_ON = '2025-07-01';

// ---- dates -------------------------------------------------------------------------------------------------

export interface DatedOn {
  /** adopted_on, or signed_on when the adoption date is unknown; null when neither is known. */
  on: string | null;
  kind: 'adopted' | 'signed' | null;
}

export function datedOn(r: Pick<Resolution, 'adopted_on' | 'signed_on'>): DatedOn {
  if (r.adopted_on) return { on: r.adopted_on, kind: 'adopted' };
  if (r.signed_on) return { on: r.signed_on, kind: 'signed' };
  return { on: null, kind: null };
}

/** Order of rows everywhere on the overview: full texts first, then by level, then by name (Vietnamese order). */
export function compareResolutions(a: Resolution, b: Resolution): number {
  return COMPLETENESS.indexOf(a.completeness) - COMPLETENESS.indexOf(b.completeness)
    || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)
    || collatorVi.compare(a.jurisdiction, b.jurisdiction)
    || (datedOn(a).on ?? '').localeCompare(datedOn(b).on ?? '')
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// ---- the matrix --------------------------------------------------------------------------------------------

export type CellStatus = 'present' | 'absent' | 'unknown';

export interface MatrixCell {
  code: string;
  status: CellStatus;
  /** Number of provisions carrying the code (0 unless present). */
  n: number;
  /** provision_id of the first provision in document order carrying the code; null unless present. */
  first: string | null;
  /** Article, clause and point of that provision, to name it; null unless present. */
  firstAt: Pick<Provision, 'article' | 'clause' | 'point'> | null;
}

export interface MatrixRow {
  resolution: Resolution;
  date: DatedOn;
  cells: MatrixCell[];
}

export interface Matrix {
  /** The columns: measures and additional measures (M1–M5, X1, X2) in taxonomy order. */
  codes: Taxon[];
  rows: MatrixRow[];
}

/** Columns of the matrix: every taxonomy code that is not a practice, in published (code) order. */
export function matrixCodes(taxonomy: readonly Taxon[]): Taxon[] {
  return taxonomy.filter((t) => t.kind !== 'practice');
}

/**
 * One row per resolution, one cell per code. A code found in any provision is present, whatever the completeness
 * (an opening can already show a measure); a code not found is absent only in a full text, and unknown otherwise,
 * because the rest of the text is not held.
 */
export function measureMatrix(resolutions: readonly Resolution[], provisions: readonly Provision[], taxonomy: readonly Taxon[]): Matrix {
  const codes = matrixCodes(taxonomy);
  const byResolution = new Map<string, Provision[]>();
  for (const p of provisions) {
    const list = byResolution.get(p.resolution_id) ?? [];
    list.push(p);
    byResolution.set(p.resolution_id, list);
  }
  const rows = [...resolutions].sort(compareResolutions).map((r) => {
    const ps = [...(byResolution.get(r.id) ?? [])].sort((a, b) => a.ord - b.ord);
    const cells = codes.map(({ code }): MatrixCell => {
      const carrying = ps.filter((p) => p.measures.includes(code));
      const first = carrying[0];
      if (first) {
        const { article, clause, point } = first;
        return { code, status: 'present', n: carrying.length, first: first.provision_id, firstAt: { article, clause, point } };
      }
      return { code, status: r.completeness === 'full' ? 'absent' : 'unknown', n: 0, first: null, firstAt: null };
    });
    return { resolution: r, date: datedOn(r), cells };
  });
  return { codes, rows };
}

/** Shade of a present cell in the heat-grid: 1 for one provision, 2 for two to four, 3 for five or more. */
export function heatStep(n: number): 0 | 1 | 2 | 3 {
  return n >= 5 ? 3 : n >= 2 ? 2 : n >= 1 ? 1 : 0;
}

// ---- CSV of what a chart shows ---------------------------------------------------------------------------

/** The matrix as shown: one row per resolution, per code its status, count and first provision. */
export function matrixCsv(m: Matrix): string {
  const header = ['resolution_id', 'jurisdiction', 'level', 'completeness', 'date', 'date_kind',
    ...m.codes.flatMap(({ code }) => [code, `${code}_n_provisions`, `${code}_first_provision`])];
  const rows = m.rows.map((r) => [r.resolution.id, r.resolution.jurisdiction, r.resolution.level, r.resolution.completeness,
    r.date.on, r.date.kind, ...r.cells.flatMap((c) => [c.status, c.n, c.first])]);
  return chartCsv(header, rows);
}

// ---- headline facts --------------------------------------------------------------------------------------

export interface LevelCounts { level: Level; counts: Record<Completeness, number>; total: number }

/** Resolutions by level (rows) and completeness (columns); levels with none are left out. */
export function countsByLevel(resolutions: readonly Resolution[]): LevelCounts[] {
  return LEVELS.map((level) => {
    const of = resolutions.filter((r) => r.level === level);
    const counts = Object.fromEntries(COMPLETENESS.map((c) => [c, of.filter((r) => r.completeness === c).length])) as Record<Completeness, number>;
    return { level, counts, total: of.length };
  }).filter((l) => l.total > 0);
}

/**
 * A headline fact counts its base: every resolution is either known (yes or no) or unknown, so
 * `of + unknown.length === base` always, and `ids` (the yes) are among the known.
 */
export interface Fact {
  /** Resolutions the fact holds for, in overview order. */
  ids: string[];
  /** Resolutions whose answer is known (yes or no): the denominator of "k of n". */
  of: number;
  /** Resolutions for which the answer is not known (their text is not held), in overview order. */
  unknown: string[];
  /** Every resolution the fact is about: the dataset. */
  base: number;
}

/** A fact from its base and two tests; unknown wins over yes, so the three counts always add up. */
function fact(rs: readonly Resolution[], holds: (r: Resolution) => boolean, isUnknown: (r: Resolution) => boolean): Fact {
  const unknown = rs.filter(isUnknown).map((r) => r.id);
  const ids = rs.filter((r) => !isUnknown(r) && holds(r)).map((r) => r.id);
  return { ids, of: rs.length - unknown.length, unknown, base: rs.length };
}

export interface Facts {
  byLevel: LevelCounts[];
  total: number;
  /** Full texts carrying all five Điều 8 measures (of the full texts; the others are unknown). */
  allFive: Fact;
  /** Resolutions naming at least one funding source (of all; unknown: texts not full that name none). */
  funding: Fact;
  /** Resolutions citing Luật 10/2022/QH15 (of those whose legal bases are held). */
  citesLaw: Fact;
  /** Resolutions citing a document superseded on their date (of those whose legal bases are held); unknown: the
   * register cannot say for at least one of their bases and none is known to be superseded. */
  superseded: Fact;
}

export interface FactTables {
  resolutions: readonly Resolution[];
  provisions: readonly Provision[];
  taxonomy: readonly Taxon[];
  funding: readonly RowOf<'funding'>[];
  legal_bases: readonly RowOf<'legal_bases'>[];
}

export function headlineFacts(t: FactTables): Facts {
  const rs = [...t.resolutions].sort(compareResolutions);
  const ids = (f: (r: Resolution) => boolean) => rs.filter(f).map((r) => r.id);
  const lawCodes = t.taxonomy.filter((x) => x.kind === LAW_MEASURE_KIND).map((x) => x.code);
  const codesOf = new Map<string, Set<string>>();
  for (const p of t.provisions) {
    const s = codesOf.get(p.resolution_id) ?? new Set<string>();
    for (const c of p.measures) s.add(c);
    codesOf.set(p.resolution_id, s);
  }
  const full = (r: Resolution) => r.completeness === 'full';
  const funded = new Set(t.funding.map((f) => f.resolution_id));
  const bases = new Map<string, RowOf<'legal_bases'>[]>();
  for (const b of t.legal_bases) bases.set(b.resolution_id, [...(bases.get(b.resolution_id) ?? []), b]);
  const basesOf = (id: string) => bases.get(id) ?? [];
  // Legal bases are printed before the decision, so an opening holds them; a catalogue entry does not
  // (resolutions.n_legal_bases is null).
  const basesHeld = (r: Resolution) => r.n_legal_bases !== null;
  const cites = (r: Resolution) => basesOf(r.id).some((b) => b.ref === GRASSROOTS_LAW_REF);
  const outdated = (r: Resolution) => basesOf(r.id).some((b) => b.is_superseded === true);
  const undecided = (r: Resolution) => !outdated(r) && basesOf(r.id).some((b) => b.is_superseded === null);
  return {
    byLevel: countsByLevel(rs),
    total: rs.length,
    allFive: fact(rs, (r) => lawCodes.every((c) => codesOf.get(r.id)?.has(c)), (r) => !full(r)),
    funding: fact(rs, (r) => funded.has(r.id), (r) => !full(r) && !funded.has(r.id)),
    citesLaw: fact(rs, cites, (r) => !basesHeld(r)),
    superseded: fact(rs, outdated, (r) => !basesHeld(r) || undecided(r)),
  };
}

// ---- timeline ------------------------------------------------------------------------------------------------

export interface TimelinePoint {
  id: string;
  /** Name on the chart's axis: the jurisdiction, with its unit word below province level, and the number when two
   * resolutions of one council are dated. */
  label: string;
  level: Level;
  on: string;
  kind: 'adopted' | 'signed';
}

/** Dated resolutions in date order, and the undated ones (neither adoption nor signing date known). */
export function timeline(resolutions: readonly Resolution[]): { points: TimelinePoint[]; undated: Resolution[]; labels: Map<string, string> } {
  const points: TimelinePoint[] = [];
  const undated: Resolution[] = [];
  // Names tell rows apart over the whole dataset, dated or not: two councils' resolutions never share a label.
  const names = distinctNames(resolutions, 'vi');
  for (const r of [...resolutions].sort(compareResolutions)) {
    const d = datedOn(r);
    const label = names.get(r.id) ?? r.id;
    if (d.on && d.kind) points.push({ id: r.id, label, level: r.level, on: d.on, kind: d.kind });
    else undated.push(r);
  }
  points.sort((a, b) => a.on.localeCompare(b.on) || collatorVi.compare(a.label, b.label));
  return { points, undated, labels: names };
}

/** An ISO civil date as a Date at UTC midnight (never local time), for the chart's time scale. */
export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

export function timelineCsv(t: ReturnType<typeof timeline>): string {
  return chartCsv(['resolution_id', 'label', 'level', 'date', 'date_kind'], [
    ...t.points.map((p) => [p.id, p.label, p.level, p.on, p.kind]),
    ...t.undated.map((r) => [r.id, t.labels.get(r.id) ?? r.jurisdiction, r.level, null, null]),
  ]);
}

// ---- provinces before and after the 2025 reform --------------------------------------------------------------

export interface FormerProvince { unit: Jurisdiction; resolutionIds: string[] }
export interface ProvinceAfter {
  unit: Jurisdiction;
  /** Province-level units in place on 30 June 2025 whose area it covers (itself when unchanged). */
  formers: FormerProvince[];
  /** Every resolution of a council in its area, before or after the reform, at any level. */
  resolutionIds: string[];
}
export interface Lineage { nBefore: number; nAfter: number; provinces: ProvinceAfter[] }

const existsOn = (j: Jurisdiction, day: string) =>
  (j.valid_from === null || j.valid_from <= day) && (j.valid_until === null || j.valid_until >= day);

function previousDay(iso: string): string {
  const d = utcDate(iso);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The province-level unit on the day after the reform for a province-level id, following successor_id. */
function provinceAfter(id: string, byId: Map<string, Jurisdiction>): Jurisdiction | null {
  let j = byId.get(id);
  for (let hops = 0; j && !existsOn(j, REFORM_ON) && hops < 5; hops++) j = j.successor_id ? byId.get(j.successor_id) : undefined;
  return j && existsOn(j, REFORM_ON) ? j : null;
}

export function provinceLineage(jurisdictions: readonly Jurisdiction[], resolutions: readonly Resolution[]): Lineage {
  const byId = new Map(jurisdictions.map((j) => [j.id, j]));
  const eve = previousDay(REFORM_ON);
  const provinces = jurisdictions.filter((j) => j.level === 'province');
  const before = provinces.filter((j) => existsOn(j, eve));
  const after = provinces.filter((j) => existsOn(j, REFORM_ON)).sort((a, b) => collatorVi.compare(a.name, b.name));
  // A resolution belongs to the province-level unit of its council: itself, or the province above it.
  const provinceOf = (r: Resolution) => {
    const j = byId.get(r.jurisdiction_id);
    return j ? (j.level === 'province' ? j.id : j.province_id) : null;
  };
  const sorted = [...resolutions].sort(compareResolutions);
  const rows = after.map((unit): ProvinceAfter => {
    const formers = before
      .filter((b) => provinceAfter(b.id, byId)?.id === unit.id)
      .sort((a, b) => collatorVi.compare(a.name, b.name))
      .map((b) => ({ unit: b, resolutionIds: sorted.filter((r) => provinceOf(r) === b.id).map((r) => r.id) }));
    const resolutionIds = sorted.filter((r) => {
      const p = provinceOf(r);
      return p !== null && provinceAfter(p, byId)?.id === unit.id;
    }).map((r) => r.id);
    return { unit, formers, resolutionIds };
  });
  return { nBefore: before.length, nAfter: after.length, provinces: rows };
}

export function lineageCsv(l: Lineage): string {
  return chartCsv(['province_2025_id', 'province_2025', 'former_province_ids', 'former_provinces', 'former_with_resolution', 'n_resolutions', 'resolution_ids'],
    l.provinces.map((p) => [p.unit.id, p.unit.name, p.formers.map((f) => f.unit.id).join(';'), p.formers.map((f) => f.unit.name).join(';'),
      p.formers.filter((f) => f.resolutionIds.length > 0).map((f) => f.unit.name).join(';'), p.resolutionIds.length, p.resolutionIds.join(';')]));
}

// ---- completeness --------------------------------------------------------------------------------------------

export interface CompletenessGroup { completeness: Completeness; resolutions: Resolution[] }

export function completenessGroups(resolutions: readonly Resolution[]): CompletenessGroup[] {
  const sorted = [...resolutions].sort(compareResolutions);
  return COMPLETENESS.map((completeness) => ({ completeness, resolutions: sorted.filter((r) => r.completeness === completeness) }));
}

export function completenessCsv(groups: readonly CompletenessGroup[]): string {
  return chartCsv(['resolution_id', 'jurisdiction', 'level', 'completeness', 'n_provisions'],
    groups.flatMap((g) => g.resolutions.map((r) => [r.id, r.jurisdiction, r.level, r.completeness, r.n_provisions])));
}
