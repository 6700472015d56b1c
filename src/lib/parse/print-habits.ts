/**
 * Printing habits of real copies that the parser reads through (the reading form only: the text and its offsets
 * stay as printed). readingForm(paragraph): a date printed without its spaces ("ngày 19 tháng 02năm 2025"), a
 * document number with a stray space ("10/2022/ QH15", "số 4 7/NQ-HĐND"), and "Ü" read by OCR for "Ủ" ("Üy ban",
 * a letter Vietnamese does not have) are read as they were meant. pointLabel: a point printed "d)" right after a
 * "d)" of the same list is "đ)" (Vietnamese lists run a, b, c, d, đ, e; a typewriter or an OCR pass without "đ"
 * prints "d" twice). splitArticleHeading: "Điều 4." on its own line with its heading on the next. Each rule fires
 * only on the habit: a text without it reads exactly as before. Pure.
 */

/** Digits glued to the date words, and a stray space inside a document number. */
export function readingForm(paragraph: string): string {
  if (!/\d/.test(paragraph) && !paragraph.includes('Ü')) return paragraph;
  return paragraph
    // "02năm 2025", "tháng02", "ngày19": Vietnamese dates always space their words from their numbers.
    .replace(/(\d)(tháng|năm)(?=\s|\d|$)/gu, '$1 $2')
    .replace(/(?<![\p{L}])(ngày|tháng|năm)(\d)/gu, '$1 $2')
    // "10/2022/ QH15", "10 /2022/QH15", "59/2023/NĐ- CP": a number is never spaced inside.
    .replace(/(\d{1,4}\s*\/\s*\d{4}\s*\/)\s+(?=[\p{Lu}])/gu, (m) => m.replace(/\s+/g, ''))
    .replace(/(\d{1,4})\s+\/(?=\s*\d{4}\s*\/)/gu, '$1/')
    .replace(/(\/\s*\d{4}\s*\/[\p{Lu}Đ]+)\s*-\s+(?=[\p{Lu}])/gu, '$1-')
    // "số 4 7/NQ-HĐND": two digit groups before the slash of a document number, after "số".
    .replace(/((?:Số|số)\s*:?\s*)(\d{1,3})\s(\d{1,3})(?=\s*\/\s*(?:\d{4}\s*\/\s*)?[\p{Lu}])/gu, '$1$2$3')
    // "Üy ban", "ÜY BAN": Ü is no Vietnamese letter; before "y" it is always "Ủ".
    .replace(/(?<![\p{L}])Ü(?=[yY](?![\p{L}]))/gu, 'Ủ');
}

/** The point's label as meant: "d" printed again right after "d" in the same list is "đ". */
export function pointLabel(printed: string, previousInList: string | null): string {
  return printed === 'd' && previousInList === 'd' ? 'đ' : printed;
}

/**
 * An article printed "Điều 4." with nothing after it, then its heading as the next paragraph: that paragraph is what
 * "Điều 4. …" on one line would have carried (the same reading either way), unless it starts another element.
 */
export function splitArticleHeading(articleRest: string, next: string | undefined): boolean {
  if (articleRest !== '' || next === undefined) return false;
  return !/^(?:\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[-–•+]\s|Điều\s)/u.test(next) && /^[\p{Lu}]/u.test(next);
}
