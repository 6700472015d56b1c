/**
 * The CSV conventions of every file the project publishes, declared once: UTF-8 with a BOM (so spreadsheet programs
 * read Vietnamese right), CRLF after every record, RFC 4180 quotes only where a cell holds a comma, a quote or a line
 * break, null as an empty cell. csv.ts writes the tables with them; chartCsv writes the small "data as shown" CSV
 * of a chart and of a search's hits. No imports, so the search page can use it without the table schema.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

/** One cell's text as written in a CSV file. */
export function quoteCsv(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A header and rows as CSV text: BOM, CRLF after every record, null and undefined as an empty cell. */
export function chartCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const cell = (v: CsvValue) => quoteCsv(v === null || v === undefined ? '' : String(v));
  return CSV_BOM + [header, ...rows].map((r) => r.map(cell).join(',') + CSV_NEWLINE).join('');
}
