/**
 * npm run bench:site [-- --reuse] [--measure-only] [--count N] [--only real|scale] [--no-mobile]
 * The site's speed, measured: builds the real site (npm run build: data, astro build, precompress, budgets) and a
 * synthetic one of N resolutions (default 10,000: npm run synth, the data build with --raw, then the same site build
 * into bench/tmp/site-<N>/ with SITE_DATA_DIR / SITE_PUBLIC_DIR / SITE_OUT_DIR, timed step by step), serves each
 * with scripts/lib/serve.ts (brotli, ranges) and measures in Chromium, as a desktop and as a throttled phone: every
 * route's first view (bytes, time to first chart, load), on /explore/ the engine's start from the click and three
 * queries on the running engine (first run and warm, DuckDB's own time, Parquet bytes fetched by range requests),
 * two example questions (click to the first answer, computed at build time, and to the live one),
 * the compare picker's first search, and the scorecard of a 20-page draft on /benchmark/. Writes bench/results-site.json and prints a summary. --reuse keeps a synthetic
 * corpus and its data already there (the site is always built again: its build is measured); --measure-only
 * measures the sites already built and keeps the build figures of the last full run.
 * Synthetic files stay under bench/tmp/ (ignored by git): never in public/ or dist/.
 */
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { launchChromium, measureExamples, measureExplore, measureFirstView, measurePickerSearch, measureScorecard, MOBILE, type Profile } from './lib/bench-browser.ts';
import { ROOT } from '../src/node/paths.ts';
import { serveDir } from './lib/serve.ts';
import { benchDraft } from './lib/bench-draft.ts';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? '') : null);
const COUNT = Number(arg('--count') ?? 10_000);
const REUSE = args.includes('--reuse');
// Measure the sites already built (dist/, bench/tmp/site-N/dist) and keep the build figures of the last full run.
const MEASURE_ONLY = args.includes('--measure-only');
const ONLY = arg('--only');
const PROFILES: Profile[] = args.includes('--no-mobile') ? ['desktop'] : ['desktop', 'mobile'];

export const QUERIES = [
  'SELECT jurisdiction, n_measures FROM resolutions ORDER BY n_measures DESC LIMIT 10',
  // Provisions per measure per level.
  'SELECT r.level, m.code, count(*) AS n_provisions FROM provision_measures m JOIN resolutions r ON r.id = m.resolution_id GROUP BY r.level, m.code ORDER BY r.level, m.code',
  // Resolutions citing a basis already superseded on their date, of those whose legal bases are known, per level.
  'SELECT r.level, count(DISTINCT b.resolution_id) FILTER (WHERE b.is_superseded) AS citing_superseded, count(DISTINCT b.resolution_id) AS with_legal_bases FROM legal_bases b JOIN resolutions r ON r.id = b.resolution_id GROUP BY r.level ORDER BY r.level',
];

/** Example questions of /explore/ pressed in turn: the first on a cold engine, the second on the running one. */
export const EXAMPLE_IDS = ['all-five', 'per-measure'];

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function timed(label: string, cmd: string, extraEnv: Record<string, string> = {}): { ms: number; out: string } {
  const t0 = performance.now();
  process.stdout.write(`bench:site: ${label}: ${cmd}\n`);
  const out = execSync(cmd, { cwd: ROOT, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(`bench:site: ${label} took ${(ms / 1000).toFixed(1)} s\n`);
  return { ms, out };
}

function sizes(dir: string): { files: number; bytes: number; br: number; gz: number; pages: number } {
  const s = { files: 0, bytes: 0, br: 0, gz: 0, pages: 0 };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.br')) s.br += statSync(p).size;
      else if (e.name.endsWith('.gz')) s.gz += statSync(p).size;
      else {
        s.files++;
        s.bytes += statSync(p).size;
        if (e.name.endsWith('.html')) s.pages++;
      }
    }
  };
  walk(dir);
  return s;
}

/** Routes to measure: the fixed ones, the largest resolution page (both languages) and the largest province list. */
function routes(dist: string): string[] {
  const largest = (dir: string) => {
    if (!existsSync(dir)) return null;
    const best = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'index.html')))
      .map((d) => ({ d, size: statSync(join(dir, d, 'index.html')).size })).sort((a, b) => b.size - a.size || (a.d < b.d ? -1 : 1))[0];
    return best?.d ?? null;
  };
  const res = largest(join(dist, 'resolutions'));
  const prov = largest(join(dist, 'resolutions', 'province'));
  return [
    '/', '/en/', '/resolutions/', ...(prov ? [`/resolutions/province/${prov}/`] : []), ...(res ? [`/resolutions/${res}/`, `/en/resolutions/${res}/`] : []),
    '/compare/', '/themes/', '/themes/measures/', '/themes/objectives/', '/themes/funding/', '/themes/supervision/', '/themes/legal-bases/',
    '/themes/reuse/', '/explore/', '/benchmark/', '/data/', '/methodology/',
  ];
}

async function measureSite(name: string, dist: string, draft: string) {
  const { server, url } = await serveDir(dist);
  const browser = await launchChromium();
  const out: Record<string, unknown> = { chromium: browser.version() };
  try {
    for (const profile of PROFILES) {
      const pages = [];
      for (const route of routes(dist)) {
        const m = await measureFirstView(browser, url, route, profile);
        pages.push({ ...m, transferred_per_minimum: +(m.transferred / m.minimum).toFixed(2), raw_per_minimum: +(m.raw / m.minimum).toFixed(2) });
        process.stdout.write(`bench:site: ${name} ${profile} ${route}: ${m.raw} B raw, ${m.transferred} B sent, chart ${m.firstChartMs ?? '—'} ms, load ${m.loadMs} ms\n`);
      }
      const explore = await measureExplore(browser, url, QUERIES, profile);
      const e = explore.engine;
      process.stdout.write(`bench:site: ${name} ${profile} engine: ${'error' in e ? `FAILED ${e.error}` : `${e.clickToAnswerMs} ms from the click`}\n`);
      const queries = explore.queries.map((q) => {
        if ('error' in q) {
          process.stdout.write(`bench:site: ${name} ${profile} query FAILED: ${q.error}\n`);
          return q;
        }
        process.stdout.write(`bench:site: ${name} ${profile} query: first ${q.firstAnswerMs} ms, warm ${q.warmAnswerMs} ms, duckdb ${q.duckdbMs} ms, parquet ${q.parquetFetched}/${q.parquetFilesBytes} B\n`);
        return { ...q, first_per_duckdb: +(q.firstAnswerMs / Math.max(q.duckdbMs, 0.1)).toFixed(1), warm_per_duckdb: +(q.warmAnswerMs / Math.max(q.duckdbMs, 0.1)).toFixed(1) };
      });
      // The example questions: answered at once from the build, then live (the first on a cold engine).
      const examples = await measureExamples(browser, url, EXAMPLE_IDS, profile);
      if ('error' in examples) process.stdout.write(`bench:site: ${name} ${profile} examples FAILED: ${examples.error}\n`);
      else for (const x of examples) process.stdout.write(`bench:site: ${name} ${profile} example ${x.id}: first answer ${x.firstAnswerMs} ms (${x.firstSource}), live ${x.liveAnswerMs} ms\n`);
      const picker = await measurePickerSearch(browser, url, 'lang son', profile);
      process.stdout.write(`bench:site: ${name} ${profile} picker search: ${picker.searchMs} ms from the first keystroke, index ${picker.indexTransferred}/${picker.indexRaw} B\n`);
      const scorecard = await measureScorecard(browser, url, draft, profile);
      process.stdout.write(`bench:site: ${name} ${profile} scorecard of ${scorecard.chars} chars: ${scorecard.scorecardMs} ms\n`);
      out[profile] = { pages, engine: explore.engine, queries, examples, picker, scorecard };
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

function buildReal() {
  const steps = {
    data: timed('real data', 'npm run --silent data').ms,
    astro: timed('real astro build', 'npx astro build').ms,
    precompress: timed('real precompress', 'node scripts/precompress.ts').ms,
    budgets: timed('real budgets', 'node scripts/check-budgets.ts'),
  };
  return { ms: { data: steps.data, astro: steps.astro, precompress: steps.precompress, budgets: steps.budgets.ms }, budgets: steps.budgets.out, output: sizes(join(ROOT, 'dist')) };
}

function buildScale(count: number) {
  const base = `bench/tmp/site-${count}`;
  const synth = `bench/tmp/synth-${count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : count}`;
  const ms: Record<string, number> = {};
  if (!(REUSE && existsSync(join(ROOT, synth, 'SYNTHETIC.json')))) ms.synth = timed('synthetic corpus', `npm run --silent synth -- --count ${count} --out ${synth}`).ms;
  mkdirSync(join(ROOT, base, 'public'), { recursive: true });
  for (const f of ['_headers', 'favicon.svg']) copyFileSync(join(ROOT, 'public', f), join(ROOT, base, 'public', f));
  if (!(REUSE && existsSync(join(ROOT, base, 'public', 'data', 'datapackage.json')))) ms.data = timed('synthetic data', `node scripts/build-data.ts --raw ${synth} --out ${base}/public/data`).ms;
  const site = { SITE_DATA_DIR: `${base}/public/data`, SITE_PUBLIC_DIR: `${base}/public`, SITE_OUT_DIR: `${base}/dist` };
  let budgets = '';
  if (existsSync(join(ROOT, base, 'dist'))) rmSync(join(ROOT, base, 'dist'), { recursive: true });
  const rss = join(ROOT, base, 'astro-rss.txt');
  ms.astro = timed('synthetic astro build', `/usr/bin/time -o ${rss} -f %M npx astro build`, site).ms;
  const peakRssMb = Math.round(Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) / 1024);
  ms.precompress = timed('synthetic precompress', `node scripts/precompress.ts ${base}/dist`).ms;
  try {
    const b = timed('synthetic budgets', `node scripts/check-budgets.ts ${base}/dist --raw ${synth}`);
    ms.budgets = b.ms;
    budgets = b.out;
  } catch (e) {
    budgets = `FAILED: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { count, ms, peakRssMb, budgets, output: sizes(join(ROOT, base, 'dist')), synth };
}

async function main(): Promise<void> {
  const draft = benchDraft();
  const results: Record<string, unknown> = {
    note: 'Produced by npm run bench:site on this machine; times depend on it, the ratios and byte counts much less. The synthetic site is made by npm run synth (recombined real provisions, invented places): for measurement only.',
    date: new Date().toISOString(),
    revision: (() => {
      try {
        return execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return null;
      }
    })(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
    mobile_profile: { ...MOBILE, viewport: '360x800@2x' },
    queries: QUERIES,
    draft_chars: draft.length,
  };
  const file = join(ROOT, 'bench', 'results-site.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>) : {};
  const kept = (key: string) => previous[key]?.build ?? null;
  if (ONLY !== 'scale') {
    const build = MEASURE_ONLY ? kept('real') : ((b) => ({ ms: b.ms, output: b.output, budgets: b.budgets.trim().split('\n') }))(buildReal());
    results.real = { build, ...(await measureSite('real', join(ROOT, 'dist'), draft)) };
  }
  if (ONLY !== 'real') {
    const key = `synthetic_${COUNT}`;
    const dist = join(ROOT, `bench/tmp/site-${COUNT}`, 'dist');
    const build = MEASURE_ONLY ? kept(key) : ((b) => ({ ms: b.ms, astro_peak_rss_mb: b.peakRssMb, output: b.output, budgets: b.budgets.trim().split('\n') }))(buildScale(COUNT));
    results[key] = { build, ...(await measureSite(`synthetic ${COUNT}`, dist, draft)) };
  }
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ ...previous, ...results }, null, 1)}\n`);
  renameSync(`${file}.tmp`, file);
  process.stdout.write(`bench:site: wrote ${file}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:site: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
