/**
 * A publisher's catalogue block: the attribute rows a legal portal prints beside a document ("| Số hiệu | 47/NQ-HĐND |",
 * "Ngày ban hành: 18/04/2025"). The keys are declared here once: portal-html.ts writes the block from a saved page,
 * and the parser (parse/header.ts) reads it back as facts kept apart from what the document itself says.
 */
import { findViDates, squash } from '../text/normalize.ts';

/** Key → value pairs of a publisher's catalogue block (table rows or "Key: value" lines). */
export function readCatalogue(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines) {
    const cells = line.includes('|') ? line.split('|').map((c) => squash(c)).filter(Boolean) : line.split(/:\s+/, 2).map(squash);
    if (cells.length === 2 && CATALOGUE_KEYS.includes(cells[0] ?? '')) out.set(cells[0] ?? '', cells[1] ?? '');
  }
  return out;
}

export const CATALOGUE_KEYS = ['Số hiệu', 'Ngày ban hành', 'Ngày có hiệu lực', 'Loại văn bản', 'Cơ quan ban hành', 'Người ký', 'Lĩnh vực'];

/** ISO date of a catalogue value ("28/10/2025"). */
export function catalogueDate(value: string | undefined): string | null {
  return value ? (findViDates(value)[0]?.iso ?? null) : null;
}
