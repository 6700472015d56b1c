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
import { LEVELS, MEASURE_CODES, type MeasureCode } from '../reference/vocabulary.ts';

/** The district level ended its operation on this date (Luật Tổ chức chính quyền địa phương 72/2025/QH15). */
export const TWO_TIER_FROM = '2025-07-01';
/** The register ids of the law on grassroots democracy and of the law that ended the district level. */
export const CORE_LAW = 'luat-10-2022-qh15';
export const TWO_TIER_LAW = 'luat-72-2025-qh15';

/** A published resolution as the scorecard compares with it. */
export interface Peer {
  id: string;
  jurisdiction: string;
  level: string;
  /** The resolution's number as printed ("36/NQ-HĐND"), or null. */
  number?: string | null;
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
  /** outdated_legal_basis: what the register says of the cited document (its dates and what replaced it). */
  register?: SupersededFacts;
}

/** A superseded legal basis as the register records it: never the judging date. */
export interface SupersededFacts {
  /** Register id and number of the cited document. */
  id: string;
  number: string;
  title: string;
  title_en: string;
  /** The first day it no longer applied, from the register; null when the register does not record it. */
  ended_on: string | null;
  /** Its replacements in order, each with the day it came into force (null when the register does not know). */
  replaced_by: { id: string; number: string; title: string; title_en: string; effective_from: string | null }[];
  /** When the cited document is an amendment: the document it amends, whose end it shares. */
  amends: { id: string; number: string; title: string; title_en: string } | null;
}

export interface Suggestion {
  measure: string;
  /** "<resolution id>#<provision id>" */
  source_provision: string;
  resolution_id: string;
  jurisdiction: string;
  level: string;
  /** The source resolution's number as printed, or null. */
  number: string | null;
  /** 'add': the draft lacks the measure; 'strengthen': the draft has it, thinly, and this is a way to strengthen it. */
  kind: 'add' | 'strengthen';
  text: string;
}

/** What the medians are computed over: the peers at the draft's level, or, when there are none, all of them. */
export interface PeerBasis {
  /** The draft's level, or null when its text does not say. */
  level: string | null;
  /** True only when every peer in the basis is at the draft's level. */
  same_level: boolean;
  ids: string[];
  /** How many peers of each level are in the basis. */
  by_level: Record<string, number>;
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
  peers: { id: string; jurisdiction: string; level: string; same_level: boolean; number: string | null }[];
  /** The peers every median and share is computed over. */
  peer_basis: PeerBasis;
  suggestions: Suggestion[];
  /** Peers' provisions not suggested because they name the abolished district level or a superseded basis. */
  suggestions_left_out: number;
}

const DISTRICT_WORDS = /\b(cap huyen|uy ban nhan dan huyen|ubnd huyen|hoi dong nhan dan huyen|hdnd huyen|huyen uy|quan, huyen|huyen, thi xa|huyen, thanh pho|thanh pho thuoc tinh|thi xa, thanh pho)\b/;

const viDate = (iso: string) => `${+iso.slice(8, 10)}/${+iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const enDate = (iso: string) => `${+iso.slice(8, 10)} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;
const placeVi = (p: { article: number; clause: string | null; point: string | null }) => [`Điều ${p.article}`, p.clause ? `khoản ${p.clause}` : '', p.point ? `điểm ${p.point}` : ''].filter(Boolean).join(' ');
const placeEn = (p: { article: number; clause: string | null; point: string | null }) => `Article ${p.article}${p.clause ? `(${p.clause})` : ''}${p.point ? `(${p.point})` : ''}`;

/** The day after an ISO date (civil dates, no time zone). */
function nextDay(iso: string): string {
  const d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) + 1));
  return d.toISOString().slice(0, 10);
}

/**
 * What the register says of a document superseded on `on`: the day it stopped applying (its replacement's entry into
 * force, else the day after its last day in force, else — for an amendment — the end of the document it amends) and
 * the chain of replacements in force by `on`. Dates come from the register only; null where it has none.
 */
export function supersededFacts(doc: LegalDocument, on: string, register: LegalDocument[]): SupersededFacts {
  const byId = new Map(register.map((d) => [d.id, d]));
  const base = doc.amends ? byId.get(doc.amends) : undefined;
  const own = doc.replaced_by || doc.effective_until ? doc : (base ?? doc);
  const chain: SupersededFacts['replaced_by'] = [];
  const seen = new Set([own.id]);
  for (let r = own.replaced_by ? byId.get(own.replaced_by) : undefined; r && !seen.has(r.id); r = r.replaced_by ? byId.get(r.replaced_by) : undefined) {
    const start = r.effective_from ?? r.adopted_on;
    if (start === null || start > on) break;
    seen.add(r.id);
    chain.push({ id: r.id, number: r.number, title: r.title, title_en: r.title_en, effective_from: r.effective_from });
  }
  const ended = chain[0]?.effective_from ?? (own.effective_until ? nextDay(own.effective_until) : null);
  return { id: doc.id, number: doc.number, title: doc.title, title_en: doc.title_en, ended_on: ended, replaced_by: chain, amends: own !== doc ? { id: own.id, number: own.number, title: own.title, title_en: own.title_en } : null };
}

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
    if (doc && sup?.superseded) {
      const facts = supersededFacts(doc, on, register);
      const last = facts.replaced_by.at(-1);
      const ended = facts.ended_on ? `từ ngày ${viDate(facts.ended_on)}` : '(sổ văn bản của dự án không ghi ngày)';
      const endedEn = facts.ended_on ? `from ${enDate(facts.ended_on)}` : '(the register does not record the date)';
      out.push({
        code: 'outdated_legal_basis', severity: 'error', provision: `legal-basis-${k + 1}`, register: facts,
        message: `Căn cứ "${b.citation}" đã hết hiệu lực ${ended}${last ? `; văn bản đang áp dụng: ${last.title} số ${last.number}` : ''}.`,
        message_en: `Legal basis "${b.citation}" no longer applies ${endedEn}${last ? `; the act in force is ${last.number}` : ''}.`,
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
          message: `${placeVi(p)}: nhắc đến cấp huyện ("${words}"), nhưng cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025.`,
          message_en: `${placeEn(p)}: mentions the district level ("${words}"), which ended on 1 July 2025.`,
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
  // A peer's provision that names the district level or a superseded act is not offered for a draft judged after
  // the reform: the drafter would copy what the findings tell her to remove.
  const outdatedNumbers = register.filter((d) => supersededOn(d, on, register).superseded).map((d) => foldChars(d.number).toLowerCase());
  const stale = (text: string) => (on >= TWO_TIER_FROM && DISTRICT_WORDS.test(foldChars(text))) || outdatedNumbers.some((n) => foldChars(text).toLowerCase().includes(n));
  const suggestions: Suggestion[] = [];
  let leftOut = 0;
  for (const m of measures) {
    const thin = m.status === 'present' && m.peers_median !== null && m.provisions.length < m.peers_median / 2;
    if (m.status === 'present' && !thin) continue;
    for (const p of ordered) {
      const candidates = p.provisions.filter((x) => byCode(x.measures, m.code) && x.text.length > 40);
      const at = candidates.findIndex((x) => !stale(x.text));
      const q = candidates[at];
      leftOut += candidates.slice(0, at < 0 ? candidates.length : at).length;
      if (q) suggestions.push({ measure: m.code, source_provision: `${p.id}#${q.id}`, resolution_id: p.id, jurisdiction: p.jurisdiction, level: p.level, number: p.number ?? null, kind: m.status === 'missing' ? 'add' : 'strengthen', text: q.text });
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
    peers: ordered.map((p) => ({ id: p.id, jurisdiction: p.jurisdiction, level: p.level, same_level: p.level === level, number: p.number ?? null })),
    peer_basis: {
      level: level ?? null,
      same_level: sameLevel.length > 0,
      ids: basis.map((p) => p.id),
      by_level: Object.fromEntries(LEVELS.map((l) => [l, basis.filter((p) => p.level === l).length]).filter(([, n]) => n !== 0)),
    },
    suggestions,
    suggestions_left_out: leftOut,
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
      number: a.metadata.number,
      provisions: a.provisions.map((p) => ({ id: p.id, text: p.text, measures: p.measures })),
      n_objectives: a.objectives.length,
      has_funding: a.funding.length > 0,
      has_supervision: a.supervision.some((s) => s.role === 'supervises'),
    }));
}
