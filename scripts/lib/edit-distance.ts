/**
 * Character error rate of a text read by OCR or extracted from a PDF against the text it should be: the Levenshtein
 * distance (insertions, deletions, substitutions of code points) divided by the reference's length, both texts first
 * reduced to their reading form (markdown marks gone, struck text kept as text, white space squashed to one space),
 * so layout differences are not counted as errors. The distance is computed in a diagonal band that doubles until it
 * holds the answer (Ukkonen), so near-equal 20,000-character texts cost milliseconds rather than 400 M cells.
 */
import { cleanLine } from '../../src/lib/text/lines.ts';

/** Levenshtein distance between two strings, counted in code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0 || y.length === 0) return Math.max(x.length, y.length);
  for (let band = Math.max(8, Math.abs(x.length - y.length) + 1); ; band *= 2) {
    const d = banded(x, y, band);
    if (d <= band || band >= Math.max(x.length, y.length)) return d;
  }
}

/** Distance restricted to cells with |i − j| ≤ band; exact when the result is ≤ band. */
function banded(x: string[], y: string[], band: number): number {
  const INF = 1e9;
  const m = y.length;
  let prev = new Int32Array(m + 1).fill(INF);
  let cur = new Int32Array(m + 1).fill(INF);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur.fill(INF);
    const lo = Math.max(0, i - band);
    const hi = Math.min(m, i + band);
    if (lo === 0) cur[0] = i;
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const sub = (prev[j - 1] ?? INF) + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? INF) + 1, (cur[j - 1] ?? INF) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m] ?? INF;
}

/** Reading form for comparison: one line of words per document, NFC, no markdown, struck text kept. */
export function comparable(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/~~/g, '').split('\n')
    .map((l) => cleanLine(l).clean).filter((l) => l !== '').join(' ').replace(/\s+/g, ' ').trim();
}

/** Character error rate of `got` against `want` (0 = identical reading text). */
export function characterErrorRate(got: string, want: string): number {
  const w = comparable(want);
  return w.length === 0 ? (comparable(got).length === 0 ? 0 : 1) : editDistance(comparable(got), w) / Array.from(w).length;
}
