/**
 * npm run build runs this last: node scripts/check-budgets.ts [DIR] [--raw RAWDIR]
 * Checks the byte budgets of scripts/lib/budgets.ts on every HTML page of the built site (DIR, or $SITE_OUT_DIR, or
 * dist/): first view ≤ 150 KB brotli, no DuckDB-WASM on any first view, and each resolution page bounded by its own
 * raw source (read from RAWDIR, or $SITE_RAW_DIR, or data/raw, via the resolutions table's raw_file). Brotli sizes
 * are those of the .br files written by scripts/precompress.ts (computed here when one is missing). Prints the 10
 * heaviest first views and the tightest resolution page; exits 1 naming each route and its numbers when a budget
 * fails, 2 when the site or a source is missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import {
  checkFirstView, firstView, heaviestTable, KB, FIRST_VIEW_LIMIT, resolutionBound, RESOLUTION_FACTOR, RESOLUTION_SLACK,
  type BudgetFailure, type FirstView, type Sized,
} from './lib/budgets.ts';
import { parseCsv } from '../src/lib/publish/csv.ts';
import { ROOT } from '../src/node/paths.ts';

function htmlFiles(dir: string, root = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) htmlFiles(p, root, out);
    else if (e.name.endsWith('.html')) out.push(relative(root, p).replace(/\\/g, '/'));
  }
  return out.sort();
}

export interface BudgetReport { views: FirstView[]; failures: BudgetFailure[]; tightest: { route: string; raw: number; bound: number } | null }

export function checkSite(dir: string, rawDir: string): BudgetReport {
  const sizes = new Map<string, Sized | null>();
  const size = (path: string): Sized | null => {
    if (!sizes.has(path)) {
      const file = join(dir, path);
      if (!existsSync(file) || !statSync(file).isFile()) sizes.set(path, null);
      else {
        const raw = statSync(file).size;
        const br = existsSync(`${file}.br`) ? statSync(`${file}.br`).size
          : brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
        sizes.set(path, { raw, br });
      }
    }
    return sizes.get(path)!;
  };
  const lookup = { size, text: (path: string) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : null) };
  const resolutionsCsv = join(dir, 'data', 'resolutions.csv');
  if (!existsSync(resolutionsCsv)) throw new Error(`${resolutionsCsv} is missing; hint: build the data and the site first`);
  const rawFiles = new Map(parseCsv('resolutions', readFileSync(resolutionsCsv, 'utf8')).map((r) => [r.id, r.raw_file]));
  const views: FirstView[] = [];
  const failures: BudgetFailure[] = [];
  let tightest: BudgetReport['tightest'] = null;
  for (const page of htmlFiles(dir)) {
    const view = firstView(page, readFileSync(join(dir, page), 'utf8'), lookup);
    views.push(view);
    const id = /^\/(?:en\/)?resolutions\/([^/]+)\/$/.exec(view.route)?.[1];
    let source: number | null = null;
    if (id) {
      const rawFile = rawFiles.get(id);
      const path = rawFile ? join(rawDir, rawFile) : null;
      if (!path || !existsSync(path)) throw new Error(`${view.route}: raw source ${path ?? `of ${id}`} not found; hint: pass --raw DIR (the directory the data was built from)`);
      source = statSync(path).size;
      const bound = resolutionBound(source);
      if (!tightest || view.raw / bound > tightest.raw / tightest.bound) tightest = { route: view.route, raw: view.raw, bound };
    }
    failures.push(...checkFirstView(view, source));
  }
  return { views, failures, tightest };
}

function main(): void {
  const args = process.argv.slice(2);
  const rawAt = args.indexOf('--raw');
  const rawDir = resolve(rawAt >= 0 ? (args[rawAt + 1] ?? '') : process.env.SITE_RAW_DIR ?? join(ROOT, 'data', 'raw'));
  const positional = args.filter((a, i) => a !== '--raw' && args[i - 1] !== '--raw');
  const dir = resolve(positional[0] ?? process.env.SITE_OUT_DIR ?? join(ROOT, 'dist'));
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing; hint: run \`npm run build\``);
  const started = performance.now();
  const { views, failures, tightest } = checkSite(dir, rawDir);
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  process.stdout.write(`budgets: ${views.length} pages; the 10 heaviest first views (HTML + its CSS, scripts and their static imports):\n`);
  process.stdout.write(`${heaviestTable(views)}\n`);
  if (tightest) {
    process.stdout.write(`budgets: tightest resolution page ${tightest.route}: ${kb(tightest.raw)} raw of ${kb(tightest.bound)} allowed (${RESOLUTION_FACTOR} × source + ${kb(RESOLUTION_SLACK)})\n`);
  }
  const ms = Math.round(performance.now() - started);
  if (failures.length) {
    process.stderr.write(`budgets: ${failures.length} budget${failures.length === 1 ? '' : 's'} failed:\n${failures.map((f) => `- ${f.message}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`budgets: all pass (first view ≤ ${kb(FIRST_VIEW_LIMIT)} brotli, no DuckDB on a first view, resolution pages bounded by their text) in ${ms} ms\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`budgets: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
