/**
 * npm run bench:data [-- --sizes 1000,10000] [--seed 1] [--workers N] [--recall 300] [--reuse]
 * Measures the data build at national scale: for each size, a synthetic corpus in bench/tmp/synth-<size> (npm run
 * synth, a few seconds; with --reuse, kept when its SYNTHETIC.json has the same count and seed), then the data build on it as a child process
 * (node scripts/build-data.ts --raw … --report …) with its wall time, peak memory and stages, the rows and bytes of
 * every table, and the recall of the published top-10 pairs against the exact top 10 on a sample. Splits analysis
 * into parse, classify and extract on a sample of texts. Writes bench/results-data.json (with the machine and the
 * load average, since other work on the machine slows every figure) and prints a summary. Synthetic files stay in
 * bench/tmp/, ignored by git: they are for measurement, never data.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { centrallyRunCities } from '../src/lib/analyze/analyze.ts';
import { classifyDocument } from '../src/lib/classify/measures.ts';
import { extractFunding } from '../src/lib/extract/funding.ts';
import { extractObjectives } from '../src/lib/extract/objectives.ts';
import { parseResolution } from '../src/lib/parse/parser.ts';
import { extractSupervision, isImplementationProvision } from '../src/lib/extract/supervision.ts';
import { normalizeText } from '../src/lib/text/normalize.ts';
import type { buildRawData } from './build-data.ts';
import { ROOT } from '../src/node/paths.ts';
import { loadReference } from '../src/node/reference.ts';

type BuildReport = Awaited<ReturnType<typeof buildRawData>>['report'];

const args = process.argv.slice(2);
const argOf = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const SIZES = argOf('--sizes', '1000,10000').split(',').map(Number);
const SEED = Number(argOf('--seed', '1'));
const RECALL = Number(argOf('--recall', '300'));
const WORKERS = args.includes('--workers') ? ['--workers', argOf('--workers', '')] : [];
const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const node = (script: string, rest: string[]) => [join(ROOT, script), ...rest];
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The corpus of `count` texts for SEED, generated unless already there. */
function corpus(count: number): { dir: string; synthMs: number | null } {
  const dir = join(ROOT, 'bench', 'tmp', `synth-${label(count)}`);
  const manifest = join(dir, 'SYNTHETIC.json');
  const have = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { count: number; seed: number }) : null;
  if (args.includes('--reuse') && have?.count === count && have.seed === SEED) return { dir, synthMs: null };
  const t = performance.now();
  execFileSync(process.execPath, node('scripts/synth.ts', ['--count', String(count), '--out', dir, '--seed', String(SEED)]), { stdio: 'inherit' });
  return { dir, synthMs: performance.now() - t };
}

/** One data build as a child process: its own report (stages, tables, peak RSS) plus the wall time seen from here. */
function build(count: number, dir: string) {
  const out = join(ROOT, 'bench', 'tmp', `data-${label(count)}`);
  const reportFile = join(ROOT, 'bench', 'tmp', `report-${label(count)}.json`);
  const t = performance.now();
  const r = spawnSync(process.execPath, node('scripts/build-data.ts', ['--raw', dir, '--out', out, '--recall', String(RECALL), '--report', reportFile, ...WORKERS]), { stdio: 'inherit' });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`data build of ${count} failed (exit ${r.status}); hint: run the command above by hand`);
  return { wallMs, report: JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport };
}

/** Where analysis goes, on a sample: the library's steps called as analyzeResolution calls them. */
function analysisSplit(dir: string, sample: number) {
  const reference = loadReference();
  const cities = centrallyRunCities(reference.jurisdictions);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, sample);
  const ms = { parse: 0, classify: 0, extract: 0 };
  for (let pass = 0; pass < 2; pass++) {
    // The first pass warms the JIT; the second is measured.
    for (const f of files) {
      const text = normalizeText(readFileSync(join(dir, f), 'utf8'));
      let t = performance.now();
      const parsed = parseResolution(text, { centrallyRunCities: cities });
      if (pass) ms.parse += performance.now() - t;
      const inputs = parsed.provisions.map((p) => ({ id: p.id, text: p.text, heading: p.heading, parentId: p.parent }));
      t = performance.now();
      classifyDocument(inputs, reference.taxonomy);
      if (pass) ms.classify += performance.now() - t;
      t = performance.now();
      for (const p of inputs) {
        extractObjectives(p);
        extractFunding(p);
        if (isImplementationProvision(p)) extractSupervision(p);
      }
      if (pass) ms.extract += performance.now() - t;
    }
  }
  const total = ms.parse + ms.classify + ms.extract;
  return { sample: files.length, msPerText: { parse: ms.parse / files.length, classify: ms.classify / files.length, extract: ms.extract / files.length }, share: { parse: ms.parse / total, classify: ms.classify / total, extract: ms.extract / total } };
}

function gitRevision(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return `${head}${dirty ? '+uncommitted' : ''}`;
  } catch {
    return null;
  }
}

function main(): void {
  const loadBefore = loadavg();
  const runs = SIZES.map((count) => {
    const { dir, synthMs } = corpus(count);
    process.stdout.write(`bench:data: building ${count} synthetic resolutions from ${dir}\n`);
    const { wallMs, report } = build(count, dir);
    const totals = report.tables.reduce((a, t) => ({ rows: a.rows + t.rows, csvBytes: a.csvBytes + t.csvBytes, parquetBytes: a.parquetBytes + t.parquetBytes }), { rows: 0, csvBytes: 0, parquetBytes: 0 });
    return { count, synthMs, wallMs, ...report, totals };
  });
  const split = analysisSplit(join(ROOT, 'bench', 'tmp', `synth-${label(SIZES[0] ?? 1000)}`), 200);
  const [first, last] = [runs[0], runs[runs.length - 1]];
  const growth = first && last && last !== first ? (last.wallMs / first.wallMs) / (last.count / first.count) : null;
  const results = {
    note: 'Produced by npm run bench:data: data builds of synthetic corpora (npm run synth: recombined real provisions under invented places; for measurement only, never published). Times depend on the machine and on what else runs on it (load average below); rows and bytes do not.',
    date: new Date().toISOString(),
    revision: gitRevision(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, memoryGB: Math.round(totalmem() / 2 ** 30), freeMemoryGB: Math.round(freemem() / 2 ** 30), node: process.version, platform: process.platform, loadavg: { before: loadBefore, after: loadavg() } },
    seed: SEED,
    budget: { seconds: 120, resolutions: 10_000, note: 'data build of 10,000 resolutions within 2 minutes on 2 cores, time growing close to linearly' },
    growth: { ratio: growth, meaning: 'wall(largest) / wall(smallest) ÷ (largest / smallest): 1 is linear, above 1 worse' },
    analysisSplit: split,
    runs,
  };
  const file = join(ROOT, 'bench', 'results-data.json');
  writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 1)}\n`);
  renameSync(`${file}.tmp`, file);
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  process.stdout.write('\nbench:data summary\n');
  for (const r of runs) {
    const reuse = r.reuse;
    process.stdout.write(
      `  ${String(r.count).padStart(6)} resolutions: wall ${seconds(r.wallMs)} s (analyse ${seconds(r.ms.analyse)}; then reuse ${seconds(r.ms.reuse)} beside writing ${seconds(r.ms.writeTables)} and rendering reuse's rows ${seconds(r.ms.renderReuse)}, reuse tables ${seconds(r.ms.writeReuse)}), ` +
        `peak RSS ${Math.round(r.maxRssMB)} MB, ${r.totals.rows} rows, CSV ${mb(r.totals.csvBytes)}, Parquet ${mb(r.totals.parquetBytes)}, ` +
        `${reuse?.pairsKept ?? 0} pairs, recall@10 ${reuse?.recall ? `${reuse.recall.recall.toFixed(4)} on ${reuse.recall.sample}` : 'n/a'}\n`,
    );
  }
  const s = split.share;
  process.stdout.write(`  analysis split (${split.sample} texts): parse ${Math.round(s.parse * 100)}%, classify ${Math.round(s.classify * 100)}%, extract ${Math.round(s.extract * 100)}%\n`);
  if (growth !== null) process.stdout.write(`  growth ratio ${growth.toFixed(2)} (1 = linear); load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before\n`);
  process.stdout.write(`  → ${file}\n`);
}

main();
