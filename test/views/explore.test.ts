/**
 * The explorer's pure helpers: which tables a query names, the quick chart, the CSV of a result, readable errors,
 * the published files and manifest from datapackage.json; and every example query run against the published
 * Parquet files with DuckDB (node), whose column types must be those the browser builds (SQL_TYPES).
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chartSpec, DEFAULT_SQL, EXAMPLES, exploreManifest, formatBytes, needsQuotes, publishedFiles, readableError, resultCsv,
  SQL_TYPES, tablesMentioned, tablesToLoad, type QueryResult,
} from '../../src/lib/views/explore.ts';
import { TABLE_NAMES, TABLES } from '../../src/lib/publish/schema.ts';
import { publishedData } from '../fixtures/published.ts';


describe('tablesMentioned', () => {
  it('finds table names as identifiers, in declared order, without case', () => {
    expect(tablesMentioned('select * from PROVISIONS p join resolutions r on r.id = p.resolution_id'))
      .toEqual(['resolutions', 'provisions']);
  });
  it('ignores names inside string literals and comments, and inside longer identifiers', () => {
    expect(tablesMentioned("-- funding\nSELECT 'taxonomy' AS x /* similarity */ FROM supervision WHERE n_provisions > 0"))
      .toEqual(['supervision']);
    expect(tablesMentioned('SELECT resolution_id FROM provision_measures')).toEqual(['provision_measures']);
  });
  it('reads quoted identifiers, without case as DuckDB does', () => {
    expect(tablesMentioned('SELECT * FROM "legal_bases", "Funding", "no""such"')).toEqual(['legal_bases', 'funding']);
  });
  it('finds nothing in a query without tables; then every table is loaded', () => {
    expect(tablesMentioned('SELECT 1 + 1')).toEqual([]);
    expect(tablesToLoad('SHOW TABLES')).toEqual(TABLE_NAMES);
    expect(tablesToLoad('FROM taxonomy')).toEqual(['taxonomy']);
  });
  it('names at least one table in every example', () => {
    for (const e of EXAMPLES) expect(tablesMentioned(e.sql).length, e.id).toBeGreaterThan(0);
  });
});

const RESULT: QueryResult = {
  columns: [{ name: 'jurisdiction', kind: 'text' }, { name: 'n', kind: 'number' }],
  rows: [['Lạng Sơn', 7], ['Sơn La', 6], [null, 3], ['Hải Phòng', null]],
};

describe('chartSpec', () => {
  it('draws a bar per row with a label and a number, leaving NULLs out', () => {
    expect(chartSpec(RESULT)).toEqual({
      label: 'jurisdiction', value: 'n', truncated: false,
      data: [{ label: 'Lạng Sơn', value: 7 }, { label: 'Sơn La', value: 6 }],
    });
  });
  it('numbers a repeated label so that each row keeps its own bar', () => {
    const spec = chartSpec({ columns: RESULT.columns, rows: [['Hồ Chí Minh', 0], ['Hồ Chí Minh', 2], ['Hồ Chí Minh (2)', 1]] });
    expect(spec?.data.map((d) => d.label)).toEqual(['Hồ Chí Minh', 'Hồ Chí Minh (2)', 'Hồ Chí Minh (2) (2)']);
  });
  it('says when it shows only the first bars', () => {
    expect(chartSpec(RESULT, 1)).toMatchObject({ truncated: true, data: [{ label: 'Lạng Sơn', value: 7 }] });
  });
  it('gives no chart for other shapes', () => {
    expect(chartSpec({ columns: [{ name: 'a', kind: 'text' }, { name: 'b', kind: 'text' }], rows: [['x', 'y']] })).toBeNull();
    expect(chartSpec({ columns: [{ name: 'a', kind: 'text' }, { name: 'b', kind: 'number' }, { name: 'c', kind: 'number' }], rows: [['x', 1, 2]] })).toBeNull();
    expect(chartSpec({ columns: RESULT.columns, rows: [] })).toBeNull();
  });
});

describe('resultCsv', () => {
  it('writes exactly the result: BOM, header, CRLF, lists with ";", NULL empty, text intact', () => {
    const csv = resultCsv({
      columns: [{ name: 'id', kind: 'text' }, { name: 'measures', kind: 'list' }, { name: 'x', kind: 'number' }],
      rows: [['lang-son', ['M1', 'M2'], 1.5], ['Lạng Sơn, "tỉnh"', [], null], ['-1+2', ['M3'], -0]],
    });
    expect(csv.startsWith('\uFEFFid,measures,x\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(back).toEqual([['id', 'measures', 'x'], ['lang-son', 'M1;M2', '1.5'], ['Lạng Sơn, "tỉnh"', '', ''], ['-1+2', 'M3', '0']]);
  });
  it('keeps duplicate column names', () => {
    expect(resultCsv({ columns: [{ name: 'a', kind: 'number' }, { name: 'a', kind: 'number' }], rows: [[1, 2]] }))
      .toBe('\uFEFFa,a\r\n1,2\r\n');
  });
});

describe('readableError', () => {
  it('keeps the message and drops stack lines', () => {
    const e = new Error('Catalog Error: Table with name foo does not exist!');
    e.stack = `${e.message}\n    at x (y.js:1:2)`;
    expect(readableError(e)).toBe('Catalog Error: Table with name foo does not exist!');
    expect(readableError('Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC\n        ^')).toContain('LINE 1');
  });
});

describe('needsQuotes', () => {
  it('flags the reserved column "end" and no ordinary column', () => {
    const flagged = TABLES.flatMap((t) => t.fields.map((f) => f.name)).filter(needsQuotes);
    expect([...new Set(flagged)]).toEqual(['end']);
  });
});

describe('formatBytes', () => {
  it('uses decimal units and the language decimal mark', () => {
    expect(formatBytes(999, 'en')).toBe('999 B');
    expect(formatBytes(7867, 'en')).toBe('7.9 kB');
    expect(formatBytes(7867, 'vi')).toBe('7,9 kB');
    expect(formatBytes(91767, 'vi')).toBe('92 kB');
    expect(formatBytes(null, 'en')).toBe('unknown');
  });
});

describe('on the published data', () => {
  let dir = '';
  let dp: unknown = null;
  beforeAll(async () => {
    dir = `${await publishedData()}/`;
    dp = JSON.parse(readFileSync(`${dir}datapackage.json`, 'utf8'));
  }, 120_000);

  it('lists a CSV and a Parquet file with bytes and sha256 for every table', () => {
    const files = publishedFiles(dp);
    expect(files.map((f) => f.table)).toEqual(TABLE_NAMES);
    for (const f of files) {
      expect(f.csv.path).toBe(`${f.table}.csv`);
      expect(f.parquet.path).toBe(`${f.table}.parquet`);
      expect(f.csv.bytes).toBeGreaterThan(0);
      expect(f.parquet.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(exploreManifest(files)[0]).toMatchObject({ name: 'resolutions', parquet: 'resolutions.parquet' });
  });

  it('refuses a datapackage without a table', () => {
    expect(() => publishedFiles({ resources: [] })).toThrow(/no CSV resource for table resolutions/);
  });

  it('runs every example query on the Parquet files, with the column types the browser builds', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    for (const t of TABLES) {
      await c.run(`CREATE TABLE ${t.name} AS SELECT * FROM read_parquet('${dir}${t.name}.parquet')`);
      const cols = (await c.runAndReadAll(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${t.name}'`)).getRows();
      expect(cols.map(([n, ty]) => [n, ty]), t.name).toEqual(t.fields.map((f) => [f.name, SQL_TYPES[f.type]]));
    }
    const nResolutions = Number((await c.runAndReadAll('SELECT count(*) FROM resolutions')).getRows()[0]?.[0]);
    for (const sql of [DEFAULT_SQL, ...EXAMPLES.map((e) => e.sql)]) {
      const rows = (await c.runAndReadAll(sql)).getRows();
      expect(rows.length, sql).toBeGreaterThan(0);
    }
    // Questions about every resolution keep one row each, openings and catalogue entries included.
    for (const id of ['all-five', 'per-measure']) {
      const rows = (await c.runAndReadAll(EXAMPLES.find((e) => e.id === id)!.sql)).getRows();
      expect(rows.length, id).toBe(nResolutions);
    }
    c.closeSync();
  });
});
