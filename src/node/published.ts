/**
 * Build-time access to the published tables (public/data, written by `npm run data`) for the site's pages. The
 * pages read exactly what readers can download; a missing build fails with a hint instead of an empty page.
 * dataset() reads every table once per build (one shared copy of each repeated string); byResolution() indexes
 * the per-resolution tables once, so that each of the N resolution pages, JSON records and CSV slices takes its
 * rows in O(its rows) rather than scanning every table (N pages × a scan of N resolutions' rows took minutes at
 * 10,000 resolutions).
 * SITE_DATA_DIR points the site at another data directory: the scale benchmark builds a synthetic site from
 * bench/tmp/… with it, so synthetic data never reaches public/ or dist/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CompareTables } from '../lib/views/compare.ts';
import { parseCsv } from '../lib/publish/csv.ts';
import { indexByResolution, type ResolutionSlices } from '../lib/views/resolution.ts';
import { TABLE_NAMES, type RowOf, type TableName } from '../lib/publish/schema.ts';

/** The published tables this build reads: $SITE_DATA_DIR, or public/data. */
export const DATA_DIR = ((d) => (isAbsolute(d) ? d : join(process.cwd(), d)))(process.env.SITE_DATA_DIR ?? join('public', 'data'));

export function readTable<N extends TableName>(name: N): RowOf<N>[] {
  return readTableFrom(DATA_DIR, name);
}

/** A published table from any data directory (the search index build reads bench/tmp/… with it). */
export function readTableFrom<N extends TableName>(dir: string, name: N): RowOf<N>[] {
  const path = join(dir, `${name}.csv`);
  if (!existsSync(path)) throw new Error(`${path} is missing; hint: run \`npm run data\` before \`npm run build\``);
  if (statSync(path).size <= CHUNK) return parseCsv(name, readFileSync(path, 'utf8'));
  // A large table (shared_passages is 590 MB at 10,000 resolutions) would not fit in one JavaScript string (V8's
  // limit is about 512 M characters): parse it in pieces cut at record boundaries, each with the header line.
  const buf = readFileSync(path);
  const headerEnd = buf.indexOf(0x0a) + 1;
  const header = buf.subarray(0, headerEnd).toString('utf8');
  const rows: RowOf<N>[] = [];
  for (const [from, to] of recordChunks(buf, headerEnd, CHUNK)) {
    for (const r of parseCsv(name, header + buf.subarray(from, to).toString('utf8'))) rows.push(r);
  }
  return rows;
}

const CHUNK = 64 * 1024 * 1024;

/** Byte ranges of about `size` bytes, each ending after a line feed outside quotes (a record boundary in RFC 4180). */
function recordChunks(buf: Buffer, start: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  let inQuotes = false;
  for (let i = start; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0a && !inQuotes && i + 1 - from >= size) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < buf.length) out.push([from, buf.length]);
  return out;
}

/** The published datapackage.json (file sizes, version), as written by the data build. */
export function datapackageJson(): unknown {
  return JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8'));
}

export type Dataset = { [N in TableName]: RowOf<N>[] };

let cached: Dataset | null = null;

export function dataset(): Dataset {
  if (!cached) {
    const pool = new Map<string, string>();
    cached = Object.fromEntries(TABLE_NAMES.map((n) => [n, internStrings(readTable(n), pool)])) as Dataset;
  }
  return cached;
}

/**
 * Every string cell replaced by one shared, flat copy per distinct value. Cells parsed from CSV are slices of the
 * text they came from (keeping whole 64 MB chunks alive) and the same ids and passages repeat across rows: at
 * 10,000 resolutions the tables took 2.3 GB of heap before and 0.4 GB after, and the build's garbage collection
 * shrank with them. Rows are changed in place and returned.
 */
function internStrings<T>(rows: T[], pool: Map<string, string>): T[] {
  for (const row of rows as Record<string, unknown>[]) {
    for (const k in row) {
      const v = row[k];
      if (typeof v !== 'string') continue;
      let shared = pool.get(v);
      if (shared === undefined) {
        // A flat copy: not a slice of the parsed chunk.
        shared = JSON.parse(JSON.stringify(v)) as string;
        pool.set(shared, shared);
      }
      row[k] = shared;
    }
  }
  return rows;
}

let slices: ResolutionSlices | null = null;

/** Per resolution id, its rows of each per-resolution table (built once per build from dataset()). */
export function byResolution(): ResolutionSlices {
  slices ??= indexByResolution(dataset());
  return slices;
}

/**
 * The tables siteResolution(id, …) reads, cut down to what concerns `id`: its own rows, and the provisions of the
 * resolutions it shares passages with (to name them). Same record as from the whole tables, in O(its rows).
 */
export function compareTablesOf(id: string): CompareTables {
  const slices = byResolution();
  const own = slices(id);
  const others = new Set(own.shared_passages.flatMap((s) => [s.resolution_a, s.resolution_b]).filter((x) => x !== id));
  return { ...own, provisions: [...own.provisions, ...[...others].flatMap((o) => slices(o).provisions)] };
}
