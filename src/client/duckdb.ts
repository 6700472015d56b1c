/// <reference types="vite/client" />
/**
 * DuckDB-WASM in the reader's browser, as a lazy singleton: getEngine() starts the engine once (self-hosted eh
 * bundle: wasm and worker served by the site, never a CDN) and turns off extension autoloading so nothing reaches
 * another host. DuckDB-WASM 1.32 cannot read Parquet offline (the parquet extension would be downloaded), so
 * loadTables() reads the site's Parquet files with hyparquet (range requests, zstd via hyparquet-compressors),
 * builds Arrow columns with the declared types (DATE, INTEGER, VARCHAR[] …) and inserts them into tables created
 * with exactly those types. runQuery() loads the tables a query names, and of them only the columns it mentions
 * (src/lib/views/sql-columns.ts), so a query over a few columns fetches only their chunks of the Parquet files by range
 * requests; it runs the query and returns a QueryResult of plain values (DuckDB's Arrow answer converted column by
 * column) with the time DuckDB itself took. Only src/client/explore.ts imports this module, and
 * only after the reader asks for the engine, so none of it is on a page's first view.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { Bool, DateDay, Field, Float64, Int32, List, makeData, makeVector, Table, Type, Utf8, type Data, type DataType, type Vector } from 'apache-arrow';
import { asyncBufferFromUrl, cachedAsyncBuffer, parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { SQL_TYPES, tablesToLoad, type Cell, type ColumnKind, type ManifestTable, type QueryResult } from '../lib/views/explore.ts';
import type { FieldType } from '../lib/publish/schema.ts';
import { columnsToLoad } from '../lib/views/sql-columns.ts';

export interface Engine {
  conn: AsyncDuckDBConnection;
  /** Milliseconds from the first request to a ready connection. */
  readyMs: number;
}

let engine: Promise<Engine> | null = null;
const progressListeners = new Set<(loaded: number, total: number) => void>();

/**
 * Calls `f` with the bytes of the engine's wasm received so far and the total the server announced while it
 * downloads (DuckDB-WASM's instantiation progress; `loaded` counts decoded bytes, `total` is the Content-Length, which
 * is the compressed size when the server sends brotli). Returns the unsubscribe function.
 */
export function onEngineProgress(f: (loaded: number, total: number) => void): () => void {
  progressListeners.add(f);
  return () => progressListeners.delete(f);
}

/** The engine, started on the first call; later calls get the same one. A failed start can be retried. */
export function getEngine(): Promise<Engine> {
  engine ??= startEngine().catch((e: unknown) => {
    engine = null;
    throw e;
  });
  return engine;
}

async function startEngine(): Promise<Engine> {
  const t0 = performance.now();
  const worker = new Worker(workerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(wasmUrl, null, (p) => {
    for (const f of progressListeners) f(p.bytesLoaded, p.bytesTotal);
  });
  // BIGINT (count(*)) and DECIMAL (sum) come back as JavaScript numbers: exact below 2^53, far above these counts.
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  // Before anything else: an extension DuckDB would fetch is a request to another host.
  await conn.query('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false');
  return { conn, readyMs: performance.now() - t0 };
}

// Arrow columns are assembled from typed arrays (makeData) rather than with Arrow's builders: the builders compile
// their null test with new Function, which the site's Content-Security-Policy (no 'unsafe-eval') forbids.
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

function utf8Data(values: readonly unknown[]): Data<Utf8> {
  // Columns repeat their values (a resolution id on each of its rows): each distinct string is encoded once.
  const seen = new Map<string, Uint8Array>();
  const encode = (v: unknown): Uint8Array => {
    if (v === null || v === undefined) return EMPTY;
    const text = String(v);
    let b = seen.get(text);
    if (!b) seen.set(text, (b = encoder.encode(text)));
    return b;
  };
  const bytes = values.map(encode);
  const valueOffsets = new Int32Array(values.length + 1);
  bytes.forEach((b, i) => (valueOffsets[i + 1] = valueOffsets[i]! + b.length));
  const data = new Uint8Array(valueOffsets[values.length]!);
  bytes.forEach((b, i) => data.set(b, valueOffsets[i]!));
  return makeData({ type: new Utf8(), length: values.length, ...validity(values), valueOffsets, data });
}

function arrowColumn(type: FieldType, values: readonly unknown[]): Vector {
  const length = values.length;
  const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  switch (type) {
    case 'string':
      return makeVector(utf8Data(values));
    case 'integer':
      return makeVector(makeData({ type: new Int32(), length, ...validity(values), data: Int32Array.from(values, num) }));
    case 'number':
      return makeVector(makeData({ type: new Float64(), length, ...validity(values), data: Float64Array.from(values, num) }));
    case 'date': {
      // hyparquet gives a DATE as a Date at UTC midnight; Arrow's DateDay counts days since 1970-01-01.
      const days = Int32Array.from(values, (v) => (v instanceof Date ? Math.floor(v.getTime() / 86_400_000) : 0));
      return makeVector(makeData({ type: new DateDay(), length, ...validity(values), data: days }));
    }
    case 'boolean': {
      const data = new Uint8Array(Math.ceil(length / 8));
      values.forEach((v, i) => v === true && (data[i >> 3]! |= 1 << (i & 7)));
      return makeVector(makeData({ type: new Bool(), length, ...validity(values), data }));
    }
    case 'string[]': {
      const lists = values.map((v) => (Array.isArray(v) ? (v as unknown[]) : []));
      const valueOffsets = new Int32Array(length + 1);
      lists.forEach((l, i) => (valueOffsets[i + 1] = valueOffsets[i]! + l.length));
      const type = new List(new Field('item', new Utf8(), true));
      return makeVector(makeData({ type, length, ...validity(values), valueOffsets, child: utf8Data(lists.flat()) }));
    }
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface LoadedTable { columns: Set<string>; done: Promise<number> }
const files = new Map<string, Promise<{ file: AsyncBuffer; metadata: FileMetaData }>>();
let fetchedBytes = 0;

/** Bytes of Parquet fetched from the site so far (range requests included), for the status line and the bench. */
export function parquetBytesFetched(): number {
  return fetchedBytes;
}

/**
 * One Parquet file, opened once: its slices are cached (files under 256 KB are fetched whole, larger ones by the
 * byte ranges hyparquet asks for: the footer, then only the column chunks of the columns read), and its metadata is
 * read from the last 64 KB rather than hyparquet's default 512 KB.
 */
function openFile(url: string, byteLength: number | null): Promise<{ file: AsyncBuffer; metadata: FileMetaData }> {
  let f = files.get(url);
  if (!f) {
    f = (async () => {
      const remote = await asyncBufferFromUrl({ url, byteLength: byteLength ?? undefined });
      const counted: AsyncBuffer = {
        byteLength: remote.byteLength,
        slice: (start, end) => {
          fetchedBytes += (end ?? remote.byteLength) - start;
          return remote.slice(start, end);
        },
      };
      const file = cachedAsyncBuffer(counted, { minSize: 256 * 1024 });
      return { file, metadata: await parquetMetadataAsync(file, { initialFetchSize: 64 * 1024 }) };
    })();
    f.catch(() => files.delete(url));
    files.set(url, f);
  }
  return f;
}

async function loadTable(conn: AsyncDuckDBConnection, t: ManifestTable, columns: readonly string[], dataDir: string): Promise<number> {
  const t0 = performance.now();
  const url = new URL(t.parquet, new URL(dataDir, location.href)).href;
  // The size from datapackage.json spares a HEAD request.
  const { file, metadata } = await openFile(url, t.bytes);
  const fields = t.fields.filter(([name]) => columns.includes(name));
  // Column by column as hyparquet decodes them: no object per row (a third of loading a 374,288-row table).
  const length = Number(metadata.num_rows);
  const columnValues = new Map(fields.map(([name]) => [name, new Array<unknown>(length).fill(null)]));
  await parquetRead({
    file, metadata, columns: fields.map(([n]) => n), compressors,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const out = columnValues.get(columnName);
      if (out) for (let i = 0; i < columnData.length; i++) out[rowStart + i] = columnData[i];
    },
  });
  await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(t.name)}`);
  await conn.query(`CREATE TABLE ${quoteIdent(t.name)} (${fields.map(([name, type]) => `${quoteIdent(name)} ${SQL_TYPES[type]}`).join(', ')})`);
  if (length) {
    const vectors: Record<string, Vector> = {};
    for (const [name, type] of fields) vectors[name] = arrowColumn(type, (columnValues.get(name) ?? []).map((v) => v ?? null));
    await conn.insertArrowTable(new Table(vectors), { name: t.name, create: false });
  }
  return performance.now() - t0;
}

const loaded = new Map<string, LoadedTable>();

/**
 * Makes sure each named table holds at least the columns a query needs (columnsToLoad; `all` loads every column).
 * A table loaded with fewer columns is loaded again with the union: its Parquet slices already fetched come from
 * the cache, so only the new columns' chunks cross the network. Each table is loaded once at a time.
 */
export async function loadTables(conn: AsyncDuckDBConnection, manifest: readonly ManifestTable[], names: readonly string[], dataDir: string, sql: string | 'all'): Promise<{ name: string; ms: number; fresh: boolean }[]> {
  return Promise.all(
    manifest.filter((t) => names.includes(t.name)).map(async (t) => {
      const all = t.fields.map(([n]) => n);
      const wanted = sql === 'all' ? all : columnsToLoad(sql, all);
      const have = loaded.get(t.name);
      if (have) await have.done.catch(() => undefined);
      const now = loaded.get(t.name);
      if (now && wanted.every((c) => now.columns.has(c))) return { name: t.name, ms: await now.done, fresh: false };
      const columns = new Set([...(now?.columns ?? []), ...wanted]);
      const done = loadTable(conn, t, all.filter((c) => columns.has(c)), dataDir);
      loaded.set(t.name, { columns, done });
      done.catch(() => loaded.delete(t.name));
      return { name: t.name, ms: await done, fresh: true };
    }),
  );
}

function kindOf(type: DataType): ColumnKind {
  switch (type.typeId) {
    case Type.Utf8: case Type.LargeUtf8: return 'text';
    case Type.Int: case Type.Float: case Type.Decimal: return 'number';
    case Type.Bool: return 'boolean';
    case Type.Date: case Type.Timestamp: return 'date';
    case Type.List: case Type.FixedSizeList: return 'list';
    default: return 'other';
  }
}

function plain(value: unknown, kind: ColumnKind, type: DataType): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (kind === 'date' && typeof value === 'number') {
    const iso = new Date(value).toISOString();
    return type.typeId === Type.Date ? iso.slice(0, 10) : iso;
  }
  if (kind === 'list' && typeof value === 'object') return [...(value as Iterable<unknown>)].map((v) => (v === null ? '' : String(v)));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  const json = (value as { toJSON?: () => unknown }).toJSON?.() ?? value;
  return JSON.stringify(json, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

export interface RunOutcome {
  result: QueryResult;
  /** Tables loaded for this query (first use only) and the time each took. */
  loads: { name: string; ms: number }[];
  queryMs: number;
}

/**
 * Runs a query after loading the tables it names. When DuckDB still reports an unknown table that is published
 * (a name the detection missed), every table is loaded and the query runs once more.
 */
export async function runQuery(sql: string, manifest: readonly ManifestTable[], dataDir: string): Promise<RunOutcome> {
  const { conn } = await getEngine();
  const names: string[] = manifest.map((t) => t.name);
  const named = tablesToLoad(sql, names);
  const loads = (await loadTables(conn, manifest, named, dataDir, sql)).filter((l) => l.fresh);
  let t0 = performance.now();
  let table;
  try {
    table = await conn.query(sql);
  } catch (e) {
    // A table the detection missed, or a column it did not see (a name built at run time): load it all, once more.
    const message = e instanceof Error ? e.message : '';
    const missing = /Table with name (\w+) does not exist/i.exec(message)?.[1]?.toLowerCase();
    const retryTables = missing && names.includes(missing) ? names : /column|Binder Error/i.test(message) ? named : null;
    if (!retryTables) throw e;
    const before = loads.length;
    loads.push(...(await loadTables(conn, manifest, retryTables, dataDir, 'all')).filter((l) => l.fresh));
    if (loads.length === before) throw e;
    t0 = performance.now();
    table = await conn.query(sql);
  }
  const queryMs = performance.now() - t0;
  const columns = table.schema.fields.map((f) => ({ name: f.name, kind: kindOf(f.type) }));
  const vectors = table.schema.fields.map((_f, i) => table.getChildAt(i));
  const rows: Cell[][] = [];
  for (let r = 0; r < table.numRows; r++) {
    rows.push(vectors.map((v, i) => plain(v?.get(r), columns[i]!.kind, table.schema.fields[i]!.type)));
  }
  return { result: { columns, rows }, loads: loads.map(({ name, ms }) => ({ name, ms })), queryMs };
}
