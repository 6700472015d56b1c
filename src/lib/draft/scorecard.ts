/**
 * The drafters' scorecard: a draft's Analysis (from analyzeResolution) + the published peers → coverage of the five
 * measures of Điều 8 and of X1/X2, lint findings with stable codes (each in Vietnamese and English, with the
 * provision it concerns), specificity compared with peers, the nearest resolutions with copied passages (boilerplate
 * discounted), and peers' provisions suggested for what the draft lacks. Pure: the same function runs on the command
 * line and in the browser, so both give the same findings for the same file.
 */
import type { Analysis } from '../analyze/analyze.ts';
import type { LegalDocument } from '../reference/legal-register.ts';
import { supersededOn } from '../reference/legal-register.ts';
import { nearestResolutions } from '../reuse/similarity.ts';
import { type ReuseCorpus, type ReuseDocument } from '../reuse/corpus.ts';
import { foldChars } from '../text/normalize.ts';
import { LAW_MEASURE_CODES, MEASURE_CODES, type MeasureCode } from '../reference/vocabulary.ts';

/** The law's own five measures (Điều 8); X1 and X2 are what several councils add. */
/** The district level was abolished on this date (Luật Tổ chức chính quyền địa phương 72/2025/QH15). */
const TWO_TIER_FROM = '2025-07-01';
const CORE_LAW = 'luat-10-2022-qh15';

/** A published resolution as the scorecard compares with it. */
export interface Peer {
  id: string;
  jurisdiction: string;
  level: string;
  /** Only full texts are peers: an opening's measures are unknown, not absent. */
  provisions: { id: string; text: string; measures: string[] }[];
  n_objectives: number;
  has_funding: boolean;
  has_supervision: boolean;
}

export interface LintFinding {
  code: 'outdated_legal_basis' | 'abolished_district_level' | 'no_funding_clause' | 'no_supervision_clause' | 'no_effect_clause' | 'missing_core_basis';
  severity: 'error' | 'warning';
  message: string;
  message_en: string;
  /** The provision it concerns (a provision id, or "legal-basis-N" for the N-th cited document), or null. */
  provision: string | null;
}

export interface Suggestion {
  measure: string;
  /** "<resolution id>#<provision id>" */
  source_provision: string;
  resolution_id: string;
  jurisdiction: string;
  level: string;
  text: string;
}

export interface Scorecard {
  /** The date the draft is judged on: its own (signed, else adopted) or, without one, today. */
  judged_on: string;
  coverage: Record<MeasureCode, boolean>;
  missing_measures: MeasureCode[];
  /** Per measure: the draft's provisions and how many provisions peers at the same level have (median). */
  measures: { code: MeasureCode; status: 'present' | 'missing'; provisions: string[]; peers_median: number | null }[];
  specificity: { objectives: number; deadlines: number; implementers: number; peers_median_objectives: number | null };
  funding: { sources: string[]; peers_with_funding: number; peers: number };
  supervision: { supervisors: string[]; peers_with_supervision: number; peers: number };
  lint: LintFinding[];
  similar: { id: string; jurisdiction: string; score: number; shared_passages: { draft_provision: string; source_provision: string; text: string }[] }[];
  peers: { id: string; jurisdiction: string; level: string; same_level: boolean }[];
  suggestions: Suggestion[];
}

const DISTRICT_WORDS = /\b(cap huyen|uy ban nhan dan huyen|ubnd huyen|hoi dong nhan dan huyen|hdnd huyen|huyen uy|quan, huyen|huyen, thi xa|huyen, thanh pho|thanh pho thuoc tinh|thi xa, thanh pho)\b/;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? null) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Lint findings for a draft judged on `on`. */
function lintDraft(a: Analysis, register: LegalDocument[], on: string): LintFinding[] {
  const out: LintFinding[] = [];
  a.legal_bases.forEach((b, k) => {
    const doc = b.ref ? register.find((d) => d.id === b.ref) : undefined;
    const sup = doc ? supersededOn(doc, on, register) : null;
    if (sup?.superseded) {
      const by = sup.by ? `${sup.by.number ?? sup.by.id}` : '';
      out.push({
        code: 'outdated_legal_basis', severity: 'error', provision: `legal-basis-${k + 1}`,
        message: `Căn cứ "${b.citation}" đã hết hiệu lực vào ngày ${on}${by ? `; văn bản thay thế: ${by}` : ''}.`,
        message_en: `Legal basis "${b.citation}" is superseded on ${on}${by ? `; replaced by ${by}` : ''}.`,
      });
    }
  });
  if (!a.legal_bases.some((b) => b.ref === CORE_LAW)) {
    out.push({ code: 'missing_core_basis', severity: 'error', provision: null, message: 'Dự thảo không căn cứ Luật Thực hiện dân chủ ở cơ sở (số 10/2022/QH15).', message_en: 'The draft does not cite the Law on Grassroots Democracy (10/2022/QH15).' });
  }
  if (on >= TWO_TIER_FROM) {
    for (const p of a.provisions) {
      // foldChars keeps every character's place, so the words can be quoted as printed.
      const m = DISTRICT_WORDS.exec(foldChars(p.text));
      if (m) {
        const words = p.text.slice(m.index, m.index + m[0].length);
        out.push({
          code: 'abolished_district_level', severity: 'warning', provision: p.id,
          message: `${p.id}: nhắc đến cấp huyện ("${words}"), nhưng cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025.`,
          message_en: `${p.id}: mentions the district level ("${words}"), abolished on 1 July 2025.`,
        });
      }
    }
  }
  if (a.funding.length === 0) out.push({ code: 'no_funding_clause', severity: 'warning', provision: null, message: 'Dự thảo không nêu nguồn kinh phí thực hiện.', message_en: 'The draft names no source of funding.' });
  if (!a.supervision.some((s) => s.role === 'supervises')) out.push({ code: 'no_supervision_clause', severity: 'warning', provision: null, message: 'Dự thảo không giao cơ quan nào giám sát việc thực hiện.', message_en: 'The draft assigns no one to supervise implementation.' });
  if (!a.metadata.effective_rule) out.push({ code: 'no_effect_clause', severity: 'warning', provision: null, message: 'Dự thảo không quy định thời điểm có hiệu lực.', message_en: 'The draft does not say when it takes effect.' });
  return out;
}

export interface BenchmarkOptions {
  /** ISO date used when the draft states none (the caller passes today's date). */
  today: string;
  /** A corpus prepared with buildCorpus(peers), to reuse across drafts; built from peers when absent. */
  corpus?: ReuseCorpus;
  /** How many similar resolutions to list (default 5). */
  k?: number;
}

export function benchmarkDraft(a: Analysis, peers: Peer[], register: LegalDocument[], opts: BenchmarkOptions): Scorecard {
  const on = a.metadata.signed_on ?? a.metadata.adopted_on ?? opts.today;
  const level = a.metadata.level;
  const ordered = [...peers].sort((x, y) => Number(y.level === level) - Number(x.level === level) || x.id.localeCompare(y.id));
  const sameLevel = ordered.filter((p) => p.level === level);
  const basis = sameLevel.length > 0 ? sameLevel : ordered;
  const byCode = (codes: string[], c: string) => codes.includes(c);
  const measures = MEASURE_CODES.map((code) => {
    const provisions = a.provisions.filter((p) => byCode(p.measures, code)).map((p) => p.id);
    const peerCounts = basis.map((p) => p.provisions.filter((q) => byCode(q.measures, code)).length);
    return { code, status: provisions.length > 0 ? ('present' as const) : ('missing' as const), provisions, peers_median: median(peerCounts) };
  });
  const coverage = Object.fromEntries(measures.map((m) => [m.code, m.status === 'present'])) as Record<MeasureCode, boolean>;
  const missing = measures.filter((m) => m.status === 'missing').map((m) => m.code);

  const docs: ReuseDocument[] = ordered.map((p) => ({ id: p.id, provisions: p.provisions }));
  const near = docs.length ? nearestResolutions({ provisions: a.provisions.map((p) => ({ id: p.id, text: p.text, measures: p.measures })) }, opts.corpus ?? docs, opts.k ?? 5) : [];
  const byId = new Map(ordered.map((p) => [p.id, p]));
  const similar = near.map((n) => ({
    id: n.id,
    jurisdiction: byId.get(n.id)?.jurisdiction ?? n.id,
    score: n.score,
    shared_passages: n.shared_passages.map((s) => ({ draft_provision: s.draft_provision, source_provision: `${n.id}#${s.source_provision}`, text: s.text })),
  }));

  // Suggestions: for each missing or thin measure, up to three peers' provisions, same level first.
  const suggestions: Suggestion[] = [];
  for (const m of measures) {
    const thin = m.status === 'present' && m.peers_median !== null && m.provisions.length < m.peers_median / 2;
    if (m.status === 'present' && !thin) continue;
    for (const p of ordered) {
      const q = p.provisions.find((x) => byCode(x.measures, m.code) && x.text.length > 40);
      if (q) suggestions.push({ measure: m.code, source_provision: `${p.id}#${q.id}`, resolution_id: p.id, jurisdiction: p.jurisdiction, level: p.level, text: q.text });
      if (suggestions.filter((s) => s.measure === m.code).length >= 3) break;
    }
  }

  return {
    judged_on: on,
    coverage,
    missing_measures: missing,
    measures,
    specificity: {
      objectives: a.objectives.length,
      deadlines: a.objectives.filter((o) => o.deadline).length,
      implementers: new Set(a.supervision.filter((s) => s.role === 'implements').map((s) => s.actor)).size,
      peers_median_objectives: median(basis.map((p) => p.n_objectives)),
    },
    funding: { sources: [...new Set(a.funding.map((f) => f.source))], peers_with_funding: basis.filter((p) => p.has_funding).length, peers: basis.length },
    supervision: { supervisors: [...new Set(a.supervision.filter((s) => s.role === 'supervises').map((s) => s.actor))], peers_with_supervision: basis.filter((p) => p.has_supervision).length, peers: basis.length },
    lint: lintDraft(a, register, on),
    similar,
    peers: ordered.map((p) => ({ id: p.id, jurisdiction: p.jurisdiction, level: p.level, same_level: p.level === level })),
    suggestions,
  };
}

/** Peers from analysed, published resolutions: full texts only. */
export function peersFrom(items: { id: string; completeness: string; analysis: Analysis }[]): Peer[] {
  return items
    .filter((x) => x.completeness === 'full')
    .map(({ id, analysis: a }) => ({
      id,
      jurisdiction: a.metadata.jurisdiction ?? id,
      level: a.metadata.level ?? 'province',
      provisions: a.provisions.map((p) => ({ id: p.id, text: p.text, measures: p.measures })),
      n_objectives: a.objectives.length,
      has_funding: a.funding.length > 0,
      has_supervision: a.supervision.some((s) => s.role === 'supervises'),
    }));
}
