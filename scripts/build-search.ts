/**
 * node scripts/build-search.ts [--data DIR] [--out DIR]
 * Writes the full-text search index of every provision (src/lib/search/indexer.ts) from the published resolutions and
 * provisions tables of DIR (default public/data) into OUT (default DIR/search, served as /data/search/). The data
 * build (scripts/build-data.ts) calls writeSearchIndex after writing the tables, so `npm run data` and `npm run
 * build` produce it. Files are written to a staging directory beside OUT, which then replaces OUT in one rename:
 * a reader never sees half an index. Prints files, bytes and time; exit 2 with one line when a table is missing.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSearchIndex } from '../src/lib/search/indexer.ts';
import { readTableFrom } from '../src/node/published.ts';
import { DataError, ROOT } from '../src/node/paths.ts';

export interface SearchIndexSummary { files: number; bytes: number; ms: number; out: string }

export async function writeSearchIndex(dataDir: string, outDir = join(dataDir, 'search')): Promise<SearchIndexSummary> {
  const started = performance.now();
  for (const t of ['resolutions', 'provisions']) {
    if (!existsSync(join(dataDir, `${t}.csv`))) throw new DataError(`${join(dataDir, `${t}.csv`)} is missing; hint: build the data first (npm run data)`);
  }
  const files = buildSearchIndex(readTableFrom(dataDir, 'resolutions'), readTableFrom(dataDir, 'provisions'));
  const out = resolve(outDir);
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
  let bytes = 0;
  try {
    const dirs = new Set([...files.keys()].map((p) => dirname(join(staging, p))));
    for (const d of dirs) await mkdir(d, { recursive: true });
    const entries = [...files];
    // A few files at a time: tens of thousands at national scale.
    for (let i = 0; i < entries.length; i += 64) {
      await Promise.all(entries.slice(i, i + 64).map(([p, text]) => {
        bytes += Buffer.byteLength(text);
        return writeFile(join(staging, p), text);
      }));
    }
    if (existsSync(out)) await rename(out, old);
    await rename(staging, out);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
  return { files: files.size, bytes, ms: performance.now() - started, out };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? '') : null);
  const dataDir = resolve(arg('--data') ?? join(ROOT, 'public', 'data'));
  const s = await writeSearchIndex(dataDir, arg('--out') ?? undefined);
  process.stdout.write(`search index: ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB → ${s.out} in ${Math.round(s.ms)} ms\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    process.stderr.write(`search index: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
