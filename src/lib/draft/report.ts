/**
 * Renders a draft's scorecard: toBenchmarkJson gives the `benchmark --json` object (a public contract: analysis,
 * matched_source, coverage, missing_measures, lint, similar, peers, suggestions, plus the details); benchmarkReport a readable report.
 */
import type { Analysis } from '../analyze/analyze.ts';
import type { Scorecard } from './scorecard.ts';
import type { Lang } from '../reference/vocabulary.ts';
import { toAnalyzeJson } from '../analyze/report.ts';

export function toBenchmarkJson(a: Analysis, s: Scorecard) {
  return {
    analysis: toAnalyzeJson(a),
    matched_source: a.matched_source ?? null,
    judged_on: s.judged_on,
    coverage: s.coverage,
    missing_measures: s.missing_measures,
    measures: s.measures,
    specificity: s.specificity,
    funding: s.funding,
    supervision: s.supervision,
    lint: s.lint,
    similar: s.similar,
    peers: s.peers,
    suggestions: s.suggestions,
  };
}

const T = {
  vi: { title: 'Đối chiếu dự thảo', judged: 'Đánh giá theo ngày', coverage: 'Biện pháp', present: 'có', missing: 'THIẾU', lint: 'Lưu ý', none: 'không có', similar: 'Gần nhất', suggest: 'Gợi ý từ nghị quyết khác' },
  en: { title: 'Draft benchmark', judged: 'Judged as of', coverage: 'Measures', present: 'present', missing: 'MISSING', lint: 'Findings', none: 'none', similar: 'Nearest resolutions', suggest: 'Suggestions from peers' },
};

export function benchmarkReport(a: Analysis, s: Scorecard, lang: Lang): string {
  const t = T[lang];
  const out: string[] = [];
  out.push(`${t.title}: ${a.metadata.council ?? '—'} ${a.metadata.number ?? ''}`.trim());
  out.push(`${t.judged}: ${s.judged_on}`, '', `${t.coverage}:`);
  for (const m of s.measures) out.push(`  ${m.code}  ${m.status === 'present' ? t.present : t.missing}  ${m.provisions.join(', ')}${m.peers_median !== null ? `  (peers: ${m.peers_median})` : ''}`);
  out.push('', `${t.lint}:`);
  if (s.lint.length === 0) out.push(`  ${t.none}`);
  for (const l of s.lint) out.push(`  [${l.code}] ${lang === 'vi' ? l.message : l.message_en}`);
  out.push('', `${t.similar}:`);
  for (const n of s.similar) out.push(`  ${n.score.toFixed(3)}  ${n.jurisdiction} (${n.id}), ${n.shared_passages.length} passages`);
  if (s.suggestions.length) {
    out.push('', `${t.suggest}:`);
    for (const g of s.suggestions) out.push(`  ${g.measure}  ${g.source_provision}: ${g.text.slice(0, 100)}${g.text.length > 100 ? '…' : ''}`);
  }
  return `${out.join('\n')}\n`;
}
