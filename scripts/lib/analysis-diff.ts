/**
 * Whether two readings of one resolution (say its .txt source and a PDF or OCR of it) are analysed the same, in what
 * the analysis publishes: the `analyze --json` object compared key by key, returning one line per difference (empty
 * when they agree). Two things are set aside, each because it cannot survive a change of format, not because it is
 * unimportant: provisions' `start`/`end` (offsets into the text, which move when line breaks and markdown marks go)
 * and struck-through text — a printed strike is a drawn line, not text, so a PDF's text layer carries the struck
 * words as ordinary words; the source's provision text plus its struck text is what the PDF must give, and the
 * source's `struck_text` note is not expected from it; and since a measure is coded from a provision's own words,
 * the struck words a PDF reads may carry a measure the source (which does not analyse struck words) has not: for such
 * provisions the measures and labels are set aside, and the text is compared.
 */
import type { Analysis } from '../../src/lib/analyze/analyze.ts';
import { toAnalyzeJson } from '../../src/lib/analyze/report.ts';

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 160) ?? 'undefined';

function diffValue(path: string, got: unknown, want: unknown, out: string[]): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${path}: ${show(got)} ≠ ${show(want)}`);
}

/** Differences of `got` from `want` (the reference reading), one readable line each. */
export function analysisDiff(got: Analysis, want: Analysis): string[] {
  const g = toAnalyzeJson(got);
  const w = toAnalyzeJson(want);
  const out: string[] = [];
  for (const k of Object.keys(w.metadata) as (keyof typeof w.metadata)[]) diffValue(`metadata.${k}`, g.metadata[k], w.metadata[k], out);
  diffValue('legal_bases', g.legal_bases, w.legal_bases, out);
  diffValue('submission', g.submission, w.submission, out);
  const ids = (x: typeof g) => x.provisions.map((p) => p.id);
  diffValue('provisions (ids)', ids(g), ids(w), out);
  const byId = new Map(g.provisions.map((p) => [p.id, p]));
  for (const p of w.provisions) {
    const q = byId.get(p.id);
    if (!q) continue;
    const printed = [p.text, p.struck ?? ''].join(' ').replace(/\s+/g, ' ').trim();
    const { start: _s, end: _e, struck: _k, text: _t, labels, ...rest } = p;
    const { start: _s2, end: _e2, struck: _k2, text, labels: labelsQ, ...restQ } = q;
    if (p.struck) {
      const { measures: _m, ...kept } = rest;
      const { measures: _m2, ...keptQ } = restQ;
      diffValue(`provisions.${p.id}`, keptQ, kept, out);
    } else {
      diffValue(`provisions.${p.id}`, restQ, rest, out);
      diffValue(`provisions.${p.id}.labels`, labelsQ, labels, out);
    }
    diffValue(`provisions.${p.id}.text`, text.replace(/\s+/g, ' ').trim(), printed, out);
  }
  diffValue('objectives', g.objectives, w.objectives, out);
  diffValue('funding', g.funding, w.funding, out);
  diffValue('supervision', g.supervision, w.supervision, out);
  diffValue('corrections', g.corrections, w.corrections, out);
  diffValue('issues', g.issues, w.issues.filter((i) => i.code !== 'struck_text'), out);
  return out;
}
