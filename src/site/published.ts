/**
 * Build-time access to the published tables (public/data, written by `npm run data`) for the site's pages. The
 * pages read exactly what readers can download; a missing build fails with a hint instead of an empty page.
 * dataset() reads every table once per build; byResolution() indexes the per-resolution tables once, so that each
 * of the N resolution pages, JSON records and CSV slices takes its rows in O(its rows) rather than scanning every
 * table (N pages × a scan of N resolutions' rows took minutes at 10,000 resolutions).
 * SITE_DATA_DIR points the site at another data directory: the scale benchmark builds a synthetic site from
 * bench/tmp/… with it, so synthetic data never reaches public/ or dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CompareTables } from '../lib/compare.ts';
import { parseCsv } from '../lib/csv.ts';
import { indexByResolution, type ResolutionSlices } from '../lib/resolution-view.ts';
import { TABLE_NAMES, type RowOf, type TableName } from '../lib/schema.ts';

/** The published tables this build reads: $SITE_DATA_DIR, or public/data. */
export const DATA_DIR = ((d) => (isAbsolute(d) ? d : join(process.cwd(), d)))(process.env.SITE_DATA_DIR ?? join('public', 'data'));

export function readTable<N extends TableName>(name: N): RowOf<N>[] {
  const path = join(DATA_DIR, `${name}.csv`);
  if (!existsSync(path)) throw new Error(`${path} is missing; hint: run \`npm run data\` before \`npm run build\``);
  return parseCsv(name, readFileSync(path, 'utf8'));
}

/** The published datapackage.json (file sizes, version), as written by the data build. */
export function datapackageJson(): unknown {
  return JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8'));
}

export type Dataset = { [N in TableName]: RowOf<N>[] };

let cached: Dataset | null = null;

export function dataset(): Dataset {
  cached ??= Object.fromEntries(TABLE_NAMES.map((n) => [n, readTable(n)])) as Dataset;
  return cached;
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
