/**
 * The pure parts of the SQL explorer (/explore/) and of the downloads list (/data/): the example questions and
 * their SQL, which published tables a query mentions (so the browser loads only those), a query result → the text
 * of a cell, a quick bar-chart spec when the result is one text and one numeric column, and the CSV of exactly the
 * result (UTF-8 with BOM, CRLF); the published files of each table read from datapackage.json (paths, bytes,
 * sha256) and the table manifest the browser needs to load them (Parquet path, size, declared column types).
 * No DOM, no DuckDB: src/client/duckdb.ts runs the queries and turns DuckDB's Arrow answer into a QueryResult.
 */
import Papa from 'papaparse';
import { LIST_SEPARATOR } from '../publish/csv.ts';
import { CSV_BOM, CSV_NEWLINE } from '../publish/csv-text.ts';
import { TABLE_NAMES, tableOf, type FieldType, type TableName } from '../publish/schema.ts';
import { LAW_MEASURE_CODES, LEVELS, MEASURE_CODES } from '../reference/vocabulary.ts';
import { codeWord, knownCodes, type CodeKind } from './code-words.ts';

export type Bilingual = { vi: string; en: string };

export interface ExampleQuery {
  id: string;
  label: Bilingual;
  sql: string;
}

/** Rows shown in the results table; the count and the CSV always cover the whole result. */
export const MAX_SHOWN_ROWS = 1000;
/** Bars in the quick chart; more rows than this and the chart shows the first ones and says so. */
const MAX_BARS = 40;

export const DEFAULT_SQL = 'SELECT id, jurisdiction, completeness, n_measures\nFROM resolutions\nORDER BY jurisdiction';

// The questions a journalist asks first. Openings (completeness = 'partial') have unknown measures, not absent ones:
// the queries keep completeness in view wherever measures are counted.
export const EXAMPLES: readonly ExampleQuery[] = [
  {
    id: 'all-five',
    label: { vi: 'Nghị quyết nào có đủ năm biện pháp của Điều 8?', en: 'Which resolutions cover all five measures of Article 8?' },
    sql: `-- Openings (completeness = 'partial'): measures unknown, not absent
SELECT r.jurisdiction, r.number, r.completeness,
       count(DISTINCT m.code) AS n_of_five
FROM resolutions r
LEFT JOIN (SELECT DISTINCT resolution_id, unnest(measures) AS code FROM provisions) m
  ON m.resolution_id = r.id AND m.code IN ('M1', 'M2', 'M3', 'M4', 'M5')
GROUP BY r.id, r.jurisdiction, r.number, r.completeness
ORDER BY n_of_five DESC, r.jurisdiction`,
  },
  {
    id: 'per-measure',
    label: { vi: 'Số điều khoản theo từng biện pháp, từng nghị quyết', en: 'Provisions per measure per resolution' },
    sql: `-- Openings (completeness = 'partial'): measures unknown, not absent
SELECT r.jurisdiction, r.number, r.completeness,
       count(p.provision_id) FILTER (WHERE list_contains(p.measures, 'M1')) AS M1,
       count(p.provision_id) FILTER (WHERE list_contains(p.measures, 'M2')) AS M2,
       count(p.provision_id) FILTER (WHERE list_contains(p.measures, 'M3')) AS M3,
       count(p.provision_id) FILTER (WHERE list_contains(p.measures, 'M4')) AS M4,
       count(p.provision_id) FILTER (WHERE list_contains(p.measures, 'M5')) AS M5,
       count(p.provision_id) FILTER (WHERE list_contains(p.measures, 'X1')) AS X1,
       count(p.provision_id) FILTER (WHERE list_contains(p.measures, 'X2')) AS X2
FROM resolutions r LEFT JOIN provisions p ON p.resolution_id = r.id
GROUP BY r.id, r.jurisdiction, r.number, r.completeness
ORDER BY r.jurisdiction`,
  },
  {
    id: 'who-supervises',
    label: { vi: 'Ai được giao giám sát việc thực hiện?', en: 'Who is charged with supervision?' },
    sql: `SELECT actor, count(DISTINCT resolution_id) AS n_resolutions
FROM supervision
WHERE role = 'supervises'
GROUP BY actor
ORDER BY n_resolutions DESC, actor`,
  },
  {
    id: 'superseded',
    label: { vi: 'Nghị quyết nào viện dẫn căn cứ pháp lý đã bị thay thế?', en: 'Which resolutions cite a superseded legal basis?' },
    sql: `-- is_superseded: at the resolution's date; NULL = the register does not say
SELECT r.jurisdiction, r.number,
       count(*) AS n_bases,
       count(*) FILTER (WHERE l.is_superseded) AS n_superseded,
       count(*) FILTER (WHERE l.is_superseded IS NULL) AS n_unknown
FROM legal_bases l JOIN resolutions r ON r.id = l.resolution_id
GROUP BY r.id, r.jurisdiction, r.number
ORDER BY n_superseded DESC, r.jurisdiction`,
  },
  {
    id: 'similar-pairs',
    label: { vi: 'Cặp nghị quyết giống nhau nhất', en: 'The most similar pairs' },
    sql: `SELECT a.jurisdiction AS resolution_a, b.jurisdiction AS resolution_b,
       round(s.score, 3) AS score, s.n_shared_passages
FROM similarity s
JOIN resolutions a ON a.id = s.resolution_a
JOIN resolutions b ON b.id = s.resolution_b
WHERE s.scope = 'all'
ORDER BY s.score DESC
LIMIT 10`,
  },
  {
    id: 'funding-by-level',
    label: { vi: 'Nguồn kinh phí theo cấp', en: 'Funding sources by level' },
    sql: `SELECT r.level, f.source, count(DISTINCT f.resolution_id) AS n_resolutions
FROM funding f JOIN resolutions r ON r.id = f.resolution_id
GROUP BY ALL
ORDER BY r.level, n_resolutions DESC, f.source`,
  },
  {
    id: 'targets-100',
    label: { vi: 'Mục tiêu đạt 100%', en: 'Objectives with 100% targets' },
    sql: `SELECT r.jurisdiction, o.provision_id, o.subject, o.action, o.deadline, o.frequency
FROM objectives o JOIN resolutions r ON r.id = o.resolution_id
WHERE o.value = 100 AND o.unit = '%'
ORDER BY r.jurisdiction, o.ord`,
  },
];

const legend = (lang: 'vi' | 'en', kind: CodeKind, codes: readonly string[]) => codes.map((c) => `${c} = ${codeWord(lang, kind, c)}`).join('; ');
const OPENINGS: Bilingual = {
  vi: "Phần đầu (completeness = 'partial'): biện pháp không rõ, không phải không có",
  en: "Openings (completeness = 'partial'): measures unknown, not absent",
};

/** The comment lines each example opens with, by language: codes the query uses, named (views/code-words.ts). */
const NOTES: Record<string, (lang: 'vi' | 'en') => string[]> = {
  'all-five': (l) => [OPENINGS[l], legend(l, 'measure', LAW_MEASURE_CODES)],
  'per-measure': (l) => [OPENINGS[l], legend(l, 'measure', MEASURE_CODES)],
  'who-supervises': (l) => [legend(l, 'actor', knownCodes('actor'))],
  superseded: (l) => [l === 'vi' ? 'is_superseded: tính theo ngày của nghị quyết; NULL = sổ văn bản không ghi' : "is_superseded: at the resolution's date; NULL = the register does not say"],
  'funding-by-level': (l) => [legend(l, 'level', LEVELS), legend(l, 'source', knownCodes('source'))],
};

/** An example's SQL as the page in `lang` shows it: its comments in that language, naming the codes it uses. */
export function exampleSql(e: ExampleQuery, lang: 'vi' | 'en'): string {
  const body = e.sql.replace(/^(?:--[^\n]*\n)+/, '');
  const notes = NOTES[e.id]?.(lang) ?? [];
  return [...notes.map((n) => `-- ${n}`), body].join('\n');
}

/** DuckDB's SQL type for each declared type: what the browser creates from the Parquet files. */
export const SQL_TYPES: Record<FieldType, string> = {
  string: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', 'string[]': 'VARCHAR[]',
};

// Reserved words of DuckDB's grammar that are (or may become) column names here; `end` is one today.
const RESERVED = new Set(['end', 'order', 'group', 'select', 'from', 'where', 'table', 'column', 'default', 'check', 'user', 'limit', 'offset', 'on', 'to', 'desc', 'asc']);

/** True when a column name must be written in double quotes in SQL ("end"). */
export function needsQuotes(column: string): boolean {
  return RESERVED.has(column.toLowerCase()) || !/^[a-z_][a-z0-9_]*$/.test(column);
}

/**
 * The published tables a query names, in declared order: identifiers outside comments and string literals,
 * compared without case (DuckDB ignores case even in quoted identifiers). Naming a table that is not used (as an
 * alias, say) only loads it needlessly.
 */
export function tablesMentioned(sql: string, names: readonly string[] = TABLE_NAMES): string[] {
  const found = new Set<string>();
  const token = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"((?:[^"]|"")*)"?|([A-Za-z_][A-Za-z0-9_$]*)/g;
  for (const m of sql.matchAll(token)) {
    if (m[1] !== undefined) found.add(m[1].replace(/""/g, '"').toLowerCase());
    else if (m[2] !== undefined) found.add(m[2].toLowerCase());
  }
  return names.filter((n) => found.has(n));
}

/**
 * The tables to load before running a query: those it names, or every table when it names none (SHOW TABLES,
 * information_schema and duckdb_columns() list what is loaded, so they need everything).
 */
export function tablesToLoad(sql: string, names: readonly string[] = TABLE_NAMES): string[] {
  const named = tablesMentioned(sql, names);
  return named.length ? named : [...names];
}

export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'list' | 'other';
export type Cell = string | number | boolean | null | readonly string[];
export interface ResultColumn {
  name: string;
  kind: ColumnKind;
}
export interface QueryResult {
  columns: ResultColumn[];
  rows: Cell[][];
}

/** A cell as the results table shows it: empty for NULL, list items joined with "; ". */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.join('; ');
  return String(cell);
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.join(LIST_SEPARATOR);
  return String(cell);
}

/**
 * The CSV of exactly the result: every row (not only those shown), columns in result order, lists joined with ';'
 * as in the published files, NULL as an empty cell; UTF-8 BOM, CRLF after every record. Nothing is escaped for
 * spreadsheets: a cell starting with "-" stays as it is (the /data/ page says how to open such files in Excel).
 */
export function resultCsv(result: QueryResult): string {
  const body = Papa.unparse(
    { fields: result.columns.map((c) => c.name), data: result.rows.map((r) => r.map(csvCell)) },
    { newline: CSV_NEWLINE, quotes: false, escapeFormulae: false, header: true },
  );
  return CSV_BOM + body + CSV_NEWLINE;
}

export interface ChartSpec {
  /** Column names: the text column (bar labels) and the numeric column (bar lengths). */
  label: string;
  value: string;
  data: { label: string; value: number }[];
  /** True when the result has more rows than MAX_BARS and only the first ones are drawn. */
  truncated: boolean;
}

/**
 * A horizontal bar chart of the result when it has exactly one text and one numeric column and at least one row;
 * null otherwise (the results table is then the only view). Rows with a NULL label or value are left out; bars keep
 * the result's order.
 */
export function chartSpec(result: QueryResult, maxBars = MAX_BARS): ChartSpec | null {
  if (result.columns.length !== 2) return null;
  const ti = result.columns.findIndex((c) => c.kind === 'text');
  const ni = result.columns.findIndex((c) => c.kind === 'number');
  if (ti < 0 || ni < 0) return null;
  const used = new Set<string>();
  const data = result.rows
    .filter((r) => typeof r[ti] === 'string' && typeof r[ni] === 'number' && Number.isFinite(r[ni]))
    .map((r) => {
      // A repeated label (two councils of one city) gets a number: one band per row, never two bars in one.
      const text = r[ti] as string;
      let label = text;
      for (let n = 2; used.has(label); n++) label = `${text} (${n})`;
      used.add(label);
      return { label, value: r[ni] as number };
    });
  if (!data.length) return null;
  return {
    label: result.columns[ti]!.name,
    value: result.columns[ni]!.name,
    data: data.slice(0, maxBars),
    truncated: data.length > maxBars,
  };
}

/** The error DuckDB (or the loader) reported, as a reader should see it: the message, never a stack trace. */
export function readableError(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  return message.split('\n').filter((l) => !/^\s+at\s/.test(l)).join('\n').trim() || 'Unknown error';
}

export interface PublishedFile {
  path: string;
  bytes: number | null;
  sha256: string | null;
}
export interface PublishedTable {
  table: TableName;
  title: string;
  title_vi: string;
  csv: PublishedFile;
  parquet: PublishedFile;
}

type Resource = { name?: unknown; path?: unknown; bytes?: unknown; hash?: unknown };

function fileOf(r: Resource | undefined, table: string, format: string): PublishedFile {
  if (!r || typeof r.path !== 'string')
    throw new Error(`datapackage.json has no ${format} resource for table ${table}; hint: run \`npm run data\``);
  const hash = typeof r.hash === 'string' && r.hash.startsWith('sha256:') ? r.hash.slice(7) : null;
  return { path: r.path, bytes: typeof r.bytes === 'number' ? r.bytes : null, sha256: hash };
}

/** Every declared table's CSV and Parquet file as datapackage.json lists them, in declared order. */
export function publishedFiles(datapackage: unknown): PublishedTable[] {
  const resources = (datapackage as { resources?: Resource[] } | null)?.resources;
  if (!Array.isArray(resources)) throw new Error('datapackage.json has no resources; hint: run `npm run data`');
  const byName = new Map(resources.map((r) => [String(r.name), r]));
  return TABLE_NAMES.map((table) => {
    const t = tableOf(table);
    return {
      table,
      title: t.title,
      title_vi: t.title_vi,
      csv: fileOf(byName.get(table), table, 'CSV'),
      parquet: fileOf(byName.get(`${table}-parquet`), table, 'Parquet'),
    };
  });
}

/** What the browser needs to load a table into DuckDB: its Parquet file and each column's declared type. */
export interface ManifestTable {
  name: TableName;
  parquet: string;
  bytes: number | null;
  fields: [string, FieldType][];
}

export function exploreManifest(files: readonly PublishedTable[]): ManifestTable[] {
  return files.map((f) => ({
    name: f.table,
    parquet: f.parquet.path,
    bytes: f.parquet.bytes,
    fields: tableOf(f.table).fields.map((d) => [d.name, d.type] as [string, FieldType]),
  }));
}

/** "7.9 kB" (en) or "7,9 kB" (vi): decimal units, one decimal under 10. */
export function formatBytes(bytes: number | null, lang: 'vi' | 'en'): string {
  if (bytes === null) return lang === 'vi' ? 'không rõ' : 'unknown';
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const text = u === 0 ? String(v) : v < 10 ? v.toFixed(1) : String(Math.round(v));
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${units[u]}`;
}
