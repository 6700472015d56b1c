/**
 * Undoes the one systematic error Tesseract's Vietnamese model makes on clean print: lower-case vowels with a horn,
 * hook or tone mark read as their capitals, whose shapes differ only in size — "dân chủ Ở cƠ sỞ", "giỮa", "Xét TỜ
 * trình" for "dân chủ ở cơ sở", "giữa", "Xét Tờ trình". A marked capital vowel is made lower case where Vietnamese
 * spelling cannot have it: after a lower-case letter in the same word; as a one-letter word after a lower-case word;
 * or in a capitalised word that sits between ordinary lower-case words. Abbreviations (HĐND, NĐ-CP, QĐ-TTg) never
 * carry a marked vowel, and headings in capitals have capitals around them, so both are left alone. Text → text.
 */

/** Capital vowels that carry a Vietnamese mark (circumflex, breve, horn, or a tone), in NFC. */
const MARKED = 'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ';
const M = `[${MARKED}]`;
const lower = (s: string) => s.toLocaleLowerCase('vi');

export function fixOcrCase(text: string): string {
  return text
    .normalize('NFC')
    // A marked capital right after a lower-case letter: "cƠ", "sỞ", "giỮa".
    .replace(new RegExp(`(?<=\\p{Ll})${M}+`, 'gu'), lower)
    // A one-letter marked capital after a lower-case word (no sentence end between): "chủ Ở cơ".
    .replace(new RegExp(`(?<=\\p{Ll},?[ \\n])${M}(?=[ \\n]\\p{Ll})`, 'gu'), lower)
    // A capitalised word whose marked letters are capitals, followed by a lower-case word: "TỜ trình" → "Tờ trình",
    // unless the word before is in capitals too (a heading such as "KỲ HỌP THỨ" stays as printed).
    .replace(new RegExp(`(^|[\\s(“"])(\\p{Lu})(${M}+)(\\p{Ll}*)(?= \\p{Ll})`, 'gmu'), (all: string, pre: string, first: string, marked: string, rest: string, at: number, str: string) => {
      const before = str.slice(Math.max(0, at - 40), at + pre.length).trim().split(/\s+/).pop() ?? '';
      if (before !== '' && /\p{Lu}/u.test(before) && before === before.toLocaleUpperCase('vi')) return all;
      return `${pre}${first}${lower(marked)}${rest}`;
    });
}
