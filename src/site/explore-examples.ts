/**
 * The explorer's example questions answered at build time with the same SQL the reader's browser runs
 * (src/lib/views/explore.ts EXAMPLES), by DuckDB's native engine over the same published Parquet files, so that a
 * click on an example shows its answer at once while DuckDB-WASM loads in the background (the page labels it as
 * computed when the site was built, then replaces it with the live answer). Each result is converted to the plain
 * values the browser's engine gives (BIGINT and DECIMAL as numbers, DATE as "YYYY-MM-DD", lists as arrays of
 * text) and capped at PRECOMPUTED_ROWS rows with the full count. An example that fails here is simply not
 * precomputed: the page then runs it live only. Computed once per build, for both languages.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXAMPLES, type Cell, type ColumnKind, type ManifestTable, type QueryResult } from '../lib/views/explore.ts';
import { DATA_DIR } from '../node/published.ts';

/** Rows of a precomputed answer kept in the page; the live answer has them all. */
export const PRECOMPUTED_ROWS = 200;

export interface Precomputed { result: QueryResult; total: number }

let answers: Promise<Record<string, Precomputed>> | null = null;

function kindOf(type: string): ColumnKind {
  if (type.endsWith('[]')) return 'list';
  if (/^(VARCHAR|TEXT)/.test(type)) return 'text';
  if (/^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|DOUBLE|FLOAT|REAL|DECIMAL)/.test(type)) return 'number';
  if (type === 'BOOLEAN') return 'boolean';
  if (/^(DATE|TIMESTAMP)/.test(type)) return 'date';
  return 'other';
}

function plain(v: unknown, kind: ColumnKind): Cell {
  if (v === null || v === undefined) return null;
  if (kind === 'number') return Number(v);
  if (kind === 'list' && Array.isArray(v)) return v.map((x) => (x === null ? '' : String(x)));
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

async function compute(manifest: readonly ManifestTable[]): Promise<Record<string, Precomputed>> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await instance.connect();
  try {
    for (const t of manifest) {
      const path = join(DATA_DIR, t.parquet).replace(/'/g, "''");
      await con.run(`CREATE VIEW "${t.name}" AS SELECT * FROM read_parquet('${path}')`);
    }
    const out: Record<string, Precomputed> = {};
    for (const e of EXAMPLES) {
      try {
        const reader = await con.runAndReadAll(e.sql);
        const kinds = reader.columnTypes().map((t) => kindOf(t.toString()));
        const columns = reader.columnNames().map((name, i) => ({ name, kind: kinds[i] ?? 'other' }));
        const rows = reader.getRowsJson() as unknown[][];
        out[e.id] = { result: { columns, rows: rows.slice(0, PRECOMPUTED_ROWS).map((r) => r.map((v, i) => plain(v, kinds[i] ?? 'other'))) }, total: rows.length };
      } catch {
        // Not precomputed: the browser answers it live.
      }
    }
    return out;
  } finally {
    con.closeSync();
  }
}

/** The examples' answers over the published tables of this build. */
export function precomputedExamples(manifest: readonly ManifestTable[]): Promise<Record<string, Precomputed>> {
  answers ??= compute(manifest);
  return answers;
}
