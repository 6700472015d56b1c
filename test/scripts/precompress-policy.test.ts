/**
 * The pre-compression policy (scripts/lib/precompress-policy.ts): which files get .br/.gz, and brotli's quality: 11 for
 * shared assets and for the pages of a normal-sized site, 9 with a 16 MB window for files over 4 MB (the DuckDB
 * wasm), 5 (and gzip -6) for pages and records when they add up to more than BULK_BYTES (the 10,000-resolution
 * site).
 */
import { describe, expect, it } from 'vitest';
import { BULK_BYTES, COMPRESSIBLE, LARGE_FILE, brotliPlan, bulkBytesOf } from '../../scripts/lib/precompress-policy.ts';

describe('precompress policy', () => {
  it('compresses the site text and the wasm, not images or Parquet', () => {
    for (const ext of ['.html', '.js', '.css', '.json', '.csv', '.svg', '.wasm', '.txt']) expect(COMPRESSIBLE.has(ext)).toBe(true);
    for (const ext of ['.parquet', '.png', '.br', '.gz', '.docx']) expect(COMPRESSIBLE.has(ext)).toBe(false);
  });

  it('chooses the quality by file size, kind and the size of the site', () => {
    expect(brotliPlan('_astro/duckdb-eh.9ubY-jlA.wasm', 34_242_586, 0)).toEqual({ quality: 9, lgwin: 24, gzipLevel: 9 });
    expect(brotliPlan('_astro/duckdb.Cotd73zA.js', 369_992, 10 * BULK_BYTES)).toEqual({ quality: 11, lgwin: 22, gzipLevel: 9 });
    expect(brotliPlan('resolutions/x/index.html', 96_000, BULK_BYTES)).toEqual({ quality: 11, lgwin: 22, gzipLevel: 9 });
    expect(brotliPlan('resolutions/x/index.html', 96_000, BULK_BYTES + 1)).toEqual({ quality: 5, lgwin: 22, gzipLevel: 6 });
    expect(brotliPlan('data/shared_passages.csv', 590_000_000, BULK_BYTES + 1)).toEqual({ quality: 5, lgwin: 24, gzipLevel: 6 });
    expect(brotliPlan('_astro/duckdb-eh.9ubY-jlA.wasm', 34_242_586, BULK_BYTES + 1)).toEqual({ quality: 9, lgwin: 24, gzipLevel: 9 });
  });

  it('counts only pages and records towards the bulk', () => {
    expect(bulkBytesOf([
      { path: '_astro/duckdb-eh.wasm', size: LARGE_FILE + 1 }, { path: '_astro/a.js', size: 1000 },
      { path: 'index.html', size: 300 }, { path: 'data/site/index.json', size: 200 },
    ])).toBe(500);
  });
});
