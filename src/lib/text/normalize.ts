/**
 * Vietnamese text primitives shared by every other module: normalisation at the boundary (NFC, no BOM, LF line
 * ends), the search fold (no marks, đ→d, lower case) kept beside the display text, Vietnamese dates and number
 * words. Pure functions; none of them throws on any string.
 */

/** NFC, without a leading BOM, with CRLF and lone CR turned into LF. Idempotent. */
export function normalizeText(input: string): string {
  let s = input.startsWith('\uFEFF') ? input.slice(1) : input;
  s = s.replace(/\r\n?/g, '\n');
  return s.normalize('NFC');
}

/** Search key: NFD, marks stripped, đ→d, lower case, white space folded. Never shown to readers. */
export function foldVi(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** ASCII slug for ids and URLs: "Lạng Sơn" → "lang-son". */
export function slugVi(input: string): string {
  return foldVi(input)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Collapse runs of white space (including line breaks and NBSP) to one space and trim. */
export function squash(input: string): string {
  return input.replace(/[\s\u00a0]+/g, ' ').trim();
}

export const collatorVi = new Intl.Collator('vi');

export interface DateResult {
  /** ISO civil date (YYYY-MM-DD), or null where the text gives none that is valid. */
  iso: string | null;
  /** Why iso is null, or a note on what was read. */
  diagnostic: string | null;
}

/** A civil date as an ISO string, checking the day exists (no Date objects, no time zones). */
export function isoDate(year: number, month: number, day: number): DateResult {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    return { iso: null, diagnostic: 'not a whole number' };
  }
  if (year < 1945 || year > 2100) return { iso: null, diagnostic: `year ${year} out of range` };
  if (month < 1 || month > 12) return { iso: null, diagnostic: `month ${month} out of range` };
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day < 1 || day > days) return { iso: null, diagnostic: `day ${day} does not exist in ${month}/${year}` };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, diagnostic: null };
}

const LONG_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const SHORT_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u;

/**
 * The first date in a Vietnamese text: "ngày 15 tháng 7 năm 2024" or "15/7/2024" (also with dots or hyphens).
 * Tolerates line breaks and extra spaces between the parts. Returns a diagnostic instead of throwing.
 */
export function parseViDate(input: string): DateResult & { match: string | null } {
  const text = squash(input);
  const long = LONG_DATE.exec(text);
  const short = SHORT_DATE.exec(text);
  const m = long && (!short || long.index <= short.index) ? long : short;
  if (!m) return { iso: null, diagnostic: 'no date found', match: null };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { ...isoDate(year, month, day), match: m[0] };
}

/** Every date in a text, in order of appearance, with its position in the squashed text. */
export function findViDates(input: string): { iso: string; match: string }[] {
  const text = squash(input);
  const out: { iso: string; match: string; index: number }[] = [];
  for (const re of [new RegExp(LONG_DATE.source, 'giu'), new RegExp(SHORT_DATE.source, 'gu')]) {
    for (const m of text.matchAll(re)) {
      const r = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
      if (r.iso) out.push({ iso: r.iso, match: m[0], index: m.index ?? 0 });
    }
  }
  return out.sort((a, b) => a.index - b.index).map(({ iso, match }) => ({ iso, match }));
}

const UNITS: Record<string, number> = {
  'mot': 1, 'hai': 2, 'ba': 3, 'bon': 4, 'tu': 4, 'nam': 5, 'lam': 5, 'sau': 6, 'bay': 7, 'tam': 8,
  'chin': 9,
};

/**
 * Vietnamese ordinals and cardinals up to 99, in words or digits: "hai mươi bảy" → 27, "mười chín" → 19,
 * "thứ năm" → 5, "thứ 13" → 13, "nhất" → 1. Null where the words are not a number.
 */
export function parseViNumber(input: string): number | null {
  const words = foldVi(input).replace(/^thu\s+/, '').split(/[\s-]+/).filter(Boolean);
  if (words.length === 0) return null;
  if (words.length === 1 && /^\d{1,4}$/.test(words[0] ?? '')) return Number(words[0]);
  if (words.length === 1 && words[0] === 'nhat') return 1;
  let tens = 0;
  let units = 0;
  let i = 0;
  const unit = (w: string | undefined) => (w === undefined ? undefined : UNITS[w]);
  if (words[i] === 'muoi') {
    tens = 1;
    i++;
  } else if (unit(words[i]) !== undefined && (words[i + 1] === 'muoi' || words[i + 1] === 'chuc')) {
    tens = unit(words[i]) ?? 0;
    i += 2;
  }
  if (i < words.length) {
    const w = words[i];
    if (w === 'linh' || w === 'le') i++;
    const u = unit(words[i]);
    if (u === undefined) return null;
    // "mốt" (1) and "lăm" (5) only follow tens; "tư" (4) too, but "thứ tư" (4th) is common and harmless.
    units = u;
    i++;
  }
  if (i !== words.length) return null;
  const n = tens * 10 + units;
  return n > 0 ? n : null;
}

/** Roman numerals of council terms (khóa): "XVII" → 17. Null for anything else. */
export function parseRoman(input: string): number | null {
  const s = input.trim().toUpperCase();
  if (!/^[IVXLC]+$/.test(s)) return null;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i] ?? ''] ?? 0;
    const next = v[s[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

// String.prototype.normalize per character dominated the site build's compare records (10× slower than a lookup);
// then a Map lookup per character was a twentieth of analysis: 1 + the folded unit of each UTF-16 unit, 0 unknown.
const FOLDED = new Uint32Array(0x10000);
let foldScratch = new Uint16Array(1024);

/**
 * Length-preserving fold of NFC text: each UTF-16 unit maps to one unit (its base letter, lower case, đ→d), so an
 * index found in the folded string slices the same words from the original.
 */
export function foldChars(input: string): string {
  const n = input.length;
  if (foldScratch.length < n) foldScratch = new Uint16Array(Math.max(n, 2 * foldScratch.length));
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    let f = FOLDED[c] ?? 0;
    // Surrogates stay as they are: an astral character (two units) or a lone one has no fold.
    if (f === 0) FOLDED[c] = f = 1 + (c >= 0xd800 && c <= 0xdfff ? c : foldChar(String.fromCharCode(c)).charCodeAt(0));
    foldScratch[i] = f - 1;
  }
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, foldScratch.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

function foldChar(ch: string): string {
  if (ch.length !== 1) return ch;
  const base = ch.normalize('NFD')[0] ?? ch;
  const lower = base.toLowerCase();
  return lower === 'đ' ? 'd' : lower.length === 1 ? lower : ch;
}

/** "LẠNG SƠN" → "Lạng Sơn": lower case, then each word's first letter upper case. */
export function titleCaseVi(input: string): string {
  return squash(input)
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s(-])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toLocaleUpperCase('vi'));
}
