/**
 * Which built files get pre-compressed and how hard brotli and gzip work on each: the policy behind
 * scripts/precompress.ts, kept pure so it can be tested and stated. Measured on these machines (200 pages, CSV
 * slices and JSON records of the 1,000-resolution site, 10 MB): brotli q11 0.83 MB at 1,584 ms/MB, q9 0.88 MB at
 * 147 ms/MB, q5 0.91 MB at 19 ms/MB; gzip -9 1.01 MB at 23 ms/MB, -6 1.03 MB at 16 ms/MB. So:
 * - files over 4 MB (the 34 MB DuckDB wasm) get q9 with a 16 MB window: ~7 s instead of ~80 s, 3 % larger
 *   (the large tables of a very large site get q5: q9 on its 900 MB of CSV took over two minutes);
 * - the shared assets under _astro/ (every page's CSS and scripts, content-hashed, cached for ever) get q11;
 * - every other file gets q11 and gzip -9, unless the site's pages and records add up to more than BULK_BYTES
 *   (the 10,000-resolution site has some 5 GB of them: two hours at q11, 12 minutes at q9): then q5 and gzip -6, 9 %
 *   more bytes than q11 for a hundredth of the time.
 * Path and sizes in, brotli parameters out.
 */

/** Extensions that are pre-compressed (text, and the wasm, which brotli shrinks 5.5×). */
export const COMPRESSIBLE: ReadonlySet<string> = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg', '.wasm', '.txt', '.md']);

export const LARGE_FILE = 4 * 1024 * 1024;
/** Above this many bytes of pages and records, q11 on two cores would take over a minute (see above). */
export const BULK_BYTES = 64 * 1024 * 1024;

export interface BrotliPlan {
  quality: number;
  /** gzip level for the .gz beside it. */
  gzipLevel: number;
  /** log2 of the window: 22 (4 MB) is brotli's default; 24 (16 MB) helps files larger than that. */
  lgwin: number;
}

/** True for shared build assets (Vite's content-hashed output). */
export function isAsset(relPath: string): boolean {
  return relPath.replace(/\\/g, '/').startsWith('_astro/');
}

/**
 * The brotli parameters for one file. `bulkBytes` is the size of the site's pages and records: every file that is
 * neither an asset nor a large file (see bulkBytesOf).
 */
export function brotliPlan(relPath: string, size: number, bulkBytes: number): BrotliPlan {
  const bulk = bulkBytes > BULK_BYTES;
  if (size > LARGE_FILE) return isAsset(relPath) || !bulk ? { quality: 9, lgwin: 24, gzipLevel: 9 } : { quality: 5, lgwin: 24, gzipLevel: 6 };
  if (isAsset(relPath) || !bulk) return { quality: 11, lgwin: 22, gzipLevel: 9 };
  return { quality: 5, lgwin: 22, gzipLevel: 6 };
}

/** The bytes that decide between q11 and q9 for pages and records. */
export function bulkBytesOf(files: readonly { path: string; size: number }[]): number {
  return files.reduce((n, f) => (f.size > LARGE_FILE || isAsset(f.path) ? n : n + f.size), 0);
}
