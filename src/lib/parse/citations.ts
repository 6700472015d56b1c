/**
 * Legal bases of a resolution: one "Căn cứ …" paragraph → the documents it cites (a paragraph can cite several:
 * "…ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung … ngày 22 tháng 11 năm 2019"), each with kind, number, date,
 * issuer and title as printed. Documents named inside another's title ("sửa đổi … của Nghị định số 34/2016/NĐ-CP")
 * are not citations. Also reads the submission ("Xét Tờ trình số …").
 */
import { findViDates, foldChars, squash } from '../text/normalize.ts';

export type DocKind = 'luat' | 'nghi-dinh' | 'quyet-dinh' | 'nghi-quyet' | 'thong-tu' | 'phap-lenh' | 'hien-phap' | 'other';

export interface Citation {
  kind: DocKind;
  /** Official number as printed, spaces removed ("59/2023/NĐ-CP"), or null (laws are often cited by name). */
  number: string | null;
  /** ISO date of the document as printed, or null. */
  date: string | null;
  /** The document's title words as printed ("Tổ chức chính quyền địa phương"), or null when none is printed. */
  title: string | null;
  /** Issuer as printed ("Chính phủ", "Thủ tướng Chính phủ"), or null. */
  issuer: string | null;
  /** True when the document is cited as amending the one before it ("được sửa đổi, bổ sung bởi Luật số …"). */
  amending: boolean;
  /** The citation as printed (reading form). */
  text: string;
}

const KIND_WORDS: [string, DocKind][] = [
  ['nghi dinh', 'nghi-dinh'],
  ['nghi quyet', 'nghi-quyet'],
  ['quyet dinh', 'quyet-dinh'],
  ['thong tu', 'thong-tu'],
  ['phap lenh', 'phap-lenh'],
  ['hien phap', 'hien-phap'],
  ['luat', 'luat'],
];

const KIND_RE = /(nghi dinh|nghi quyet|quyet dinh|thong tu|phap lenh|hien phap|luat)\b/g;
const BARE_NUMBER_RE = /^(?:Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư(?:\s+liên tịch)?)\s+(\d+\s*\/\s*\d{4}\s*\/\s*[\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)/u;
const NUMBER_RE = /(?:số|so)\s*:?\s*(\d+\s*\/\s*(?:\d{4}\s*\/\s*)?[\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)/u;

/** Normalise a document number as printed: no spaces ("99 /NQ-HĐND" → "99/NQ-HĐND"). */
export function compactNumber(s: string): string {
  return s.replace(/\s+/g, '');
}

function kindOf(folded: string): DocKind {
  for (const [word, kind] of KIND_WORDS) if (folded.startsWith(word)) return kind;
  return 'other';
}

/**
 * Whether a kind word continues the title of an amending document: "Luật sửa đổi, bổ sung một số điều của Luật A,
 * Luật B, Luật C và Luật D số 97/2025/QH15" is one document (its number is the amending law's), so "Luật B" … "Luật
 * D" after "… của Luật A" start nothing until the amending title's number or date has been printed. (2025 bases cite
 * such laws, e.g. "Luật Sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, … ngày 29 tháng 11 năm 2024"
 * in Nghị quyết 18/2025/NQ-HĐND of Thanh Hóa.)
 */
function insideAmendingTitle(foldedBefore: string): boolean {
  const segment = foldedBefore.slice(foldedBefore.lastIndexOf(';') + 1);
  const at = segment.search(/\bsua doi,? bo sung (?:mot so dieu )?cua (?:nghi dinh|nghi quyet|quyet dinh|thong tu|phap lenh|luat)\b/);
  return at !== -1 && !/\b(?:so|ngay)\s*:?\s*\d/.test(segment.slice(at));
}

/** Offsets in `text` where a cited document starts. */
function citationStarts(text: string): number[] {
  const f = foldChars(text);
  const starts: number[] = [];
  for (const m of f.matchAll(KIND_RE)) {
    const i = m.index ?? 0;
    const before = f.slice(0, i).trimEnd();
    const after = f.slice(i + m[0].length);
    const atSegmentStart = before === '' || /[;]$/.test(before) || /^(?:can cu|va|bo sung boi|sua doi, bo sung boi)$/.test(before);
    // "… của Luật X và Luật Y ngày …" is one title; "… và Nghị định số 59/2024/…" starts another citation.
    const joinedWithNumber = /(?:\bva|\bboi|,)$/.test(before) && /^\s+(?:so\b|[^;]{0,80}?\bso\s+\d)/.test(after) && !/\bcua$/.test(before);
    const startsWithKind = i === 0 || atSegmentStart;
    if (startsWithKind || joinedWithNumber) {
      // A kind word right after "của" or "theo" names a document inside a title.
      if (/\b(?:cua|theo|tai|thi hanh|trien khai)$/.test(before)) continue;
      if (!startsWithKind && insideAmendingTitle(before)) continue;
      starts.push(i);
    }
  }
  return starts;
}

/** Parse one citation's text (a single document). */
function parseCitation(text: string, amending = false): Citation {
  const clean = squash(text).replace(/[;,.\s]+$/, '');
  const f = foldChars(clean);
  const kind = kindOf(f);
  // "Thông tư 29/2016/TT-…", "Nghị định 59/2023/NĐ-CP": a number right after the kind word, without "số".
  const num = NUMBER_RE.exec(clean) ?? BARE_NUMBER_RE.exec(clean);
  const dates = findViDates(clean);
  const firstNested = f.search(/\b(?:cua|tai)\s+(?:nghi dinh|nghi quyet|quyet dinh|thong tu|luat)\s+so\b/);
  const number = num && (firstNested === -1 || (num.index ?? 0) < firstNested) ? compactNumber(num[1] ?? '') : null;
  const date = dates[0]?.iso ?? null;
  const issuerMatch = /của\s+((?:Thủ tướng\s+)?Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|(?:HĐND|Hội đồng nhân dân|UBND|Ủy ban nhân dân)\s+(?:tỉnh|thành phố)\s+[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*)*|Bộ\s+[\p{Lu}][\p{L} ]*?)(?=\s|$|;|,)/u.exec(clean);
  const issuer = issuerMatch ? squash(issuerMatch[1] ?? '') : null;
  let title: string | null = null;
  if (kind === 'luat' || kind === 'phap-lenh' || kind === 'hien-phap') {
    const m = /^(?:Luật|Pháp lệnh|Hiến pháp)\s+(.*?)(?=\s+(?:ngày|số)\s*:?\s*\d|\s+được sửa đổi|$)/iu.exec(clean);
    const t = m?.[1]?.trim() ?? '';
    title = t === '' || /^số\s/iu.test(t) ? null : t;
  } else if (issuerMatch) {
    const rest = clean.slice((issuerMatch.index ?? 0) + issuerMatch[0].length).trim();
    title = rest === '' ? null : rest.replace(/^(?:về việc|về|quy định|ban hành)\s+/u, (m) => m);
  }
  return { kind, number, date, title, issuer, amending, text: clean };
}

/** Every document cited by one "Căn cứ …" paragraph (without the leading "Căn cứ"). */
export function parseLegalBasis(paragraph: string): Citation[] {
  const text = squash(paragraph).replace(/^Căn cứ\s*:?\s*/iu, '');
  const starts = citationStarts(text);
  if (starts.length === 0) return text.trim() === '' ? [] : [parseCitation(text)];
  const out: Citation[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] ?? 0;
    const to = starts[i + 1] ?? text.length;
    const before = foldChars(text.slice(Math.max(0, from - 40), from));
    const amending = /(?:bo sung boi|sua doi boi)\s*$/.test(before) || (/\bva\s*$/.test(before) && out[out.length - 1]?.amending === true);
    const piece = text.slice(from, to).replace(/\s*(?:;|,)?\s*(?:được\s+)?(?:sửa đổi,?\s*bổ sung\s+bởi|và)\s*$/u, '');
    out.push(parseCitation(piece, amending));
  }
  return out;
}

export interface Submission {
  number: string | null;
  date: string | null;
  /** Who submitted, as printed ("Ủy ban nhân dân tỉnh"), or null. */
  by: string | null;
  text: string;
}

/** The submission a resolution considered: "Xét Tờ trình số 123/TTr-UBND ngày … của Ủy ban nhân dân tỉnh …". */
export function parseSubmission(paragraph: string): Submission {
  const text = squash(paragraph);
  const num = /Tờ trình\s+số\s*:?\s*(\d+\s*\/\s*[\p{L}\d-]+(?:\s*-\s*[\p{L}\d]+)*)/u.exec(text);
  const by = /Tờ trình[^;]*?\bcủa\s+((?:Ủy ban nhân dân|UBND)(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu))?(?:\s+[\p{Lu}][\p{L}]*)*)/u.exec(text);
  return {
    number: num ? compactNumber(num[1] ?? '') : null,
    date: findViDates(text.split(';')[0] ?? '')[0]?.iso ?? null,
    by: by ? squash(by[1] ?? '') : null,
    text,
  };
}
