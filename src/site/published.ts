/**
 * Build-time access to the published tables (public/data, written by `npm run data`) for the site's pages. The
 * pages read exactly what readers can download; a missing build fails with a hint instead of an empty page.
 * dataset() reads every table once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../lib/csv.ts';
import { TABLE_NAMES, type RowOf, type TableName } from '../lib/schema.ts';

const DIR = join(process.cwd(), 'public', 'data');

export function readTable<N extends TableName>(name: N): RowOf<N>[] {
  const path = join(DIR, `${name}.csv`);
  if (!existsSync(path)) throw new Error(`${path} is missing; hint: run \`npm run data\` before \`npm run build\``);
  return parseCsv(name, readFileSync(path, 'utf8'));
}

export type Dataset = { [N in TableName]: RowOf<N>[] };

let cached: Dataset | null = null;

export function dataset(): Dataset {
  cached ??= Object.fromEntries(TABLE_NAMES.map((n) => [n, readTable(n)])) as Dataset;
  return cached;
}
