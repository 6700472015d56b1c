/**
 * The published CSV layout of every table, derived from schema.ts: rows of a declared table → CSV text, and CSV
 * text → typed rows again, so that parseCsv(t, toCsv(t, rows)) deep-equals rows. The text starts with a UTF-8 BOM
 * (so Excel shows Vietnamese), has the declared columns in declared order, ends every record (the last included)
 * with CRLF as RFC 4180 asks (Excel, pandas, R and DuckDB read CRLF and LF alike), and quotes a cell only when it
 * holds a quote, comma, CR or LF. Cells: null → empty; booleans true/false; numbers in JavaScript's shortest
 * round-trip form with no locale grouping; dates as ISO YYYY-MM-DD; string lists joined with ';'. Parsing never
 * guesses types (papaparse with dynamicTyping off): each cell is converted by its declared type, and anything that
 * does not fit is reported with its row and column. Also the row order every published file uses: by primary key.
 */
import Papa from 'papaparse';
import { tableOf, type FieldDecl, type RowOf, type TableDecl, type TableName } from './schema.ts';
import { validateRows } from './validate.ts';
import { CSV_BOM, CSV_NEWLINE, quoteCsv } from './csv-text.ts';

/** Separator of the items of a 'string[]' cell. */
export const LIST_SEPARATOR = ';';

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MAX_LISTED = 20;

/** The declared column names of a table, in published order. */
export function columnsOf(tableName: TableName): string[] {
  return tableOf(tableName).fields.map((f) => f.name);
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, and so does one that starts with an apostrophe, so that the mark can always be taken off
 * again (parseCsv and the Parquet conversion do): the CSV files only; Parquet and JSON keep the value as it is.
 */
export const FORMULA_START = /^[=+\-@\t\r']/;
export const neutraliseFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
/** The inverse of neutraliseFormula. */
export const restoreFormula = (s: string): string => (s.startsWith("'") ? s.slice(1) : s);

/** A cell's text before CSV quoting (also the form examples take in the data dictionary). */
export function formatCell(field: FieldDecl, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'string[]') return neutraliseFormula((value as readonly string[]).join(LIST_SEPARATOR));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return field.type === 'string' ? neutraliseFormula(String(value)) : String(value);
}

/** A cell's text → the declared type's value, or a message tail saying why it does not fit. */
function parseCell(field: FieldDecl, text: string): { value: unknown } | { problem: string } {
  if (field.type === 'string[]') return { value: text === '' ? [] : restoreFormula(text).split(LIST_SEPARATOR) };
  if (text === '') return { value: null };
  switch (field.type) {
    case 'integer':
      return INTEGER_TEXT.test(text) ? { value: Number(text) } : { problem: `must be an integer, found '${text}'` };
    case 'number':
      return NUMBER_TEXT.test(text) ? { value: Number(text) } : { problem: `must be a number like 12.5, found '${text}'` };
    case 'boolean':
      if (text === 'true') return { value: true };
      if (text === 'false') return { value: false };
      return { problem: `must be true or false, found '${text}'` };
    case 'string':
      return { value: restoreFormula(text) };
    default:
      return { value: text };
  }
}

function refuse(what: string, problems: string[], hint: string): Error {
  const listed = problems.slice(0, MAX_LISTED).map((p) => `  - ${p}`);
  if (problems.length > MAX_LISTED) listed.push(`  … and ${problems.length - MAX_LISTED} more`);
  return new Error(`${what}: ${problems.length} problem(s)\n${listed.join('\n')}\nhint: ${hint}`);
}

/**
 * Rows → CSV text (BOM, header, CRLF). Throws, listing the problems, when the rows do not fit the declaration;
 * `validated: true` skips that check, for a caller that has just run validateRows on these very rows.
 */
export function toCsv<N extends TableName>(tableName: N, rows: readonly RowOf<N>[], opts: { validated?: boolean } = {}): string {
  return [...csvChunks(tableName, rows, opts)].join('');
}

/** The BOM and header line every CSV file of the table starts with. */
export function csvHeader(tableName: TableName): string {
  return CSV_BOM + tableOf(tableName).fields.map((f) => f.name).join(',') + CSV_NEWLINE;
}

/**
 * toCsv's text in pieces of about `rowsPerChunk` rows (their concatenation is toCsv's text), so a table larger than
 * the longest string an engine allows (about 512 million characters in V8) can still be written, piece by piece.
 * `header: false` leaves out the BOM and header line: for rows rendered in parts, to follow csvHeader.
 */
export function* csvChunks<N extends TableName>(tableName: N, rows: readonly RowOf<N>[], opts: { validated?: boolean; rowsPerChunk?: number; header?: boolean } = {}): Generator<string> {
  const t = tableOf(tableName);
  const problems = opts.validated ? [] : validateRows(tableName, rows);
  if (problems.length) throw refuse(`cannot write ${tableName} as CSV`, problems, 'fix the rows; validateRows lists the same problems');
  const per = Math.max(1, opts.rowsPerChunk ?? 20_000);
  let lines = opts.header === false ? [] : [csvHeader(tableName)];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    lines.push(t.fields.map((f) => quoteCsv(formatCell(f, r[f.name]))).join(',') + CSV_NEWLINE);
    if (lines.length >= per) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

/**
 * CSV text (with or without BOM, CRLF or LF) → typed rows of the declared table. Throws, listing row and column of
 * every problem, when the header differs from the declared columns or a cell does not fit its declared type.
 */
export function parseCsv<N extends TableName>(tableName: N, text: string): RowOf<N>[] {
  const t = tableOf(tableName);
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const firstLf = body.indexOf('\n');
  const newline = firstLf > 0 && body[firstLf - 1] === '\r' ? '\r\n' : '\n';
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    newline,
  });
  const records = parsed.data;
  const last = records[records.length - 1];
  if (last && last.length === 1 && last[0] === '') records.pop();
  const problems = parsed.errors.map((e) => `${tableName} CSV record ${(e.row ?? 0) + 1}: ${e.message} (${e.code})`);
  const header = records.shift() ?? [];
  const declared = t.fields.map((f) => f.name);
  if (header.join(',') !== declared.join(','))
    problems.push(`${tableName} CSV header must be ${declared.join(',')}, found ${header.join(',') || 'nothing'}`);
  if (problems.length) throw refuse(`cannot read ${tableName} CSV`, problems, 'was the file written by toCsv for this table?');
  const rows = records.map((cells, i) => rowFromCells(t, cells, i + 1, problems));
  if (problems.length) throw refuse(`cannot read ${tableName} CSV`, problems, 'cells must be in the published form');
  const invalid = validateRows(tableName, rows);
  if (invalid.length) throw refuse(`${tableName} CSV does not fit the declaration`, invalid, 'fix the data that produced this file');
  return rows as RowOf<N>[];
}

function rowFromCells(t: TableDecl, cells: readonly string[], n: number, problems: string[]): Record<string, unknown> {
  if (cells.length !== t.fields.length)
    problems.push(`${t.name} row ${n}: expected ${t.fields.length} cells, found ${cells.length}`);
  const row: Record<string, unknown> = {};
  t.fields.forEach((f, j) => {
    const got = parseCell(f, cells[j] ?? '');
    if ('problem' in got) problems.push(`${t.name} row ${n}: ${f.name} ${got.problem}`);
    else row[f.name] = got.value;
  });
  return row;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Code-unit order, not Intl.Collator: the order of published files must not depend on the ICU build.
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A copy of the rows ordered by the table's primary key (the order of every published file). */
export function sortRows<N extends TableName>(tableName: N, rows: readonly RowOf<N>[]): RowOf<N>[] {
  const key = tableOf(tableName).primaryKey;
  const order = (x: RowOf<N>, y: RowOf<N>) => {
    const rx = x as Record<string, unknown>;
    const ry = y as Record<string, unknown>;
    for (const k of key) {
      const c = compareValues(rx[k], ry[k]);
      if (c !== 0) return c;
    }
    return 0;
  };
  // Rows often arrive in order already: one pass to check is cheaper than a sort.
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = order(rows[i - 1] as RowOf<N>, rows[i] as RowOf<N>) <= 0;
  return sorted ? [...rows] : [...rows].sort(order);
}
