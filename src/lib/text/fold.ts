/**
 * The search fold (no marks, đ→d, lower case, white space squashed: the same string as text.ts's foldVi) made
 * with a map back to the source, so that every match in the fold can be shown as printed. Through a table per
 * UTF-16 unit, learnt on first sight; texts with astral characters or folds longer than one unit take a general
 * path. Recent folds are remembered: the classifier and the extractors cut a provision the same way and fold the
 * same pieces. Pure; a FoldedText is shared and must be treated as read-only.
 */
/** A text with its fold; starts[i]/ends[i] give the original span behind folded character i. */
export interface FoldedText {
  readonly source: string;
  readonly folded: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const FOLD = new Map<string, string>();
/** One code point's fold, memoised: the corpus uses a few hundred distinct characters. */
function foldChar(ch: string): string {
  let f = FOLD.get(ch);
  if (f === undefined) {
    f = /\s/.test(ch) ? ' ' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    FOLD.set(ch, f);
  }
  return f;
}

// What each UTF-16 unit of the BMP folds to, learnt on first sight from foldChar: UNKNOWN, SPACE, DROP (a mark that
// folds away), COMPLEX (a surrogate, or a fold longer than one unit: the whole text takes the general path), or
// UNIT + the folded unit. Folding was a Map lookup of a one-character string per character, a fifth of analysis.
const UNKNOWN = 0;
const SPACE = 1;
const DROP = 2;
const COMPLEX = 3;
const UNIT = 4;
const KIND = new Uint32Array(0x10000);
// Scratch for the folded units of one call, grown as needed (the string is made from it before returning).
let units = new Uint16Array(1024);

function kindOf(code: number): number {
  let k = KIND[code] ?? COMPLEX;
  if (k !== UNKNOWN) return k;
  if (code >= 0xd800 && code <= 0xdfff) k = COMPLEX;
  else {
    const f = foldChar(String.fromCharCode(code));
    k = f === ' ' ? SPACE : f === '' ? DROP : f.length === 1 ? UNIT + f.charCodeAt(0) : COMPLEX;
  }
  KIND[code] = k;
  return k;
}

/** foldWithMap's work, through the table; without `map`, starts and ends are left empty (for the fold alone). */
function foldByTable(source: string, map = true): FoldedText {
  const n = source.length;
  if (units.length < n) units = new Uint16Array(Math.max(n, 2 * units.length));
  const out = units;
  // Plain arrays made at their final size are far cheaper to create than typed arrays for short texts.
  const starts = map ? new Array<number>(n) : [];
  const ends = map ? new Array<number>(n) : [];
  let len = 0;
  let space = true;
  for (let i = 0; i < n; i++) {
    const k = kindOf(source.charCodeAt(i));
    if (k >= UNIT) {
      out[len] = k - UNIT;
      if (map) {
        starts[len] = i;
        ends[len] = i + 1;
      }
      len++;
      space = false;
    } else if (k === SPACE) {
      if (!space) {
        space = true;
        out[len] = 32;
        if (map) {
          starts[len] = i;
          ends[len] = i + 1;
        }
        len++;
      }
    } else if (k === DROP) {
      if (map && !space && len > 0) ends[len - 1] = i + 1;
    } else return foldWithMapByCodePoint(source);
  }
  if (len > 0 && out[len - 1] === 32) len--;
  if (map) {
    starts.length = len;
    ends.length = len;
  }
  let folded = '';
  for (let i = 0; i < len; i += 4096) folded += String.fromCharCode.apply(null, out.subarray(i, Math.min(len, i + 4096)) as unknown as number[]);
  return { source, folded, starts, ends };
}

/** foldWithMap for texts with a character outside the fast table (astral, or folding to several units). */
function foldWithMapByCodePoint(source: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let space = true;
  for (let i = 0; i < source.length; ) {
    const cp = source.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldChar(source.slice(i, i + len));
    if (f === ' ') {
      if (!space) {
        space = true;
        folded += ' ';
        starts.push(i);
        ends.push(i + len);
      }
    } else if (f === '') {
      if (!space && ends.length) ends[ends.length - 1] = i + len;
    } else {
      for (let k = 0; k < f.length; k++) {
        starts.push(i);
        ends.push(i + len);
      }
      folded += f;
      space = false;
    }
    i += len;
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    starts.pop();
    ends.pop();
  }
  return { source, folded, starts, ends };
}

// The last few thousand folds, by source text (cleared when full: bounded memory on any input).
const RECENT = new Map<string, FoldedText>();
const RECENT_MAX = 4096;

/**
 * The same string as foldVi(source), built one code point at a time so that each folded character remembers where
 * it came from; a combining mark that folds away (NFD input) widens the span of the letter it sits on.
 */
export function foldWithMap(source: string): FoldedText {
  const hit = RECENT.get(source);
  if (hit) return hit;
  const ft = foldByTable(source);
  if (RECENT.size >= RECENT_MAX) RECENT.clear();
  RECENT.set(source, ft);
  return ft;
}

/** foldVi's string (a whole document, say) through the table, with no map and nothing remembered. */
export function foldText(source: string): string {
  return foldByTable(source, false).folded;
}
