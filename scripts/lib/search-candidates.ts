/**
 * The three index libraries considered for /search/, measured on the same published provisions (a data directory,
 * e.g. the 10,000-resolution synthetic build) for scripts/bench-search.ts --candidates. Each indexes the provisions'
 * folded words (tokens.ts, so all three see what our own index sees) the way its documentation shows:
 * - MiniSearch 7: one index serialised with JSON.stringify (loadJSON in the browser needs all of it);
 * - FlexSearch 0.8: one Index with context (word pairs, for phrases), written with export(): keyed chunks, not
 *   routed by term, so a query has to import all of them;
 * - Pagefind 1.6: one record per resolution (its Node API; 350,000 records would make its page list, loaded by
 *   every search, several MB), written with its own term-range chunks; a query loads the entry file, the page
 *   metadata, its wasm and one chunk per term, then fragments of the results shown.
 * For each: build time, total bytes (raw and brotli; Pagefind's files are gzip already) and the bytes one query
 * must fetch. Memory heavy (MiniSearch and FlexSearch hold 350,000 documents); run on its own.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { tokenize } from '../../src/lib/text/tokens.ts';
import { provisionText } from '../../src/lib/search/indexer.ts';
import { readTableFrom } from '../../src/node/published.ts';

const br = (s: string | Buffer) => brotliCompressSync(typeof s === 'string' ? Buffer.from(s) : s, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 24 } }).length;

function files(dir: string, out: { path: string; size: number }[] = []): typeof out {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else out.push({ path: p, size: statSync(p).size });
  }
  return out;
}

export async function measureCandidates(dataDir: string, workDir: string, log: (s: string) => void) {
  const provisions = readTableFrom(dataDir, 'provisions');
  const resolutions = readTableFrom(dataDir, 'resolutions');
  const docs = provisions.map((p) => tokenize(provisionText(p)).words.join(' '));
  log(`candidates: ${docs.length} provisions, ${resolutions.length} resolutions`);
  const out: Record<string, unknown> = {};

  {
    const { default: MiniSearch } = await import('minisearch');
    const t0 = performance.now();
    const ms = new MiniSearch<{ i: number; t: string }>({ idField: 'i', fields: ['t'], tokenize: (s) => s.split(' '), processTerm: (t) => t });
    for (let i = 0; i < docs.length; i += 10_000) ms.addAll(docs.slice(i, i + 10_000).map((t, k) => ({ i: i + k, t })));
    const buildMs = performance.now() - t0;
    const json = JSON.stringify(ms);
    const q0 = performance.now();
    const hits = ms.search('dan', { combineWith: 'AND' }).length;
    const queryMs = performance.now() - q0;
    const brBytes = br(json);
    out.minisearch = { buildMs: Math.round(buildMs), rawBytes: json.length, brBytes, perQueryBrBytes: brBytes, queryMs: Math.round(queryMs), hitsDan: hits, note: 'one JSON: loadJSON needs all of it before the first query' };
    log(`minisearch: ${(json.length / 1e6).toFixed(1)} MB raw, ${(brBytes / 1e6).toFixed(1)} MB br, build ${(buildMs / 1000).toFixed(1)} s, query "dan" ${Math.round(queryMs)} ms`);
  }

  {
    const { Index } = await import('flexsearch');
    const t0 = performance.now();
    const index = new Index({ tokenize: 'strict', encode: (s: string) => s.split(' '), context: { depth: 1, bidirectional: false, resolution: 3 } });
    docs.forEach((t, i) => index.add(i, t));
    const buildMs = performance.now() - t0;
    const chunks: { key: string; raw: number; br: number }[] = [];
    await index.export((key: string, data: unknown) => {
      const s = typeof data === 'string' ? data : JSON.stringify(data ?? null);
      chunks.push({ key: String(key), raw: s.length, br: br(s) });
    });
    const q0 = performance.now();
    const hits = (index.search('dan', { limit: 1_000_000 }) as unknown[]).length;
    const queryMs = performance.now() - q0;
    const rawBytes = chunks.reduce((n, c) => n + c.raw, 0);
    const brBytes = chunks.reduce((n, c) => n + c.br, 0);
    const search = chunks.filter((c) => !/reg/.test(c.key));
    out.flexsearch = {
      buildMs: Math.round(buildMs), rawBytes, brBytes, chunks: chunks.length, largestChunkBr: Math.max(...chunks.map((c) => c.br)),
      perQueryBrBytes: search.reduce((n, c) => n + c.br, 0), queryMs: Math.round(queryMs), hitsDan: hits,
      note: 'export() chunks are cut by count, not by term: a query imports every map and ctx chunk (the registry left out)',
    };
    log(`flexsearch: ${chunks.length} chunks, ${(rawBytes / 1e6).toFixed(1)} MB raw, ${(brBytes / 1e6).toFixed(1)} MB br, build ${(buildMs / 1000).toFixed(1)} s, query "dan" ${Math.round(queryMs)} ms`);
  }

  {
    const pagefind = await import('pagefind');
    const dir = join(workDir, 'pagefind');
    rmSync(dir, { recursive: true, force: true });
    const t0 = performance.now();
    const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index) throw new Error('pagefind: no index');
    const byRes = new Map<string, string[]>();
    provisions.forEach((p, i) => {
      const l = byRes.get(p.resolution_id) ?? [];
      l.push(docs[i]!);
      byRes.set(p.resolution_id, l);
    });
    for (const r of resolutions) {
      await index.addCustomRecord({ url: `/resolutions/${r.id}/`, content: (byRes.get(r.id) ?? []).join('\n'), language: 'vi', meta: { title: r.title }, filters: { level: [r.level] } });
    }
    await index.writeFiles({ outputPath: dir });
    const buildMs = performance.now() - t0;
    await pagefind.close();
    const all = files(dir);
    const of = (re: RegExp) => all.filter((f) => re.test(relative(dir, f.path)));
    const sum = (xs: { size: number }[]) => xs.reduce((n, f) => n + f.size, 0);
    const idx = of(/\.pf_index$/);
    const frags = of(/\.pf_fragment$/);
    const fixed = sum(of(/pagefind-entry\.json$|\.pf_meta$|pagefind\.js$|wasm\.unknown\.pagefind$|wasm\.vi\.pagefind$/)) + sum(of(/\.pf_filter$/));
    const largest = Math.max(...idx.map((f) => f.size));
    out.pagefind = {
      buildMs: Math.round(buildMs), files: all.length, bytes: sum(all), indexChunks: idx.length, indexBytes: sum(idx), largestIndexChunk: largest,
      metaBytes: sum(of(/\.pf_meta$/)), fragments: frags.length, fragmentBytes: sum(frags), fixedPerQuery: fixed,
      perQueryBrBytes: fixed + largest + 5 * Math.round(sum(frags) / Math.max(1, frags.length)),
      note: 'estimate: entry, page metadata, wasm and filters + the largest term chunk + 5 result fragments (files are gzip already); one record per resolution, so a hit is a resolution, not a provision',
    };
    log(`pagefind: ${all.length} files, ${(sum(all) / 1e6).toFixed(1)} MB, ${idx.length} index chunks (largest ${(largest / 1024).toFixed(0)} KB), meta ${(sum(of(/\.pf_meta$/)) / 1024).toFixed(0)} KB, build ${(buildMs / 1000).toFixed(1)} s`);
  }
  if (existsSync(workDir)) rmSync(join(workDir, 'pagefind'), { recursive: true, force: true });
  return out;
}
