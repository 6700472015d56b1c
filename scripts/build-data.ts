/**
 * npm run data [-- --out DIR]
 * Builds the published tables from data/raw + data/curated + data/reference: checks each raw file against its
 * recorded sha256, applies the reviewed corrections, analyses it with the library, compares what the parser reads
 * with the reviewed metadata (disagreements are printed), and writes Parquet, CSV and datapackage.json to
 * public/data (or DIR). Same inputs, same bytes. Exit 2 with a clear message when an input is wrong.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildTables } from './lib/tables.ts';
import { DataError } from './lib/reference.ts';
import { writeTables } from './lib/write-tables.ts';
import { ROOT } from './lib/reference.ts';

export const DATA_VERSION = '0.1.0';

export async function buildData(outDir: string, log: (s: string) => void = () => {}) {
  const built = buildTables();
  for (const d of built.disagreements) log(`  review: ${d}`);
  const written = await writeTables(outDir, built.tables, { version: DATA_VERSION, sources: built.sources });
  return { ...built, written };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? (args[outIndex + 1] ?? '') : join(ROOT, 'public', 'data');
  const started = performance.now();
  const result = await buildData(outDir, (s) => process.stdout.write(`${s}\n`));
  for (const f of result.written.files) {
    process.stdout.write(`  ${f.table.padEnd(18)} ${String(f.rows).padStart(6)} rows  csv ${String(f.csvBytes).padStart(8)} B  parquet ${String(f.parquetBytes).padStart(8)} B\n`);
  }
  process.stdout.write(`data: ${result.tables.resolutions.length} resolutions → ${outDir} in ${Math.round(performance.now() - started)} ms\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    process.stderr.write(`data: ${e instanceof DataError || e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
