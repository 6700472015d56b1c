/**
 * Vietnamese inside English text: a string → pieces, each Vietnamese or not, so that an English page can mark the
 * Vietnamese ones lang="vi" (screen readers then speak names, titles and quotes in Vietnamese). A word is Vietnamese
 * when it holds a letter with a diacritic (â ă đ ê ô ơ ư and the tone marks: on this site's English pages such a word
 * is a Vietnamese name, title or quote). Around those words: a passage whose lower-case words are mostly Vietnamese (at
 * least three) is Vietnamese from its first such word to its last; a quotation (“…”) holding a Vietnamese word is Vietnamese whole; elsewhere,
 * Vietnamese words separated only by spaces make one piece, widened over capitalised neighbours joined by a space
 * (the unmarked syllables of a name: "Ninh Bình", "Hồ Chí Minh"). Pure.
 */

export interface LangPiece { text: string; vi: boolean }

/** Vietnamese-specific letters: the test of "Vietnamese text" (the tone-marked vowels of U+1EA0–U+1EF9, ă â đ ê ô ơ ư ĩ ũ). */
export const VI_SPECIFIC = /[ăâđêôơưĂÂĐÊÔƠƯĩũĨŨ\u1EA0-\u1EF9]/;
/** Any precomposed Latin letter with a diacritic, or a combining mark: a word marked as Vietnamese words are. */
const MARKED = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F]/;
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;

export const hasVietnamese = (s: string) => MARKED.test(s) && VI_SPECIFIC.test(s.normalize('NFC'));

/** The pieces of `text` in order (their texts join back to `text`); one piece { vi: false } when there is nothing to mark. */
export function vietnamesePieces(text: string): LangPiece[] {
  if (!MARKED.test(text)) return [{ text, vi: false }];
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const vi = words.map((w) => MARKED.test(w.text) && /\p{L}/u.test(w.text));
  if (!vi.some(Boolean)) return [{ text, vi: false }];
  // Names are capitalised, running text is not: a passage is told by its lower-case words, mostly Vietnamese.
  const lower = words.map((w, i) => [w, vi[i]] as const).filter(([w]) => /^\p{Ll}/u.test(w.text));
  const lowerVi = lower.filter(([, v]) => v).length;
  const spans: [number, number][] = [];
  if (lowerVi >= 3 && lowerVi * 2 >= lower.length) {
    // A Vietnamese passage (a quote, a title): from its first Vietnamese word to its last.
    spans.push([words[vi.indexOf(true)]!.start, words[vi.lastIndexOf(true)]!.end]);
  } else {
    const gap = (i: number) => text.slice(words[i]!.end, words[i + 1]!.start);
    // Capitalised neighbours of a capitalised Vietnamese word, joined by one space, belong to the name.
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < words.length; i++) {
        if (vi[i] || !CAPITALISED.test(words[i]!.text)) continue;
        const left = i > 0 && vi[i - 1] && gap(i - 1) === ' ' && CAPITALISED.test(words[i - 1]!.text);
        const right = i + 1 < words.length && vi[i + 1] && gap(i) === ' ' && CAPITALISED.test(words[i + 1]!.text);
        if (left || right) vi[i] = changed = true;
      }
    }
    for (let i = 0; i < words.length; i++) {
      if (!vi[i]) continue;
      let j = i;
      while (j + 1 < words.length && vi[j + 1] && /^\s+$/.test(gap(j))) j++;
      spans.push([words[i]!.start, words[j]!.end]);
      i = j;
    }
  }
  // A quotation holding a Vietnamese word is Vietnamese whole.
  for (const m of text.matchAll(/“([^“”]+)”/g)) {
    const [a, b] = [m.index + 1, m.index + 1 + m[1]!.length];
    if (spans.some(([s, e]) => s < b && e > a)) spans.push([a, b]);
  }
  // Merge overlapping spans, then cut the text.
  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  const out: LangPiece[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a), vi: false });
    out.push({ text: text.slice(a, b), vi: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), vi: false });
  return out;
}
