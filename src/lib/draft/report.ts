/**
 * Renders a draft's scorecard: toBenchmarkJson gives the `benchmark --json` object (a public contract: analysis,
 * matched_source, coverage, missing_measures, lint, similar, peers, suggestions, plus the details; since 0.2 also
 * the additive report header, summary and peer_basis); benchmarkReport the plain-language text report of the command
 * line, drawn from the same reading (reading.ts) as the page, with the same summary.
 */
import type { Analysis } from '../analyze/analyze.ts';
import type { Scorecard } from './scorecard.ts';
import type { Lang } from '../reference/vocabulary.ts';
import { LAW_MEASURE_CODES } from '../reference/vocabulary.ts';
import { toAnalyzeJson } from '../analyze/report.ts';
import { headerLines, type Reading, type ReportHeader } from './reading.ts';

export function toBenchmarkJson(a: Analysis, s: Scorecard, header?: ReportHeader) {
  const missingLaw = s.missing_measures.filter((c) => LAW_MEASURE_CODES.includes(c));
  return {
    ...(header ? { report: header } : {}),
    analysis: toAnalyzeJson(a),
    matched_source: a.matched_source ?? null,
    judged_on: s.judged_on,
    summary: {
      law_measures: LAW_MEASURE_CODES.length,
      law_measures_present: LAW_MEASURE_CODES.length - missingLaw.length,
      missing_law_measures: missingLaw,
      /** Lint codes in order of weight (what to fix first). */
      fix_first: s.lint.filter((l) => l.severity === 'error').map((l) => l.code),
    },
    coverage: s.coverage,
    missing_measures: s.missing_measures,
    measures: s.measures,
    specificity: s.specificity,
    funding: s.funding,
    supervision: s.supervision,
    lint: s.lint,
    similar: s.similar,
    peers: s.peers,
    peer_basis: s.peer_basis,
    suggestions: s.suggestions,
    suggestions_left_out: s.suggestions_left_out,
  };
}

const T = {
  vi: { title: 'BÁO CÁO ĐỐI CHIẾU DỰ THẢO NGHỊ QUYẾT', summary: 'TÓM TẮT', fix: 'Việc cần làm, theo thứ tự', peers: 'SO SÁNH VỚI', measures: 'CÁC BIỆN PHÁP', present: 'có', missing: 'THIẾU', findings: 'LƯU Ý', none: 'Không có lưu ý.', law: 'Pháp luật', todo: 'Cần làm', details: 'CHI TIẾT', similar: 'NGHỊ QUYẾT GẦN NHẤT', suggest: 'GỢI Ý', add: 'bổ sung', strengthen: 'làm mạnh thêm', at: 'tại', error: 'lỗi', warning: 'lưu ý' },
  en: { title: 'DRAFT RESOLUTION BENCHMARK REPORT', summary: 'SUMMARY', fix: 'What to do, in order', peers: 'COMPARED WITH', measures: 'MEASURES', present: 'present', missing: 'MISSING', findings: 'FINDINGS', none: 'No findings.', law: 'The law', todo: 'What to do', details: 'DETAILS', similar: 'NEAREST RESOLUTIONS', suggest: 'SUGGESTIONS', add: 'to add', strengthen: 'to strengthen', at: 'at', error: 'error', warning: 'warning' },
};

/** The text report: header, summary, peers, measures, findings, details, nearest resolutions, suggestions. */
export function benchmarkReport(r: Reading, header: ReportHeader, lang: Lang, undated: boolean): string {
  const t = T[lang];
  const out: string[] = [t.title, ''];
  const h = headerLines(header, lang, undated);
  for (const [k, v] of h.rows) out.push(`${k}: ${v}`);
  out.push(h.note, '');
  if (r.matched) out.push(r.matched.text, '');
  out.push(t.summary, r.summary.headline);
  if (r.summary.missing) out.push(r.summary.missing);
  out.push(`${t.fix}:`);
  r.summary.fixes.forEach((f, i) => out.push(`  ${i + 1}. ${f}`));
  out.push('', t.peers, r.peer_base, '', t.measures);
  for (const m of r.measures) {
    out.push(`  [${m.present ? t.present : t.missing}] ${m.name}: ${m.places}${m.compare ? ` — ${m.compare}` : ''}`);
  }
  out.push('', t.findings);
  if (r.findings.length === 0) out.push(`  ${t.none}`);
  for (const f of r.findings) {
    out.push(`  - (${f.severity === 'error' ? t.error : t.warning}) ${f.place ? `${f.place}: ` : ''}${f.what}`);
    if (f.law) out.push(`    ${t.law}: ${f.law}`);
    out.push(`    ${t.todo}: ${f.todo}`);
  }
  out.push('', t.details);
  for (const d of r.details) out.push(`  ${d.heading}: ${d.text}`);
  out.push('', t.similar);
  for (const n of r.similar) {
    out.push(`  - ${n.name}: ${n.text}`);
    for (const p of n.passages.slice(0, 3)) out.push(`      ${p.draft_place} ↔ ${p.source_place}: “${clip(p.text)}”`);
  }
  if (r.suggestions.length || r.suggestions_note) {
    out.push('', t.suggest);
    for (const g of r.suggestions) out.push(`  - ${g.name} (${g.kind === 'add' ? t.add : t.strengthen}) — ${g.source}, ${g.place}: “${clip(g.text)}”`);
    if (r.suggestions_note) out.push(`  ${r.suggestions_note}`);
  }
  return `${out.join('\n')}\n`;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 160 ? `${one.slice(0, 159)}…` : one;
}
