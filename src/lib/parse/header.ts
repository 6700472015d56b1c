/**
 * Metadata a resolution's opening states: number, council and its area, title, place and date, term and session;
 * from its closing sentence: adoption date and the rule of entry into force; from its signature: signer and title.
 * Also reads a publisher's catalogue block ("| Số hiệu | 47/NQ-HĐND |", "Ngày ban hành: 18/04/2025") as a separate,
 * weaker source. Input: reading text (already cleaned and unwrapped); output: values or null, never a guess.
 */
import { compactNumber } from './citations.ts';
import { findViDates, foldChars, parseRoman, parseViDate, parseViNumber, squash, titleCaseVi } from '../text/normalize.ts';
import { UNIT_TYPES, type Level, type UnitType } from '../reference/vocabulary.ts';


const UNIT_FOLDED = UNIT_TYPES.map((u) => foldChars(u));
/** Words that end a unit's name ("… LẠNG SƠN KHÓA XVII"), alone or as the first of a pair ("… PHÚ HỘI" is a name, "… HỘI ĐỒNG" is not). */
const NAME_STOP = new Set(['khoa', 'ky', 'nhiem', 'tren', 've', 'xet', 'cua', 'va', 'ngay', 'tai', 'so']);
const NAME_STOP_PAIRS = new Set(['hoi dong', 'cong hoa', 'doc lap', 'quy dinh', 'quyet dinh', 'nghi quyet', 'can cu', 'thong qua']);

/** Level of government of a unit type; "thành phố" is a province for centrally-run cities, else a district. */
export function levelOf(unitType: string | null, centrallyRun = false): Level | null {
  switch (unitType) {
    case 'tỉnh':
      return 'province';
    case 'thành phố':
      return centrallyRun ? 'province' : 'district';
    case 'huyện':
    case 'quận':
    case 'thị xã':
      return 'district';
    case 'xã':
    case 'phường':
    case 'thị trấn':
    case 'đặc khu':
      return 'commune';
    default:
      return null;
  }
}

export interface UnitName {
  unit_type: UnitType;
  name: string;
  /** Offset of the match in the searched text. */
  index: number;
}

/** A unit named after `prefixFolded` (e.g. "hoi dong nhan dan "): its type word and proper name, title-cased. */
export function findUnits(text: string, prefixFolded: string): UnitName[] {
  const folded = foldChars(text);
  const out: UnitName[] = [];
  let from = 0;
  for (;;) {
    const i = folded.indexOf(prefixFolded, from);
    if (i === -1) break;
    from = i + prefixFolded.length;
    const rest = folded.slice(from);
    const t = UNIT_FOLDED.findIndex((u) => rest.startsWith(`${u} `));
    if (t === -1) continue;
    const unitType = UNIT_TYPES[t] as UnitType;
    let j = from + (UNIT_FOLDED[t] ?? '').length + 1;
    const words: string[] = [];
    const re = /\p{L}+/uy;
    while (words.length < 4) {
      while (text[j] === ' ') j++;
      re.lastIndex = j;
      const m = re.exec(text);
      if (!m) break;
      const w = m[0];
      const next = /\s+(\p{L}+)/uy;
      next.lastIndex = j + w.length;
      const pair = `${foldChars(w)} ${foldChars(next.exec(text)?.[1] ?? '')}`;
      if (words.length > 0 && (NAME_STOP.has(foldChars(w)) || NAME_STOP_PAIRS.has(pair))) break;
      if (words.length > 0 && w[0] === w[0]?.toLocaleLowerCase('vi')) break;
      words.push(w);
      j += w.length;
    }
    if (words.length > 0) out.push({ unit_type: unitType, name: titleCaseVi(words.join(' ')), index: i });
  }
  return out;
}

/** Number "Số: 08/2024/NQ-HĐND" (also "Số hiệu", "Số: **99** /NQ-HĐND" once cleaned), spaces removed. */
export function findNumber(text: string): string | null {
  const m = /Số(?:\s+hiệu)?\s*:?\s*(\d+\s*\/\s*(?:\d{4}\s*\/\s*)?NQ\s*[-–]\s*HĐND)/u.exec(text);
  return m ? compactNumber(m[1] ?? '').replace('–', '-') : null;
}

/** Place and date line: "Lạng Sơn, ngày 23 tháng 7 năm 2024". */
export function findPlaceDate(text: string): { place: string; date: string } | null {
  const m = /([\p{Lu}][\p{L}]*(?:[ \t]+[\p{Lu}][\p{L}]*){0,4})[ \t]*,\s*(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u.exec(text);
  if (!m) return null;
  const d = parseViDate(m[2] ?? '');
  return d.iso ? { place: squash(m[1] ?? ''), date: d.iso } : null;
}

/** Council term (khóa, roman) and session number (kỳ họp), and whether the session is thematic (chuyên đề). */
export function findTermSession(text: string): { term: string | null; session: number | null; thematic: boolean | null } {
  const f = foldChars(text);
  const term = /\bkho[a]\s+([ivxlc]+)\b/.exec(f);
  const s = /\bky hop\s+(chuyen de\s+)?(?:thu\s+)?([a-z0-9 ]+)/.exec(f);
  let session: number | null = null;
  if (s) {
    const words = (s[2] ?? '').trim().split(/\s+/).slice(0, 4);
    for (let n = words.length; n > 0 && session === null; n--) session = parseViNumber(words.slice(0, n).join(' '));
  }
  const termText = term ? (term[1] ?? '').toUpperCase() : null;
  return {
    term: termText && parseRoman(termText) !== null ? termText : null,
    session,
    thematic: s ? Boolean(s[1]) : null,
  };
}

/** Title after "NGHỊ QUYẾT" up to the council's name, in sentence case with the area's name restored. */
export function findTitle(header: string, areaName: string | null): string | null {
  let rest: string | null = null;
  const marker = /(?:^|\s)NGHỊ QUYẾT(?=\s|$)/u.exec(header);
  if (marker) rest = header.slice(marker.index + marker[0].length);
  else {
    const f = foldChars(header);
    const i = f.search(/(?:ve|quy dinh|quyet dinh)?\s*(?:viec\s+)?(?:quyet dinh\s+)?cac bien phap bao dam thuc hien dan chu/);
    if (i >= 0) rest = header.slice(i);
  }
  if (rest === null) return null;
  const end = rest.search(/HỘI ĐỒNG NHÂN DÂN|Hội đồng nhân dân\s+\p{L}+\s+\p{L}+\s+(?:khóa|khoá)/u);
  let title = squash(end >= 0 ? rest.slice(0, end) : rest);
  if (title === '') return null;
  title = (title[0] ?? '').toLocaleUpperCase('vi') + title.slice(1);
  if (title === title.toLocaleUpperCase('vi')) {
    title = title.toLocaleLowerCase('vi');
    title = (title[0] ?? '').toLocaleUpperCase('vi') + title.slice(1);
    if (areaName) title = title.replace(new RegExp(areaName.toLocaleLowerCase('vi'), 'g'), areaName);
  }
  return title.length > 400 ? null : title;
}

export type EffectiveRule = 'date' | 'on_adoption' | 'on_signing';

/** Adoption date and entry into force from the closing sentence(s). */
export function findEffect(text: string): { adopted_on: string | null; effective_on: string | null; rule: EffectiveRule | null } {
  const s = squash(text);
  const adopted = /thông qua\s+(?:vào\s+)?(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(s);
  const adopted_on = adopted ? parseViDate(adopted[1] ?? '').iso : null;
  const eff = /có hiệu lực(?:\s+thi hành)?(?:\s+(?:kể\s+)?từ)?\s+(ngày\s+(?:ký|thông qua)|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(s);
  if (!eff) return { adopted_on, effective_on: null, rule: null };
  const what = foldChars(eff[1] ?? '');
  if (what.includes('thong qua')) return { adopted_on, effective_on: adopted_on, rule: 'on_adoption' };
  if (what.includes('ky')) return { adopted_on, effective_on: null, rule: 'on_signing' };
  return { adopted_on, effective_on: parseViDate(eff[1] ?? '').iso, rule: 'date' };
}
