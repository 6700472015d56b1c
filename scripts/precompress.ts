/**
 * npm run build runs this after astro build: node scripts/precompress.ts [DIR]
 * Writes FILE.br (brotli) and FILE.gz (gzip) next to every text file and the wasm in the built site (DIR, or
 * $SITE_OUT_DIR, or dist/), so any static host or scripts/lib/serve.ts can send them without compressing on each
 * request. Qualities follow scripts/lib/precompress-policy.ts: brotli q11 for the site's text, q9 for the wasm, q5
 * for the pages and records of a very large site. Files of 256 KB or more are cached by content hash under
 * node_modules/.cache/precompress, so the wasm and the large shared scripts are compressed once per machine.
 * Compression runs on the libuv thread pool, a few files at a time. Stale .br/.gz files whose source is gone are
 * removed. Prints counts, bytes and time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { brotliPlan, bulkBytesOf, COMPRESSIBLE, type BrotliPlan } from './lib/precompress-policy.ts';
import { ROOT } from '../src/node/paths.ts';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const CACHE = join(ROOT, 'node_modules', '.cache', 'precompress');
const CACHE_FROM = 256 * 1024;

function walk(dir: string, out: { path: string; size: number }[] = []): typeof out {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push({ path: p, size: statSync(p).size });
  }
  return out;
}

async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  await writeFile(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

async function compress(buf: Buffer, plan: BrotliPlan): Promise<{ br: Buffer; gz: Buffer; cached: boolean }> {
  const key = buf.length >= CACHE_FROM ? createHash('sha256').update(buf).digest('hex') + `.q${plan.quality}w${plan.lgwin}g${plan.gzipLevel}` : null;
  if (key && existsSync(join(CACHE, `${key}.br`)) && existsSync(join(CACHE, `${key}.gz`))) {
    return { br: await readFile(join(CACHE, `${key}.br`)), gz: await readFile(join(CACHE, `${key}.gz`)), cached: true };
  }
  const [b, g] = await Promise.all([
    br(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: plan.quality, [constants.BROTLI_PARAM_LGWIN]: plan.lgwin, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }),
    gz(buf, { level: plan.gzipLevel }),
  ]);
  if (key) {
    mkdirSync(CACHE, { recursive: true });
    await writeAtomic(join(CACHE, `${key}.br`), b);
    await writeAtomic(join(CACHE, `${key}.gz`), g);
  }
  return { br: b, gz: g, cached: false };
}

export interface PrecompressSummary { files: number; cached: number; bytes: number; brBytes: number; gzBytes: number; ms: number; removed: number; qualities: Record<string, number> }

export async function precompress(dir: string): Promise<PrecompressSummary> {
  const started = performance.now();
  const all = walk(dir);
  let removed = 0;
  for (const f of all) {
    const variant = /\.(br|gz)$/.exec(f.path);
    if (variant && !existsSync(f.path.slice(0, -variant[0].length))) {
      rmSync(f.path);
      removed++;
    }
  }
  const files = all.filter((f) => COMPRESSIBLE.has(extname(f.path)));
  const bulk = bulkBytesOf(files.map((f) => ({ path: relative(dir, f.path), size: f.size })));
  const summary: PrecompressSummary = { files: files.length, cached: 0, bytes: 0, brBytes: 0, gzBytes: 0, ms: 0, removed, qualities: {} };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      const buf = await readFile(f.path);
      const plan = brotliPlan(relative(dir, f.path), buf.length, bulk);
      const out = await compress(buf, plan);
      await writeAtomic(`${f.path}.br`, out.br);
      await writeAtomic(`${f.path}.gz`, out.gz);
      summary.bytes += buf.length;
      summary.brBytes += out.br.length;
      summary.gzBytes += out.gz.length;
      summary.qualities[`q${plan.quality}`] = (summary.qualities[`q${plan.quality}`] ?? 0) + 1;
      if (out.cached) summary.cached++;
    }
  };
  // The zlib calls run on libuv's pool (4 threads by default); a few files in flight keep every core busy.
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism() * 2) }, worker));
  summary.ms = performance.now() - started;
  return summary;
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? process.env.SITE_OUT_DIR ?? join(ROOT, 'dist'));
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing; hint: run \`astro build\` first`);
  const s = await precompress(dir);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const q = Object.entries(s.qualities).map(([k, v]) => `${v} at ${k}`).join(', ');
  process.stdout.write(`precompress: ${s.files} files (${q}; ${s.cached} from cache), ${mb(s.bytes)} → br ${mb(s.brBytes)}, gz ${mb(s.gzBytes)}` +
    `${s.removed ? `, ${s.removed} stale variants removed` : ''} in ${(s.ms / 1000).toFixed(1)} s\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`precompress: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
