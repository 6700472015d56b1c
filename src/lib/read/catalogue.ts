/**
 * A publisher's catalogue block: the attribute rows a legal portal prints beside a document ("| Số hiệu | 47/NQ-HĐND |",
 * "Ngày ban hành: 18/04/2025"). The keys are declared here once: portal-html.ts writes the block from a saved page,
 * and the parser (parse/header.ts) reads it back as facts kept apart from what the document itself says.
 */
import { findViDates, squash } from '../text/normalize.ts';

export const CATALOGUE_KEYS = ['Số hiệu', 'Ngày ban hành', 'Ngày có hiệu lực', 'Loại văn bản', 'Cơ quan ban hành', 'Người ký', 'Lĩnh vực'];

/** Bullets, table bars and white space a portal prints around a row ("| Key | value |", "• Key: value", "Key\tvalue"). */
const LEAD = /^[\s|•·●◦▪*+\-–]+/u;
const TRAIL = /[\s|]+$/u;

/**
 * One catalogue row in any decoration: a leading "|" or none, a bullet, tabs; the key, then "|", ":" or a tab, then
 * the value. Null for any other line (a key must be followed by its separator, so body text never reads as a row).
 */
export function catalogueRow(line: string): [string, string] | null {
  const s = line.normalize('NFC').replace(LEAD, '').replace(TRAIL, '');
  for (const key of CATALOGUE_KEYS) {
    if (!s.startsWith(key)) continue;
    const m = /^[ \t]*(?:\||:|\t)\s*(\S.*)$/u.exec(s.slice(key.length));
    if (m) return [key, squash(m[1] ?? '')];
  }
  return null;
}

/** Key → value pairs of a publisher's catalogue block (its rows, in any decoration). */
export function readCatalogue(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines) {
    const row = catalogueRow(line);
    if (row) out.set(row[0], row[1]);
  }
  return out;
}

/** ISO date of a catalogue value ("28/10/2025"). */
export function catalogueDate(value: string | undefined): string | null {
  return value ? (findViDates(value)[0]?.iso ?? null) : null;
}
