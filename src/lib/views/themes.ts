/**
 * Aggregations behind the thematic pages (measures, objectives, funding, supervision, legal bases, text reuse):
 * published rows in, plain rows out, each the exact data of a chart or table, so a page and its CSV download show
 * the same numbers. Openings and catalogue entries never count as "absent": where a copy is not full and nothing was
 * found, the value is null / 'unknown'. Chart CSVs are written by publish/csv-text.ts. Pure.
 * Longer than 400 lines because the six themes share one vocabulary of statuses, orderings and chart bases; split
 * per theme, each file would repeat it.
 */
import { ACTORS, compareIndex, resolutionLabel, type CellState } from './compare.ts';
import { provisionLabel } from '../reference/provision-label.ts';
import { MEASURE_CODES } from '../reference/vocabulary.ts';
import type { LegalDocument } from '../reference/legal-register.ts';
import type { Lang } from '../reference/vocabulary.ts';
import type { RowOf } from '../publish/schema.ts';
import { DEFAULT_BOILERPLATE, dfThreshold } from '../reuse/shingles.ts';
import { LEVELS } from '../reference/vocabulary.ts';
import { chartCsv } from '../publish/csv-text.ts';
import { codeWord } from './code-words.ts';

type Res = RowOf<'resolutions'>;
export type Status = CellState;
export const CODES = MEASURE_CODES;
export const FUNDING_SOURCES = ['state_budget', 'socialized', 'other_lawful', 'board_support'] as const;
export const ROLES = ['implements', 'supervises', 'reports'] as const;
export { ACTORS };

/** Funding sources and actors by name (views/code-words.ts), keyed "src.<code>" and "actor.<code>". */
function namedCodes(lang: Lang): Record<string, string> {
  return Object.fromEntries([
    ...FUNDING_SOURCES.map((c) => [`src.${c}`, codeWord(lang, 'source', c)]),
    ...ACTORS.map((c) => [`actor.${c}`, codeWord(lang, 'actor', c)]),
  ]);
}

/** Words for the coded values the theme and compare pages show: row names, funding sources, roles, actors, kinds, flags. */
export const VOCAB: Record<Lang, Record<string, string>> = {
  vi: {
    objectives: 'Mục tiêu định lượng', funding: 'Kinh phí', supervision: 'Tổ chức thực hiện, giám sát', legal_bases: 'Căn cứ pháp lý',
    ...namedCodes('vi'),
    'kind.luat': 'Luật', 'kind.nghi-dinh': 'Nghị định', 'kind.quyet-dinh': 'Quyết định', 'kind.nghi-quyet': 'Nghị quyết',
    'kind.thong-tu': 'Thông tư', 'kind.phap-lenh': 'Pháp lệnh', 'kind.hien-phap': 'Hiến pháp', 'kind.other': 'Khác',
    'flag.decentralisation': 'theo phân cấp ngân sách', 'flag.regular_spending': 'trong dự toán chi thường xuyên',
    'flag.superseded': 'đã bị thay thế vào ngày ban hành',
    'status.found': 'có', 'status.not-found': 'không thấy (toàn văn)', 'status.unknown': 'không rõ (phần đầu / danh mục)',
  },
  en: {
    objectives: 'Numeric targets', funding: 'Funding', supervision: 'Implementation and supervision', legal_bases: 'Legal bases',
    ...namedCodes('en'),
    'kind.luat': 'Law', 'kind.nghi-dinh': 'Decree', 'kind.quyet-dinh': 'Decision', 'kind.nghi-quyet': 'Resolution',
    'kind.thong-tu': 'Circular', 'kind.phap-lenh': 'Ordinance', 'kind.hien-phap': 'Constitution', 'kind.other': 'Other',
    'flag.decentralisation': 'follows budget decentralisation', 'flag.regular_spending': 'in regular spending estimates',
    'flag.superseded': 'already replaced on the resolution\'s date',
    'status.found': 'yes', 'status.not-found': 'not found (full text)', 'status.unknown': 'unknown (opening / catalogue)',
  },
};

export interface ThemeTables {
  resolutions: readonly Res[];
  provisions: readonly RowOf<'provisions'>[];
  provision_measures: readonly RowOf<'provision_measures'>[];
  taxonomy: readonly RowOf<'taxonomy'>[];
  objectives: readonly RowOf<'objectives'>[];
  funding: readonly RowOf<'funding'>[];
  supervision: readonly RowOf<'supervision'>[];
  legal_bases: readonly RowOf<'legal_bases'>[];
  similarity: readonly RowOf<'similarity'>[];
  shared_passages: readonly RowOf<'shared_passages'>[];
}

/** A resolution as the theme pages name it. */
export interface ResRef { id: string; label_vi: string; label_en: string; name: string; level: Res['level']; completeness: Res['completeness'] }

const ordered = new WeakMap<readonly Res[], ResRef[]>();

/** Resolutions in the site's order (place names, Vietnamese collation); computed once per table (a page calls it often). */
export function orderedResolutions(resolutions: readonly Res[]): ResRef[] {
  const known = ordered.get(resolutions);
  if (known) return known;
  const byId = new Map(resolutions.map((r) => [r.id, r]));
  const out = compareIndex(resolutions).map((e) => {
    const r = byId.get(e.id) as Res;
    return { id: e.id, label_vi: e.label_vi, label_en: e.label_en, name: r.jurisdiction, level: r.level, completeness: r.completeness };
  });
  ordered.set(resolutions, out);
  return out;
}

/** Short names for chart axes: the place name, with the number ("53/2025") or term added where two resolutions share a place. */
export function shortNames(refs: readonly ResRef[], resolutions: readonly Res[], lang: Lang): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of refs) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  const byId = new Map(resolutions.map((r) => [r.id, r]));
  return new Map(refs.map((r) => {
    const res = byId.get(r.id);
    const which = res?.number ? res.number.replace(/\/NQ-HĐND$/u, '') : res?.term ? `${lang === 'vi' ? 'khóa' : 'term'} ${res.term}` : r.id;
    return [r.id, (count.get(r.name) ?? 0) > 1 ? `${r.name} (${which})` : r.name];
  }));
}

const statusOf = (n: number, completeness: Res['completeness']): Status => (n > 0 ? 'found' : completeness === 'full' ? 'not-found' : 'unknown');

// ── Measures ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface MeasureCell { id: string; code: string; n_provisions: number | null; status: Status }

/** Provisions per resolution and measure code; null (unknown) where the copy is not full and none was found. */
export function measureCells(t: ThemeTables): MeasureCell[] {
  const n = new Map<string, number>();
  for (const p of t.provisions) for (const c of p.measures) n.set(`${p.resolution_id} ${c}`, (n.get(`${p.resolution_id} ${c}`) ?? 0) + 1);
  return orderedResolutions(t.resolutions).flatMap((r) => CODES.map((code) => {
    const k = n.get(`${r.id} ${code}`) ?? 0;
    const status = statusOf(k, r.completeness);
    return { id: r.id, code, n_provisions: status === 'unknown' ? null : k, status };
  }));
}

export interface LevelRow { level: Res['level']; code: string; n_full: number; n_full_with: number; n_provisions: number; n_openings: number; n_openings_with: number }

/** By level and code: how many full texts choose the measure (and their provisions), and in how many openings it was seen. */
export function measuresByLevel(t: ThemeTables): LevelRow[] {
  const cells = measureCells(t);
  const level = new Map(t.resolutions.map((r) => [r.id, r]));
  return LEVELS.flatMap((lv) => CODES.map((code) => {
    const at = cells.filter((c) => c.code === code && level.get(c.id)?.level === lv);
    const full = at.filter((c) => level.get(c.id)?.completeness === 'full');
    const open = at.filter((c) => level.get(c.id)?.completeness !== 'full');
    return {
      level: lv, code, n_full: full.length, n_full_with: full.filter((c) => c.status === 'found').length,
      n_provisions: full.reduce((s, c) => s + (c.n_provisions ?? 0), 0), n_openings: open.length,
      n_openings_with: open.filter((c) => c.status === 'found').length,
    };
  })).filter((r) => r.n_full + r.n_openings > 0);
}

export interface PracticeRow { code: string; parent_code: string | null; label_vi: string; label_en: string; n_provisions: number; n_resolutions: number }

/** Practice tags (taxonomy kind 'practice'): provisions and resolutions tagged, reviewer-rejected labels left out; most used first. */
export function practiceCounts(t: ThemeTables): PracticeRow[] {
  return t.taxonomy.filter((x) => x.kind === 'practice').map((x) => {
    const rows = t.provision_measures.filter((m) => m.code === x.code && m.reviewed !== false);
    return {
      code: x.code, parent_code: x.parent_code, label_vi: x.label_vi, label_en: x.label_en,
      n_provisions: new Set(rows.map((m) => `${m.resolution_id} ${m.provision_id}`)).size,
      n_resolutions: new Set(rows.map((m) => m.resolution_id)).size,
    };
  }).sort((a, b) => b.n_provisions - a.n_provisions || b.n_resolutions - a.n_resolutions || (a.code < b.code ? -1 : 1));
}

export interface Example { resolution_id: string; provision_id: string; ref_vi: string; ref_en: string; text: string }

/** Per code, up to n provisions that state it themselves (heading or text, not inherited), each from another resolution. */
export function measureExamples(t: ThemeTables, n = 2): Record<string, Example[]> {
  const order = orderedResolutions(t.resolutions).map((r) => r.id);
  const prov = new Map(t.provisions.map((p) => [`${p.resolution_id} ${p.provision_id}`, p]));
  // The first label stating each code in each resolution, found in one pass (a find per resolution is O(N²)).
  const stated = new Map<string, RowOf<'provision_measures'>>();
  for (const x of t.provision_measures) {
    const k = `${x.resolution_id} ${x.code}`;
    if ((x.via === 'heading' || x.via === 'text') && x.reviewed !== false && !stated.has(k)) stated.set(k, x);
  }
  return Object.fromEntries(CODES.map((code) => {
    const out: Example[] = [];
    for (const rid of order) {
      if (out.length >= n) break;
      const m = stated.get(`${rid} ${code}`);
      const p = m && prov.get(`${rid} ${m.provision_id}`);
      if (p && out.length < n) out.push({ resolution_id: rid, provision_id: p.provision_id, ref_vi: provisionLabel('vi', p), ref_en: provisionLabel('en', p), text: p.text ?? p.heading ?? '' });
    }
    return [code, out];
  }));
}

// ── Objectives ───────────────────────────────────────────────────────────────────────────────────────────────────

export interface ObjectiveRow extends RowOf<'objectives'> { ref_vi: string; ref_en: string; measures: string[] }

/** Every numeric target with its provision's reference and measure codes, in the site's resolution order. */
export function objectiveRows(t: ThemeTables): ObjectiveRow[] {
  const order = new Map(orderedResolutions(t.resolutions).map((r, i) => [r.id, i]));
  const prov = new Map(t.provisions.map((p) => [`${p.resolution_id} ${p.provision_id}`, p]));
  return [...t.objectives]
    .sort((a, b) => (order.get(a.resolution_id) ?? 0) - (order.get(b.resolution_id) ?? 0) || a.ord - b.ord)
    .map((o) => {
      const p = prov.get(`${o.resolution_id} ${o.provision_id}`);
      return { ...o, ref_vi: p ? provisionLabel('vi', p) : o.provision_id, ref_en: p ? provisionLabel('en', p) : o.provision_id, measures: (p?.measures ?? []).filter((c) => (CODES as readonly string[]).includes(c)) };
    });
}

export interface TargetCount { code: string; unit: string; n_targets: number; n_resolutions: number }

/** Targets by the measure of their provision and their unit ('' for a bare count, code '' for an uncoded provision); a target in a provision with two codes counts under each. */
export function targetsByMeasure(t: ThemeTables): TargetCount[] {
  const acc = new Map<string, { code: string; unit: string; n: number; res: Set<string> }>();
  for (const o of objectiveRows(t)) {
    for (const code of o.measures.length ? o.measures : ['']) {
      const k = `${code} ${o.unit ?? ''}`;
      const a = acc.get(k) ?? { code, unit: o.unit ?? '', n: 0, res: new Set<string>() };
      a.n++;
      a.res.add(o.resolution_id);
      acc.set(k, a);
    }
  }
  const rank = (c: string) => (c === '' ? CODES.length : CODES.indexOf(c as (typeof CODES)[number]));
  return [...acc.values()].map((a) => ({ code: a.code, unit: a.unit, n_targets: a.n, n_resolutions: a.res.size }))
    .sort((a, b) => rank(a.code) - rank(b.code) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/** Per resolution: number of targets, or null where the copy is not full and none was found. */
export function targetsByResolution(t: ThemeTables): { id: string; n_targets: number | null; status: Status }[] {
  const count = new Map<string, number>();
  for (const o of t.objectives) count.set(o.resolution_id, (count.get(o.resolution_id) ?? 0) + 1);
  return orderedResolutions(t.resolutions).map((r) => {
    const n = count.get(r.id) ?? 0;
    const status = statusOf(n, r.completeness);
    return { id: r.id, n_targets: status === 'unknown' ? null : n, status };
  });
}

// ── Funding ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface ProvisionLink { provision_id: string; ref_vi: string; ref_en: string }
export interface FundingCell { id: string; source: string; status: Status; provisions: ProvisionLink[] }

function linker(t: ThemeTables): (rid: string, pid: string) => ProvisionLink {
  const prov = new Map(t.provisions.map((p) => [`${p.resolution_id} ${p.provision_id}`, p]));
  return (rid, pid) => {
    const p = prov.get(`${rid} ${pid}`);
    return { provision_id: pid, ref_vi: p ? provisionLabel('vi', p) : pid, ref_en: p ? provisionLabel('en', p) : pid };
  };
}

/** Resolution × funding source: named (with the provisions), not named in a full text, or unknown. */
export function fundingCells(t: ThemeTables): FundingCell[] {
  const link = linker(t);
  const bySource = new Map<string, RowOf<'funding'>[]>();
  for (const f of t.funding) {
    const k = `${f.resolution_id} ${f.source}`;
    bySource.set(k, [...(bySource.get(k) ?? []), f]);
  }
  return orderedResolutions(t.resolutions).flatMap((r) => FUNDING_SOURCES.map((source) => {
    const rows = bySource.get(`${r.id} ${source}`) ?? [];
    return { id: r.id, source, status: statusOf(rows.length, r.completeness), provisions: [...new Set(rows.map((f) => f.provision_id))].map((p) => link(r.id, p)) };
  }));
}

/** Funding rows of one source, in the site's resolution order, with their provision's reference. */
export function fundingRows(t: ThemeTables, source: (typeof FUNDING_SOURCES)[number]): (RowOf<'funding'> & ProvisionLink)[] {
  const order = new Map(orderedResolutions(t.resolutions).map((r, i) => [r.id, i]));
  const link = linker(t);
  return t.funding.filter((f) => f.source === source)
    .sort((a, b) => (order.get(a.resolution_id) ?? 0) - (order.get(b.resolution_id) ?? 0))
    .map((f) => ({ ...f, ...link(f.resolution_id, f.provision_id) }));
}

// ── Supervision ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface SupervisionCell { id: string; actor: string; roles: string[]; status: Status }

/** Resolution × actor: the roles the text gives it; unknown for copies that are not full where none was found. */
/** "resolution actor role" for every supervision row: the test behind the cells and counts, in one pass. */
function supervisionKeys(t: ThemeTables): Set<string> {
  return new Set(t.supervision.map((s) => `${s.resolution_id} ${s.actor} ${s.role}`));
}

export function supervisionCells(t: ThemeTables): SupervisionCell[] {
  const keys = supervisionKeys(t);
  return orderedResolutions(t.resolutions).flatMap((r) => ACTORS.map((actor) => {
    const roles = ROLES.filter((role) => keys.has(`${r.id} ${actor} ${role}`));
    return { id: r.id, actor, roles: [...roles], status: statusOf(roles.length, r.completeness) };
  }));
}

export interface RoleCount { role: string; actor: string; n_resolutions: number; n_full: number; resolution_ids: string[] }

/** How many resolutions give each actor each role (out of n_full full texts; openings add only what they show). */
export function roleCounts(t: ThemeTables): RoleCount[] {
  const nFull = t.resolutions.filter((r) => r.completeness === 'full').length;
  const keys = supervisionKeys(t);
  return ROLES.flatMap((role) => ACTORS.map((actor) => {
    const ids = orderedResolutions(t.resolutions).map((r) => r.id).filter((id) => keys.has(`${id} ${actor} ${role}`));
    return { role, actor, n_resolutions: ids.length, n_full: nFull, resolution_ids: ids };
  })).filter((r) => r.n_resolutions > 0);
}

/** The wording behind the supervision rows: one quote per provision and sentence (a sentence naming four bodies is one quote), in the site's order. */
export function supervisionQuotes(t: ThemeTables): { resolution_id: string; text: string; roles: string[]; link: ProvisionLink }[] {
  const order = new Map(orderedResolutions(t.resolutions).map((r, i) => [r.id, i]));
  const link = linker(t);
  const out = new Map<string, { resolution_id: string; text: string; roles: string[]; link: ProvisionLink }>();
  for (const s of t.supervision) {
    const k = `${s.resolution_id} ${s.provision_id} ${s.text}`;
    const q = out.get(k) ?? { resolution_id: s.resolution_id, text: s.text, roles: [], link: link(s.resolution_id, s.provision_id) };
    if (!q.roles.includes(s.role)) q.roles.push(s.role);
    out.set(k, q);
  }
  return [...out.values()].sort((a, b) => (order.get(a.resolution_id) ?? 0) - (order.get(b.resolution_id) ?? 0));
}

// ── Legal bases ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface CitedDocument {
  key: string;
  ref: string | null;
  number: string | null;
  kind: string;
  title_vi: string;
  title_en: string | null;
  n_resolutions: number;
  resolution_ids: string[];
  /** Citations made after the document had been replaced (legal_bases.is_superseded), and those the register cannot date. */
  n_superseded: number;
  n_unknown: number;
  /** What the register says replaced it, following the chain to the document in force (numbers, oldest first). */
  replaced_by: { id: string; number: string; from: string | null }[];
  status: 'replaced' | 'in-force' | 'not-in-register';
}

/** Every cited document with who cites it and, from the register, what has replaced it since; most cited first. */
export function citedDocuments(t: ThemeTables, register: readonly LegalDocument[]): CitedDocument[] {
  const reg = new Map(register.map((d) => [d.id, d]));
  const order = orderedResolutions(t.resolutions).map((r) => r.id);
  const groups = new Map<string, RowOf<'legal_bases'>[]>();
  for (const b of t.legal_bases) {
    const key = b.ref ?? `${b.kind}:${b.number ?? b.citation}`;
    const g = groups.get(key);
    if (g) g.push(b);
    else groups.set(key, [b]);
  }
  return [...groups].map(([key, rows]) => {
    const first = rows[0] as RowOf<'legal_bases'>;
    const doc = first.ref ? reg.get(first.ref) : undefined;
    const chain: CitedDocument['replaced_by'] = [];
    for (let d = doc; d?.replaced_by && chain.length < 10;) {
      const next = reg.get(d.replaced_by);
      if (!next) break;
      chain.push({ id: next.id, number: next.number, from: next.effective_from ?? next.adopted_on });
      d = next;
    }
    const ids = new Set(rows.map((r) => r.resolution_id));
    return {
      key, ref: first.ref, number: doc?.number ?? first.number, kind: first.kind,
      title_vi: doc?.title ?? first.title ?? first.citation, title_en: doc?.title_en ?? null,
      n_resolutions: ids.size, resolution_ids: order.filter((id) => ids.has(id)),
      n_superseded: rows.filter((r) => r.is_superseded === true).length,
      n_unknown: rows.filter((r) => r.is_superseded === null).length,
      replaced_by: chain, status: !doc ? 'not-in-register' : chain.length ? 'replaced' : 'in-force',
    } satisfies CitedDocument;
  }).sort((a, b) => b.n_resolutions - a.n_resolutions || (a.number ?? a.key).localeCompare(b.number ?? b.key));
}

// ── Text reuse ───────────────────────────────────────────────────────────────────────────────────────────────────

export interface SimilarityCell { a: string; b: string; score: number; n_shared_passages: number }

/**
 * Whole-text similarity (scope 'all') between every two resolutions with text, both ways round (a heat-map is
 * symmetric). A pair without a row shares no substantive shingle: its score is 0 by the method, not unknown. (Were
 * the data build to pass compareResolutions a minScore, a missing pair would mean "below it" and this must change.)
 */
export function similarityCells(t: ThemeTables): { ids: string[]; cells: SimilarityCell[] } {
  const withText = new Set(t.provisions.map((p) => p.resolution_id));
  const ids = orderedResolutions(t.resolutions).map((r) => r.id).filter((id) => withText.has(id));
  const rows = new Map(t.similarity.filter((s) => s.scope === 'all').map((s) => [`${s.resolution_a} ${s.resolution_b}`, s]));
  const cells = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => {
    const s = rows.get(a < b ? `${a} ${b}` : `${b} ${a}`);
    return { a, b, score: s?.score ?? 0, n_shared_passages: s?.n_shared_passages ?? 0 };
  }));
  return { ids, cells };
}

/** The n longest shared passages (ties: pair and provisions in order), with references to both provisions. */
export function longestPassages(t: ThemeTables, n = 12): (RowOf<'shared_passages'> & { ref_a: [string, string]; ref_b: [string, string] })[] {
  const prov = new Map(t.provisions.map((p) => [`${p.resolution_id} ${p.provision_id}`, p]));
  const ref = (rid: string, pid: string): [string, string] => {
    const p = prov.get(`${rid} ${pid}`);
    return p ? [provisionLabel('vi', p), provisionLabel('en', p)] : [pid, pid];
  };
  const key = (s: RowOf<'shared_passages'>) => `${s.resolution_a} ${s.resolution_b} ${s.provision_a} ${s.provision_b} ${s.ord}`;
  return [...t.shared_passages].sort((x, y) => y.n_words - x.n_words || (key(x) < key(y) ? -1 : 1)).slice(0, n)
    .map((s) => ({ ...s, ref_a: ref(s.resolution_a, s.provision_a), ref_b: ref(s.resolution_b, s.provision_b) }));
}

/** The boilerplate rule in numbers for this corpus: documents compared and the document frequency from which a shingle is ignored. */
export function boilerplateRule(t: ThemeTables): { n_documents: number; min_df: number; share: number; threshold: number } {
  const n = t.resolutions.filter((r) => r.completeness !== 'metadata-only').length;
  return { n_documents: n, min_df: DEFAULT_BOILERPLATE.minDf, share: DEFAULT_BOILERPLATE.dfShare, threshold: Math.ceil(dfThreshold(n)) };
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────────────────────


// ── Bases ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a chart's counts can know: the whole text's content, the legal bases (printed first), or any held text. */
export type BaseScope = 'content' | 'legal_bases' | 'text' | 'dated';

/** A chart's base: every resolution, split into those whose answer is known and those whose answer is unknown. */
export interface ChartBase { scope: BaseScope; base: number; known: number; unknown: number }

const KNOWN: Record<BaseScope, (r: Res) => boolean> = {
  content: (r) => r.completeness === 'full',
  legal_bases: (r) => r.n_legal_bases !== null,
  text: (r) => r.completeness !== 'metadata-only',
  dated: (r) => r.adopted_on !== null || r.signed_on !== null,
};

/** known + unknown = base, by construction. */
export function chartBase(resolutions: readonly Res[], scope: BaseScope): ChartBase {
  const known = resolutions.filter(KNOWN[scope]).length;
  return { scope, base: resolutions.length, known, unknown: resolutions.length - known };
}
