/**
 * node scripts/bench-search.ts [--data DIR] [--site DIST] [--reuse] [--runs N] [--no-browser] [--candidates] [--out FILE]
 * The search at national scale: builds the index (scripts/build-search.ts) from the 10,000-resolution synthetic data
 * build (DIR, default bench/tmp/data-10k; see bench/README.md to make it) into bench/tmp/search-10k/data/search,
 * pre-compresses it as the site build would (scripts/precompress.ts), and measures
 * - the index: files and bytes (raw, brotli) by kind, and the time to build it;
 * - per typical query (a common word, two common words, a phrase, a rare word, filters, no hit): the files and the
 *   brotli bytes its first page of results reads, through the same cursor as the browser, and its time in Node;
 * - in Chromium (desktop, and the phone profile of scripts/lib/bench-browser.ts), on the built site's /search/ page
 *   (DIST, default dist/) served with the 10,000 index: from pressing Search to the first results on screen, and
 *   the bytes fetched from /data/search/ (as transferred); each measured --runs times (default 3, cold each time),
 *   the median kept (the machine is shared: single runs varied by a factor of two);
 * - with --candidates, the three libraries considered (MiniSearch, FlexSearch, Pagefind), each indexing the same
 *   folded provisions as its documentation shows, for the bytes a query would have to fetch (scripts/lib/
 *   search-candidates.ts).
 * Writes bench/results-search.json and prints a summary. --reuse keeps an index already built from the same data.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { brotliPlan, bulkBytesOf } from './lib/precompress-policy.ts';
import { NO_FILTERS, parseQuery, writeParams, type SearchFilters } from '../src/lib/search/query.ts';
import { SearchCursor, SearchIndex } from '../src/lib/search/cursor.ts';
import { writeSearchIndex } from './build-search.ts';
import { launchChromium, type Profile } from './lib/bench-browser.ts';
import { measureSearch, type SearchMeasure } from './lib/bench-search-browser.ts';
import { serveDir } from './lib/serve.ts';
import { ROOT } from '../src/node/paths.ts';

/** Typical queries: the address part after /search/. */
export const QUERIES: { kind: string; q: string; filters?: Partial<SearchFilters> }[] = [
  { kind: 'common word', q: 'dân' },
  { kind: 'two common words', q: 'giám sát' },
  { kind: 'phrase', q: '"hương ước"' },
  { kind: 'phrase, no diacritics', q: '"huong uoc"' },
  { kind: 'rare word (0.4 % of provisions)', q: 'zalo' },
  { kind: 'rare word + province filter', q: 'zalo', filters: { province: 'Lạng Sơn' } },
  { kind: 'two words + measure, level and year filters', q: 'giám sát', filters: { measure: 'M5', level: 'commune', year: 2025 } },
  { kind: 'no hit', q: 'xyzzy' },
];

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/**
 * FILE.br and FILE.gz beside every index file, at the qualities scripts/precompress.ts would choose inside the 10,000
 * site (scripts/lib/precompress-policy.ts; importing that script would run it on dist/).
 */
function precompressIndex(dir: string): { ms: number; qualities: Record<string, number> } {
  const t0 = performance.now();
  const list = walk(dir).filter((f) => !/\.(br|gz)$/.test(f)).map((path) => ({ path, size: statSync(path).size }));
  // The index lands in a site whose pages and records are some 5 GB (bench/README.md): its bulk, not the index's alone.
  const bulk = Math.max(bulkBytesOf(list.map((f) => ({ ...f, path: relative(dir, f.path) }))), 5e9);
  const qualities: Record<string, number> = {};
  for (const f of list) {
    const plan = brotliPlan(`data/search/${relative(dir, f.path)}`, f.size, bulk);
    const buf = readFileSync(f.path);
    writeFileSync(`${f.path}.br`, brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: plan.quality, [constants.BROTLI_PARAM_LGWIN]: plan.lgwin, [constants.BROTLI_PARAM_SIZE_HINT]: f.size } }));
    writeFileSync(`${f.path}.gz`, gzipSync(buf, { level: plan.gzipLevel }));
    qualities[`q${plan.quality}`] = (qualities[`q${plan.quality}`] ?? 0) + 1;
  }
  return { ms: performance.now() - t0, qualities };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : Math.round((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

const brSize = (file: string) => (existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size);

/** The built site with /data/search/ pointing at another index (symbolic links: nothing is copied). */
function overlaySite(dist: string, index: string, at: string): string {
  rmSync(at, { recursive: true, force: true });
  mkdirSync(join(at, 'data'), { recursive: true });
  for (const e of readdirSync(dist)) if (e !== 'data') symlinkSync(join(dist, e), join(at, e));
  for (const e of readdirSync(join(dist, 'data'))) if (e !== 'search') symlinkSync(join(dist, 'data', e), join(at, 'data', e));
  symlinkSync(index, join(at, 'data', 'search'));
  return at;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? dflt) : dflt);
  const dataDir = resolve(arg('--data', join(ROOT, 'bench', 'tmp', 'data-10k')));
  const dist = resolve(arg('--site', join(ROOT, 'dist')));
  const outFile = resolve(arg('--out', join(ROOT, 'bench', 'results-search.json')));
  const indexDir = join(ROOT, 'bench', 'tmp', 'search-10k', 'data', 'search');
  if (!existsSync(join(dataDir, 'provisions.csv'))) {
    throw new Error(`${dataDir}/provisions.csv is missing; hint: npm run synth -- --count 10000 --out bench/tmp/synth-10k && node scripts/build-data.ts --raw bench/tmp/synth-10k --out ${relative(ROOT, dataDir)}`);
  }
  const load0 = loadavg()[0];
  let build: { ms: number; files: number; bytes: number; reused: boolean };
  const stamp = join(indexDir, '..', 'FROM.json');
  const from = { data: dataDir, provisionsBytes: statSync(join(dataDir, 'provisions.csv')).size, resolutionsBytes: statSync(join(dataDir, 'resolutions.csv')).size };
  if (args.includes('--reuse') && existsSync(stamp) && JSON.stringify(JSON.parse(readFileSync(stamp, 'utf8')).from) === JSON.stringify(from)) {
    build = { ...JSON.parse(readFileSync(stamp, 'utf8')).build, reused: true };
    process.stdout.write(`search bench: reusing the index in ${relative(ROOT, indexDir)}\n`);
  } else {
    const s = await writeSearchIndex(dataDir, indexDir);
    const c = precompressIndex(indexDir);
    build = { ms: Math.round(s.ms), files: s.files, bytes: s.bytes, reused: false };
    writeFileSync(stamp, JSON.stringify({ from, build, precompress: { ms: Math.round(c.ms), qualities: c.qualities } }));
    process.stdout.write(`search bench: index ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB in ${(s.ms / 1000).toFixed(1)} s; pre-compressed in ${(c.ms / 1000).toFixed(1)} s\n`);
  }

  // The index by kind of file.
  const kinds: Record<string, { files: number; raw: number; br: number }> = {};
  for (const f of walk(indexDir).filter((f) => !/\.(br|gz)$/.test(f))) {
    const rel = relative(indexDir, f);
    const kind = rel.includes('/') ? rel.split('/')[0]! : rel;
    const k = (kinds[kind] ??= { files: 0, raw: 0, br: 0 });
    k.files++;
    k.raw += statSync(f).size;
    k.br += brSize(f);
  }
  const total = Object.values(kinds).reduce((t, k) => ({ files: t.files + k.files, raw: t.raw + k.raw, br: t.br + k.br }), { files: 0, raw: 0, br: 0 });

  // Each query's first page in Node, through the browser's cursor: which files, how many brotli bytes.
  const node = [];
  for (const query of QUERIES) {
    const filters = { ...NO_FILTERS, ...query.filters };
    const read: string[] = [];
    const t0 = performance.now();
    const index = await SearchIndex.open(async (p) => {
      read.push(p);
      return JSON.parse(readFileSync(join(indexDir, p), 'utf8'));
    });
    const page = await new SearchCursor(index, parseQuery(query.q), filters).next(20);
    const ms = performance.now() - t0;
    const br = read.reduce((n, p) => n + brSize(join(indexDir, p)), 0);
    node.push({ ...query, address: `/search/${writeParams(query.q, filters)}`, hits: page.hits.length, done: page.done, found: page.found, maxTotal: page.maxTotal, files: read.length, brBytes: br, rawBytes: read.reduce((n, p) => n + statSync(join(indexDir, p)).size, 0), nodeMs: Math.round(ms * 10) / 10 });
  }
  for (const r of node) process.stdout.write(`  ${r.kind.padEnd(44)} ${String(r.hits).padStart(3)} hits (of ≤ ${r.maxTotal})  ${String(r.files).padStart(3)} files  ${(r.brBytes / 1024).toFixed(1).padStart(6)} KB br  ${r.nodeMs} ms\n`);

  const browser: Record<Profile, unknown[]> = { desktop: [], mobile: [] };
  if (!args.includes('--no-browser')) {
    if (!existsSync(join(dist, 'search', 'index.html'))) throw new Error(`${dist}/search/index.html is missing; hint: npm run build`);
    const site = overlaySite(dist, indexDir, join(ROOT, 'bench', 'tmp', 'search-site'));
    const { server, url } = await serveDir(site);
    const chromium = await launchChromium();
    try {
      for (const profile of ['desktop', 'mobile'] as const) {
        for (const r of node) {
          const runs: SearchMeasure[] = [];
          for (let i = 0; i < Number(arg('--runs', '3')); i++) runs.push(await measureSearch(chromium, url, r.address, profile));
          const med = (k: 'firstResultsMs' | 'pageMs' | 'fromLinkMs') => median(runs.map((x) => x[k]));
          const m = { ...runs[0]!, firstResultsMs: med('firstResultsMs'), pageMs: med('pageMs'), fromLinkMs: med('fromLinkMs'), runs: runs.map((x) => ({ firstResultsMs: x.firstResultsMs, fromLinkMs: x.fromLinkMs })) };
          browser[profile].push({ kind: r.kind, ...m });
          process.stdout.write(`  ${profile.padEnd(7)} ${r.kind.padEnd(44)} first results ${String(m.firstResultsMs).padStart(5)} ms (link ${String(m.fromLinkMs).padStart(5)} ms)  ${(m.transferred / 1024).toFixed(1).padStart(6)} KB fetched (${m.requests} requests)\n`);
        }
      }
    } finally {
      await chromium.close();
      server.close();
    }
  }

  let candidates: unknown = null;
  if (args.includes('--candidates')) {
    const { measureCandidates } = await import('./lib/search-candidates.ts');
    candidates = await measureCandidates(dataDir, join(ROOT, 'bench', 'tmp', 'search-candidates'), (s) => process.stdout.write(`  ${s}\n`));
  }
  const result = {
    date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', memGB: Math.round(totalmem() / 2 ** 30), node: process.version, loadavg: [load0, loadavg()[0]] },
    data: { dir: relative(ROOT, dataDir), ...from },
    index: { build, total, kinds }, queries: node, browser, candidates,
    budget: { firstResultsMs: { desktop: 1000, mobile: 3000 }, brBytesPerQuery: 300 * 1024 },
  };
  writeFileSync(outFile, `${JSON.stringify(result, null, 1)}\n`);
  process.stdout.write(`search bench → ${relative(ROOT, outFile)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-search: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
