/**
 * Renders an Analysis for people and programs: toAnalyzeJson gives the stable `analyze --json` object (a public
 * contract: keys are added, never renamed or removed without a changelog note); summaryText a readable summary.
 */
import type { Analysis } from './analyze.ts';

export function toAnalyzeJson(a: Analysis) {
  const m = a.metadata;
  return {
    metadata: {
      id: m.id,
      number: m.number,
      council: m.council,
      jurisdiction: m.jurisdiction,
      jurisdiction_id: m.jurisdiction_id,
      level: m.level,
      unit_type: m.unit_type,
      province: m.province,
      province_after_2025: m.province_after_2025,
      title: m.title,
      signed_on: m.signed_on,
      adopted_on: m.adopted_on,
      effective_on: m.effective_on,
      effective_rule: m.effective_rule,
      effective_source: m.effective_source,
      signer: m.signer,
      signer_title: m.signer_title,
      term: m.term,
      session: m.session,
      session_kind: m.session_kind,
      complete: m.complete,
      source_url: m.source_url,
      catalogue_fields: m.catalogue_fields,
    },
    legal_bases: a.legal_bases,
    submission: a.submission,
    provisions: a.provisions.map((p) => ({
      id: p.id,
      article: p.article,
      clause: p.clause,
      point: p.point,
      parent: p.parent,
      heading: p.heading,
      text: p.text,
      struck: p.struck,
      start: p.start,
      end: p.end,
      measures: p.measures,
      labels: p.labels,
    })),
    objectives: a.objectives,
    funding: a.funding,
    supervision: a.supervision,
    corrections: a.corrections.map((e) => ({ id: e.correction_id, start: e.start, end: e.end, before: e.before, after: e.after })),
    matched_source: a.matched_source ?? null,
    issues: a.issues,
  };
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

export function summaryText(a: Analysis): string {
  const m = a.metadata;
  const lines: string[] = [];
  lines.push(`${show(m.council)} · ${show(m.number)}`);
  if (m.title) lines.push(m.title);
  lines.push('');
  lines.push(`  level        ${show(m.level)} (${show(m.unit_type)}), province ${show(m.province)} → ${show(m.province_after_2025)} after 1/7/2025`);
  lines.push(`  signed       ${show(m.signed_on)}   adopted ${show(m.adopted_on)}   in force ${show(m.effective_on)} (${show(m.effective_rule)})`);
  lines.push(`  term/session khóa ${show(m.term)}, kỳ họp ${show(m.session)}${m.session_kind === 'thematic' ? ' (chuyên đề)' : ''}`);
  lines.push(`  signer       ${show(m.signer)} (${show(m.signer_title)})`);
  lines.push(`  text         ${m.complete ? 'complete' : 'incomplete'}; ${a.provisions.length} provisions, ${a.corrections.length} corrections applied`);
  if (a.matched_source) lines.push(`  source       curated ${a.matched_source.id} (${a.matched_source.by === 'sha256' ? 'same bytes' : `same content, score ${a.matched_source.score}`})`);
  lines.push('');
  lines.push(`Legal bases (${a.legal_bases.length}):`);
  for (const b of a.legal_bases) {
    lines.push(`  - ${b.citation.slice(0, 110)}${b.citation.length > 110 ? '…' : ''}${b.superseded ? `  [superseded by ${show(b.superseded_by)}]` : ''}`);
  }
  const measures = new Map<string, string[]>();
  for (const p of a.provisions) for (const c of p.measures) measures.set(c, [...(measures.get(c) ?? []), p.id]);
  lines.push('');
  lines.push(`Measures: ${[...measures.keys()].sort().map((c) => `${c} (${measures.get(c)?.length ?? 0})`).join(', ') || '—'}`);
  lines.push(`Objectives: ${a.objectives.length} · funding sources: ${[...new Set(a.funding.map((f) => f.source))].join(', ') || '—'} · supervision: ${[...new Set(a.supervision.filter((s) => s.role === 'supervises').map((s) => s.actor))].join(', ') || '—'}`);
  if (a.issues.length) {
    lines.push('');
    lines.push('Notes:');
    for (const i of a.issues) lines.push(`  [${i.severity}] ${i.code}: ${i.message}`);
  }
  return `${lines.join('\n')}\n`;
}
