/**
 * Words for text-reuse detection: a text (any normal form) → its NFC form and the folded words in it (no marks,
 * đ→d, lower case) with their offsets, so a match found on folded words is printed as written. One pass over the
 * text with per-character tables and a small word cache: at ten thousand resolutions (350,000 provisions) NFD per
 * letter and \p{…} tests per character were most of the cost of shingling. Pure.
 */
import { foldChars } from './normalize.ts';

export interface Tokens {
  /** The analysed text in NFC: offsets below point into it, so NFC and NFD input print the same passages. */
  text: string;
  /** Folded words (no marks, đ→d, lower case), the unit of comparison. */
  words: string[];
  starts: number[];
  ends: number[];
}

// Per UTF-16 unit of NFC text: its fold (foldChars keeps one unit per unit) and the class of that fold, 0 = not yet
// known, 1 = letter or digit, 2 = combining mark, 3 = anything else. A corpus has a few hundred distinct units, and
// foldChars (NFD per letter) and \p{…} tests per character are slow enough to matter at that scale.
const FOLD = new Uint16Array(65536);
const CLASS = new Uint8Array(65536);
/** Folded word of a printed word, remembered: a corpus has a small vocabulary; cleared when it grows past a bound. */
const WORDS = new Map<string, string>();
const MAX_WORDS = 200_000;

function learnUnit(c: number): void {
  const f = foldChars(String.fromCharCode(c));
  FOLD[c] = f.charCodeAt(0);
  CLASS[c] = /[\p{L}\p{N}]/u.test(f) ? 1 : /\p{M}/u.test(f) ? 2 : 3;
}

function foldUnit(c: number): number {
  if (CLASS[c] === 0) learnUnit(c);
  return FOLD[c] ?? c;
}

function foldedWord(raw: string): string {
  let w = WORDS.get(raw);
  if (w === undefined) {
    const codes: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      // Marks NFC could not compose onto their letter (odd OCR output) must not split or change a word.
      if (CLASS[c] !== 2) codes.push(foldUnit(c));
    }
    // One flat string (not a chain of concatenations), so reading it code by code later stays cheap; spread in
    // slices, because a 130,000-letter word spread at once overflows the call stack.
    w = '';
    for (let k = 0; k < codes.length; k += 8192) w += String.fromCharCode(...codes.slice(k, k + 8192));
    if (WORDS.size >= MAX_WORDS) WORDS.clear();
    WORDS.set(raw, w);
  }
  return w;
}

/** The reference definition of tokenize, kept for text with astral characters (surrogate pairs), which tables skip. */
function tokenizeByRegex(text: string): Tokens {
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)) {
    words.push(m[0].replace(/\p{M}/gu, ''));
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { text, words, starts, ends };
}

/**
 * Words of a text: runs of letters and digits (then marks) in its fold; punctuation and spacing never break or make
 * a match. One pass over the text with per-unit tables; the same words and offsets as the regex definition.
 */
export function tokenize(input: string): Tokens {
  const text = input.normalize('NFC');
  if (/[\uD800-\uDFFF]/.test(text)) return tokenizeByRegex(text);
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    foldUnit(c);
    if (CLASS[c] !== 1) {
      i++;
      continue;
    }
    const s = i++;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      foldUnit(d);
      if (CLASS[d] === 3) break;
    }
    words.push(foldedWord(text.slice(s, i)));
    starts.push(s);
    ends.push(i);
  }
  return { text, words, starts, ends };
}

