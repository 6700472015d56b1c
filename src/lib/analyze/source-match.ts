/**
 * Is this text the same document as one of the curated sources, in another surface? A raw source is curated byte
 * for byte, but the same resolution reaches users as CRLF or NFD text, with a BOM, re-wrapped, with its markdown
 * stripped, extracted from a PDF (running headers and page numbers between the lines) or from a web page (with or
 * without the publisher's catalogue block). contentFingerprint(text) reduces a text to what survives all of that:
 * the folded words of the resolution's own lines (no front matter, curator notes, comments or catalogue block; no
 * page numbers or lines repeated as running headers), as a set of 5-word shingle hashes. matchSource(fingerprint,
 * sources) compares it with the curated sources' fingerprints by containment both ways and returns the best
 * source that clears the thresholds, with its score, or null. Pure.
 */
import { furnitureLines } from '../text/furniture.ts';
import { splitLines } from '../text/lines.ts';
import { frameRoles } from '../parse/parser.ts';
import { fnv1a32, shingleHash, SHINGLE_WORDS } from '../reuse/shingles.ts';
import { tokenize } from '../text/tokens.ts';
import { normalizeText } from '../text/normalize.ts';

export interface Fingerprint {
  /** Sorted, distinct 5-word shingle hashes of the content. */
  shingles: Uint32Array;
  /** Content words (for messages and the minimum-size rule). */
  words: number;
}

export interface SourceFingerprint {
  id: string;
  /** The curated copy is an opening or a catalogue entry: a longer text may contain all of it. */
  partial: boolean;
  fingerprint: Fingerprint;
}

/** How a text was found to be a curated source. `score` is 1 for sha256, else the lower containment. */
export interface MatchedSource {
  id: string;
  by: 'sha256' | 'content';
  score: number;
}

/**
 * Containment needed both ways (shared shingles over each side's shingles). Measured on the 13 seeds: a copy in
 * another surface scores ≥ 0.9 against its source, and two different seeds score ≤ 0.35 against each other even
 * when they share the standard legal bases (test/analyze/source-match.test.ts prints the table it is set from).
 */
export const MATCH_THRESHOLD = 0.7;
/** A partial source (an opening) inside a longer copy of the whole document: nearly all of it must be there. */
const PARTIAL_THRESHOLD = 0.85;
/** Below this many shingles a text says too little to be matched on content. */
const MIN_SHINGLES = 15;

/** The resolution's own text, one line per line kept: what content matching compares. */
function contentText(text: string): string {
  const lines = splitLines(normalizeText(text));
  const frame = frameRoles(lines);
  const furniture = furnitureLines(lines);
  return lines.filter((l, k) => frame[k] === null && !furniture.has(k)).map((l) => l.clean).join('\n');
}

export function contentFingerprint(text: string): Fingerprint {
  const words = tokenize(contentText(text)).words;
  const hashes = Uint32Array.from(words, (w) => fnv1a32(w));
  const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) all[i] = shingleHash(hashes, i);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i] ?? 0;
  return { shingles: all.slice(0, n), words: words.length };
}

/** Shingles two fingerprints share (both sorted and distinct). */
function shared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Containment of each side in the other: [share of the source found in the text, share of the text in the source]. */
export function containment(text: Fingerprint, source: Fingerprint): [number, number] {
  const n = shared(text.shingles, source.shingles);
  return [n / Math.max(1, source.shingles.length), n / Math.max(1, text.shingles.length)];
}

/**
 * The curated source this text is a copy of, or null. Same document: each side nearly all in the other; or the
 * source is partial and nearly all of it is in the (longer) text. Best score wins; ties go to the earlier source.
 */
export function matchSource(text: Fingerprint, sources: readonly SourceFingerprint[]): MatchedSource | null {
  if (text.shingles.length < MIN_SHINGLES) return null;
  let best: MatchedSource | null = null;
  for (const s of sources) {
    if (s.fingerprint.shingles.length < MIN_SHINGLES) continue;
    const [ofSource, ofText] = containment(text, s.fingerprint);
    const same = Math.min(ofSource, ofText) >= MATCH_THRESHOLD;
    const inside = s.partial && ofSource >= PARTIAL_THRESHOLD;
    if (!same && !inside) continue;
    const score = Math.round((same ? Math.min(ofSource, ofText) : ofSource) * 1000) / 1000;
    if (!best || score > best.score) best = { id: s.id, by: 'content', score };
  }
  return best;
}

/** A curated source as the command line knows it: its id, the sha256 of its raw file, and its fingerprint. */
export interface CuratedSourceKey extends SourceFingerprint {
  sha256: string;
}

/** The curated source a text is: the same bytes (sha256) first, else the same content; null when neither. */
export function identifySource(text: string, sha256: string | null, sources: readonly CuratedSourceKey[]): MatchedSource | null {
  const same = sha256 ? sources.find((s) => s.sha256 === sha256) : undefined;
  if (same) return { id: same.id, by: 'sha256', score: 1 };
  return matchSource(contentFingerprint(text), sources);
}

/**
 * The curated source this text is the same document as, each side nearly all in the other (a longer text that
 * merely contains a curated opening is not the same copy: it may be the full text that replaces it). For npm run add.
 */
export function sameDocument(text: string, sources: readonly SourceFingerprint[]): MatchedSource | null {
  return matchSource(contentFingerprint(text), sources.map((s) => ({ ...s, partial: false })));
}
