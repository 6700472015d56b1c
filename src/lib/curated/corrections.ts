/**
 * The corrections layer: reviewed fixes to conversion noise in a raw source (OCR slips, a mislabelled point, a
 * misread abbreviation, stamp text, a sentence split by a page break), applied to the text without ever touching the
 * raw file. Each correction names an exact `before` string and how many times it occurs; the count is the guard, so
 * a changed source makes the correction fail loudly instead of silently editing the wrong place. applyCorrections
 * (text, corrections) → corrected text, one Edit per occurrence (offsets in both texts) and problems (never throws);
 * toSourceOffset maps an offset in the corrected text back to the raw text, and revertCorrections rebuilds the raw
 * text exactly from the corrected text and the edits.
 */

export type CorrectionKind = 'ocr' | 'label' | 'misread' | 'stamp' | 'layout';

const CORRECTION_KINDS: readonly CorrectionKind[] = ['ocr', 'label', 'misread', 'stamp', 'layout'];

export interface Correction {
  /** Stable within one resolution: "c1", "c2", … */
  id: string;
  kind: CorrectionKind;
  /** Exact substring of the raw text, with enough context to be unambiguous. */
  before: string;
  /** What it should read; '' drops the text (stamps). */
  after: string;
  /** Exact number of (non-overlapping) occurrences of `before` in the raw text: the guard. */
  count: number;
  /** Why, for reviewers. */
  reason: string;
}

/** One applied occurrence, reduced to the characters that change (the quoted context is left out). */
export interface Edit {
  correction_id: string;
  /** Offsets in the original text (JS string indices, end exclusive). */
  start: number;
  end: number;
  before: string;
  after: string;
  /** Offsets of the replacement in the corrected text. */
  newStart: number;
  newEnd: number;
}

export interface CorrectionResult {
  text: string;
  edits: Edit[];
  problems: string[];
}

/** Start offsets of the non-overlapping occurrences of needle, scanning left to right. */
export function findOccurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  let i = text.indexOf(needle);
  while (i !== -1) {
    out.push(i);
    i = text.indexOf(needle, i + needle.length);
  }
  return out;
}

/** Short, single-line rendering of a string for messages. */
export function preview(s: string, max = 60): string {
  const one = s.replace(/\n/g, '⏎').replace(/\t/g, '⇥');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Shape problems of one correction (empty when it is well formed). */
export function correctionShapeProblems(c: Correction): string[] {
  const p: string[] = [];
  const who = `correction ${c.id || '(no id)'}`;
  if (typeof c.id !== 'string' || c.id === '') p.push(`${who}: missing id; hint: give each correction an id like "c1"`);
  if (!CORRECTION_KINDS.includes(c.kind)) {
    p.push(`${who}: kind «${String(c.kind)}» is not one of ${CORRECTION_KINDS.join(', ')}`);
  }
  if (typeof c.before !== 'string' || c.before === '') p.push(`${who}: before is empty; hint: quote the raw text`);
  if (typeof c.after !== 'string') p.push(`${who}: after must be a string ('' drops the text)`);
  if (c.before === c.after) p.push(`${who}: before and after are the same`);
  if (!Number.isInteger(c.count) || c.count < 1) p.push(`${who}: count must be a whole number ≥ 1, found ${c.count}`);
  if (typeof c.reason !== 'string' || c.reason.trim() === '') p.push(`${who}: reason is empty; hint: say why`);
  return p;
}

/**
 * Apply reviewed corrections. A correction whose occurrence count differs from its guard, that is malformed, or
 * that overlaps an earlier correction is not applied and is reported; the others are. Never throws.
 */
export function applyCorrections(text: string, corrections: Correction[]): CorrectionResult {
  const problems: string[] = [];
  const accepted: { c: Correction; start: number }[] = [];
  const seen = new Set<string>();
  for (const c of corrections) {
    const shape = correctionShapeProblems(c);
    if (seen.has(c.id)) shape.push(`correction ${c.id}: duplicate id`);
    seen.add(c.id);
    if (shape.length > 0) {
      problems.push(...shape);
      continue;
    }
    const found = findOccurrences(text, c.before);
    if (found.length !== c.count) {
      problems.push(
        `correction ${c.id}: expected ${c.count} occurrence${c.count === 1 ? '' : 's'} of «${preview(c.before)}», ` +
          `found ${found.length}; hint: the source changed or the before text is wrong`,
      );
      continue;
    }
    const clash = accepted.find((a) =>
      found.some((s) => s < a.start + a.c.before.length && a.start < s + c.before.length),
    );
    if (clash) {
      problems.push(
        `correction ${c.id}: overlaps correction ${clash.c.id} at offset ${clash.start}; ` +
          `hint: merge them into one correction`,
      );
      continue;
    }
    for (const start of found) accepted.push({ c, start });
  }
  accepted.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const edits: Edit[] = [];
  let cursor = 0;
  let outLength = 0;
  for (const { c, start } of accepted) {
    const kept = text.slice(cursor, start);
    parts.push(kept, c.after);
    const newStart = outLength + kept.length;
    outLength = newStart + c.after.length;
    // The edit is the part that changes; the context a correction quotes to be unambiguous stays outside it, so
    // offsets map exactly up to the changed characters.
    const [p, q] = sharedEnds(c.before, c.after);
    const end = start + c.before.length;
    edits.push({
      correction_id: c.id, start: start + p, end: end - q, before: c.before.slice(p, c.before.length - q),
      after: c.after.slice(p, c.after.length - q), newStart: newStart + p, newEnd: outLength - q,
    });
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), edits, problems };
}

/** Lengths of the common prefix and suffix of two strings, never splitting a surrogate pair. */
export function sharedEnds(a: string, b: string): [number, number] {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a[p] === b[p]) p++;
  if (p > 0 && p < max && /[\uDC00-\uDFFF]/.test(a[p] ?? '')) p--;
  let q = 0;
  while (q < max - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  if (q > 0 && /[\uDC00-\uDFFF]/.test(a[a.length - q] ?? '')) q--;
  return [p, q];
}

/**
 * Map an offset in the corrected text to the original. Outside edits the shift is exact, so the character at a
 * corrected offset is the character at the mapped offset; inside a replacement the offset maps position by position
 * from the edit's start, clamped to its end. Where text was dropped ('' after), one corrected offset stands for the
 * whole dropped span: bias 'end' (the default: where the next character is) maps past it, 'start' maps to its
 * start (use it for the exclusive end of a span, so a span never ends with dropped stamp text).
 */
export function toSourceOffset(edits: Edit[], correctedOffset: number, bias: 'start' | 'end' = 'end'): number {
  const sorted = [...edits].sort((a, b) => a.newStart - b.newStart || a.start - b.start);
  let delta = 0;
  for (const e of sorted) {
    if (correctedOffset < e.newStart) break;
    if (correctedOffset === e.newStart && e.newEnd === e.newStart) {
      if (bias === 'start') return e.start;
      delta = e.end - e.newEnd;
      continue;
    }
    if (correctedOffset < e.newEnd) return e.start + Math.min(correctedOffset - e.newStart, e.end - e.start);
    delta = e.end - e.newEnd;
  }
  return correctedOffset + delta;
}

/**
 * A span of the corrected text [start, end) as a span of the original, excluding text dropped at either edge: the
 * start maps past dropped text, the end maps before it. An empty span stays empty.
 */
export function toSourceSpan(edits: Edit[], start: number, end: number): { start: number; end: number } {
  const s = toSourceOffset(edits, start, 'end');
  return { start: s, end: end <= start ? s : Math.max(s, toSourceOffset(edits, end, 'start')) };
}

/** Rebuild the original text from the corrected text and the edits that produced it. */
export function revertCorrections(correctedText: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.newStart - b.newStart || a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const e of sorted) {
    parts.push(correctedText.slice(cursor, e.newStart), e.before);
    cursor = e.newEnd;
  }
  parts.push(correctedText.slice(cursor));
  return parts.join('');
}
