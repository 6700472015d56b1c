/**
 * npm run data [-- --out DIR]
 * Builds the published tables from data/raw + data/curated + data/reference: checks each raw file against its
 * recorded sha256, applies the reviewed corrections, analyses it with the library, compares what the parser reads
 * with the reviewed metadata (disagreements are printed), and writes Parquet, CSV and datapackage.json to
 * public/data (or DIR), every raw source byte for byte under DIR/raw/ (the text, the original PDF/.doc/.docx where
 * there is one, and the sidecar; each SHA-256 checked against the sidecar and listed in datapackage.json), and the search index of every provision in DIR/search (scripts/build-search.ts; --raw builds
 * leave it to that script). Same inputs, same bytes. Exit 2 with a clear message when an input is wrong.
 *
 * node scripts/build-data.ts --raw DIR --out OUT [--workers N] [--reuse-workers N] [--recall N] [--report FILE]
 * The same tables from a directory of uncurated texts (the parser's reading, no corrections; see buildRawTables),
 * analysed on one worker thread per core (--workers), text reuse on --reuse-workers threads (default: as many).
 * Prints where the time went; --recall N also measures the recall of the
 * published top-k pairs on N resolutions; --report writes it all as JSON (stages, tables, peak memory) for
 * scripts/bench-data.ts. Refuses to write synthetic texts (npm run synth) into public/data.
 */
import { pathToFileURL } from 'node:url';
import { basename, dirname, join, resolve } from 'node:path';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { stableJson, toDataPackage } from '../src/lib/publish/datapackage.ts';
import { buildRawTables, buildTables } from './lib/tables.ts';
import { DataError } from '../src/node/paths.ts';
import { writeRenderedTables, writeTables, type WrittenTable } from './lib/write-tables.ts';
import { ROOT } from '../src/node/paths.ts';
import { writeSearchIndex } from './build-search.ts';
import { DATA_VERSION } from '../src/lib/publish/release.ts';
import type { RawResource } from '../src/lib/publish/datapackage.ts';
import { mediaTypeOf, rawFilesOf } from '../src/node/raw-files.ts';
import { siteUrl } from '../src/node/site.ts';

/** Copy every published resolution's raw files to OUT/raw/ (replacing what was there); their resources for datapackage.json. */
export async function publishRaw(outDir: string, ids: readonly string[]): Promise<RawResource[]> {
  const dir = join(outDir, 'raw');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const out: RawResource[] = [];
  for (const id of [...ids].sort()) {
    const { files } = rawFilesOf(id);
    for (const f of files) {
      await writeFile(join(dir, f.file), f.bytes);
      const kind = f.role === 'text' ? '' : `-${f.role}`;
      const what = { text: 'Raw source text', original: 'Original document', sidecar: 'Provenance of the raw source' }[f.role];
      out.push({ name: `raw-${id}${kind}`, title: `${what}: ${id}`, path: `raw/${f.file}`, bytes: f.bytes.byteLength, sha256: f.sha256, mediatype: mediaTypeOf(f.file) });
    }
  }
  return out;
}

export async function buildData(outDir: string, log: (s: string) => void = () => {}) {
  const built = buildTables();
  for (const d of built.disagreements) log(`  review: ${d}`);
  const raw = await publishRaw(outDir, built.tables.resolutions.map((r) => r.id));
  const written = await writeTables(outDir, built.tables, { version: DATA_VERSION, sources: built.sources, site: await siteUrl(), raw });
  const search = await writeSearchIndex(outDir);
  return { ...built, written, search };
}

/**
 * Build from uncurated texts and write. Text reuse runs on its own thread while the other tables are validated and
 * written on this one, into a staging directory beside OUT; reuse's tables follow, then datapackage.json, and only
 * then does every file move into OUT, so a failure anywhere leaves OUT as it was. The report says where the time
 * and memory went.
 */
export async function buildRawData(rawDir: string, outDir: string, opts: { workers?: number; reuseWorkers?: number; recall?: number } = {}) {
  const started = performance.now();
  const built = await buildRawTables(rawDir, { workers: opts.workers, reuseWorkers: opts.reuseWorkers, reuse: opts.recall ? { recallSample: opts.recall } : {} });
  if (built.synthetic > 0 && resolve(outDir) === resolve(ROOT, 'public', 'data')) {
    throw new DataError(`${rawDir}: ${built.synthetic} synthetic texts (first line "<!-- SYNTHETIC …"); they are for measurement and never published; hint: --out bench/tmp/…`);
  }
  const staging = join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}.staging-${process.pid}`);
  const tail = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const [first, reuse] = await Promise.all([
      writeTables(staging, built.tables, { version: DATA_VERSION, sources: built.sources, datapackage: false }).then((w) => ({ ...w, ms: performance.now() - tail })),
      built.reuse,
    ]);
    const t = performance.now();
    const second = await writeRenderedTables(staging, reuse.rendered);
    const writeReuse = performance.now() - t;
    const files = [...first.files, ...second];
    const described = Object.fromEntries(files.map((f) => [f.table, { csv: `${f.table}.csv`, parquet: `${f.table}.parquet`, csvBytes: f.csvBytes, csvSha256: f.csvSha256, parquetBytes: f.parquetBytes, parquetSha256: f.parquetSha256 }]));
    const pkg = toDataPackage({ version: DATA_VERSION, tables: files.map((f) => f.table), files: described, sources: built.sources });
    await writeFile(join(staging, 'datapackage.json'), stableJson(pkg));
    await mkdir(outDir, { recursive: true });
    for (const name of [...files.flatMap((f) => [`${f.table}.csv`, `${f.table}.parquet`]), 'datapackage.json']) await rename(join(staging, name), join(outDir, name));
    const cpuTail = process.cpuUsage(cpu0);
    const usage = process.resourceUsage();
    const report = {
      files: built.files, resolutions: built.tables.resolutions.length, skipped: built.skipped.length, duplicates: built.duplicates.length,
      renamed: built.renamed.length, synthetic: built.synthetic, workers: built.workers, reuseWorkers: built.reuseWorkers,
      ms: {
        total: performance.now() - started, analyse: built.ms.analyse, merge: built.ms.merge, perFile: built.ms.perFile,
        // Text reuse and the writing of the other tables overlap; then reuse's tables are written.
        reuse: reuse.ms, renderReuse: reuse.renderMs, writeTables: first.ms, writeReuse, tail: performance.now() - tail,
      },
      cpuMs: { analyse: built.cpuMs.analyse, merge: built.cpuMs.merge, reuseThread: reuse.cpuMs, tail: (cpuTail.user + cpuTail.system) / 1000 },
      reuse: reuse.stats,
      tables: files.map((f: WrittenTable) => ({ table: f.table, rows: f.rows, csvBytes: f.csvBytes, parquetBytes: f.parquetBytes })),
      maxRssMB: usage.maxRSS / 1024, cpuSeconds: { user: usage.userCPUTime / 1e6, system: usage.systemCPUTime / 1e6 },
    };
    return { built, files, report };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const argOf = (args: string[], name: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? '') : null);
const printTables = (files: WrittenTable[]) => {
  for (const f of files) {
    process.stdout.write(`  ${f.table.padEnd(18)} ${String(f.rows).padStart(8)} rows  csv ${String(f.csvBytes).padStart(11)} B  parquet ${String(f.parquetBytes).padStart(10)} B\n`);
  }
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = argOf(args, '--out') ?? join(ROOT, 'public', 'data');
  const rawDir = argOf(args, '--raw');
  const started = performance.now();
  if (rawDir !== null) {
    if (!rawDir || argOf(args, '--out') === null) throw new DataError('--raw needs a directory and an explicit --out; hint: node scripts/build-data.ts --raw bench/tmp/synth-1k --out bench/tmp/out-1k');
    const workers = argOf(args, '--workers');
    const recall = argOf(args, '--recall');
    const reuseWorkers = argOf(args, '--reuse-workers');
    const { built, files, report } = await buildRawData(rawDir, outDir, { workers: workers ? Number(workers) : undefined, reuseWorkers: reuseWorkers ? Number(reuseWorkers) : undefined, recall: recall ? Number(recall) : undefined });
    for (const s of built.skipped.slice(0, 10)) process.stdout.write(`  skipped ${s.file}: ${s.reason}\n`);
    printTables(files);
    const ms = report.ms;
    const r = report.reuse;
    const sec = (x: number) => `${(x / 1000).toFixed(1)} s`;
    process.stdout.write(
      `data --raw: ${report.resolutions} resolutions from ${report.files} files (${report.skipped} skipped, ${report.duplicates} duplicate, ${report.renamed} renamed) → ${outDir}\n` +
        `  analyse ${sec(ms.analyse)} on ${report.workers} workers (per file: read ${sec(ms.perFile.read)}, analyze ${sec(ms.perFile.analyze)}, rows ${sec(ms.perFile.rows)}), merge ${sec(ms.merge)}\n` +
        `  reuse ${sec(ms.reuse)} on ${report.reuseWorkers} thread(s) (index ${sec(r.ms.index)}, candidates ${sec(r.ms.candidates)}, rows ${sec(r.ms.rows)}, passages ${sec(r.ms.passages)}; ${r.pairsKept} pairs kept of ${r.pairsScored} scored` +
        (r.recall ? `; recall@10 ${r.recall.recall.toFixed(4)} on ${r.recall.sample} in ${sec(r.ms.recall)}` : '') + `), meanwhile write other tables ${sec(ms.writeTables)} and check and render reuse's rows as they come ${sec(ms.renderReuse)}\n` +
        `  write reuse tables ${sec(ms.writeReuse)}; after analysis ${sec(ms.tail)}; total ${sec(ms.total)}, peak RSS ${Math.round(report.maxRssMB)} MB, CPU ${(report.cpuSeconds.user + report.cpuSeconds.system).toFixed(1)} s\n`,
    );
    const reportFile = argOf(args, '--report');
    if (reportFile) await writeFile(reportFile, `${JSON.stringify(report, null, 1)}\n`);
    return;
  }
  const result = await buildData(outDir, (s) => process.stdout.write(`${s}\n`));
  printTables(result.written.files);
  process.stdout.write(`  search index: ${result.search.files} files, ${result.search.bytes} B → ${result.search.out}\n`);
  process.stdout.write(`data: ${result.tables.resolutions.length} resolutions → ${outDir} in ${Math.round(performance.now() - started)} ms\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    process.stderr.write(`data: ${e instanceof DataError || e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
