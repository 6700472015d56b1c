/**
 * Text reuse as columns of numbers: an indexed corpus and options → the pairs to publish (reuse-topk.ts), each
 * scored per scope, and their shared passages, as typed arrays (resolution and provision numbers, scope, score,
 * counts; a passage as its provision pair, position and character span). Numbers cross a thread boundary without
 * copying, where a million passage objects took seconds to serialise and doubled the memory; similarity.ts turns
 * them into rows with the texts it already holds. Pure.
 */
import { boilerplateMap, maximalRuns } from './shingles.ts';
import { markDoc, pairIntersection, scratchOf, sharedHits } from './query.ts';
import { recallOf, reusePairs } from './top-k.ts';
import { now, round4, type ReuseCorpus, type ReuseOptions, type ReuseStats } from './corpus.ts';

export interface PackedReuse {
  /** Resolution ids in corpus order (sorted), scopes ('all', then codes), first provision of each resolution. */
  ids: string[];
  scopes: string[];
  provStart: Int32Array;
  /** Similarity rows in published order: resolutions a < b, scope number, score, passages within the scope. */
  rows: { a: Int32Array; b: Int32Array; scope: Int32Array; score: Float64Array; n: Int32Array };
  /** Passages in published order: provisions (corpus numbers) of a and b, position from 1, span in a's NFC text. */
  passages: { ga: Int32Array; gb: Int32Array; ord: Int32Array; start: Int32Array; end: Int32Array; words: Int32Array };
  stats: ReuseStats;
}

/** The buffers of a packed result, to transfer rather than copy. */
export function packedBuffers(p: PackedReuse): ArrayBuffer[] {
  return [p.provStart, ...Object.values(p.rows), ...Object.values(p.passages)].map((a) => a.buffer as ArrayBuffer);
}

/** Pairs, rows and passages of an indexed corpus; `started` is when indexing began, for the stats. */
export function comparePacked(c: ReuseCorpus, options: ReuseOptions, started: number): PackedReuse {
  const t1 = now();
  const { pairs, scored, partial } = reusePairs(c.index, options);
  const tr = now();
  const recall = options.topK !== undefined && options.recallSample ? recallOf(c.index, pairs, options.topK, options.recallSample) : null;
  const t2 = now();
  const part = packPairs(c, options, pairs);
  return {
    ...part,
    stats: {
      ...part.stats, pairsScored: scored, partial, recall,
      ms: { ...part.stats.ms, index: t1 - started, candidates: tr - t1, recall: t2 - tr },
    },
  };
}

/**
 * Rows and passages of the given pairs (flat [a, b, …], ascending): what comparePacked does once the pairs are
 * chosen. Pairs can be split by a into runs and packed apart (the data build packs them in chunks, on a thread).
 */
export function packPairs(c: ReuseCorpus, options: ReuseOptions, pairs: ArrayLike<number>): PackedReuse {
  const ix = c.index;
  const S = c.scopes.length;
  const G = ix.provs.length;
  const t2 = now();
  const scratch = scratchOf(ix);
  const rows: number[][] = c.scopes.map(() => []);
  const out: number[] = [];
  const weightOf = (h: number) => ix.weight[ix.termOf(h)] ?? 0;
  const boilerplate: (Uint8Array | undefined)[] = [];
  // Passages of one resolution a are published by its provision first, then b's: gathered per a, then sorted.
  let group: number[][] = [];
  let msPassages = 0;
  const flush = () => {
    group.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0) || (x[2] ?? 0) - (y[2] ?? 0));
    for (const g of group) out.push(...g);
    group = [];
  };
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i] ?? 0;
    const b = pairs[i + 1] ?? 0;
    if (i > 0 && a !== pairs[i - 2]) flush();
    const tp = now();
    const counts = new Array<number>(S).fill(0);
    for (const [key, list] of options.passages === false ? [] : sharedHits(ix, a, b, scratch)) {
      const ga = Math.floor(key / G);
      const gb = key % G;
      const pa = ix.provs[ga];
      const pb = ix.provs[gb];
      if (!pa || !pb) continue;
      const bp = (boilerplate[ga] ??= boilerplateMap(pa.sh, weightOf));
      const t = pa.sh.tokens;
      maximalRuns(t.words, pb.sh.tokens.words, list, bp, c.minWords).forEach(([s, e], k) => {
        group.push([ga, gb, k + 1, t.starts[s] ?? 0, t.ends[e - 1] ?? 0, e - s]);
        for (let sc = 0; sc < S; sc++) if (pa.mask & pb.mask & (1 << sc)) counts[sc] = (counts[sc] ?? 0) + 1;
      });
    }
    msPassages += now() - tp;
    markDoc(ix, b, scratch);
    const inter = pairIntersection(ix, a, scratch);
    markDoc(ix, b, scratch, true);
    for (let s = 0; s < S; s++) {
      const x = inter[s] ?? 0;
      if (x <= 0) continue;
      const union = (ix.totals[a * S + s] ?? 0) + (ix.totals[b * S + s] ?? 0) - x;
      const score = round4(union > 0 ? x / union : 0);
      if (score >= (options.minScore ?? 0)) rows[s]?.push(a, b, s, score, counts[s] ?? 0);
    }
  }
  flush();
  const flat = rows.flat();
  const col = (from: number[], width: number, k: number) => Int32Array.from({ length: from.length / width }, (_, i) => from[i * width + k] ?? 0);
  const packed: PackedReuse = {
    ids: c.ids, scopes: c.scopes, provStart: ix.provStart,
    rows: { a: col(flat, 5, 0), b: col(flat, 5, 1), scope: col(flat, 5, 2), score: Float64Array.from({ length: flat.length / 5 }, (_, i) => flat[i * 5 + 3] ?? 0), n: col(flat, 5, 4) },
    passages: { ga: col(out, 6, 0), gb: col(out, 6, 1), ord: col(out, 6, 2), start: col(out, 6, 3), end: col(out, 6, 4), words: col(out, 6, 5) },
    stats: {
      resolutions: ix.n, provisions: G, terms: ix.df.length, blocks: ix.blockRep.length, pairsScored: 0, partial: 0, pairsKept: pairs.length / 2,
      passages: out.length / 6, recall: null, ms: { index: 0, candidates: 0, recall: 0, rows: now() - t2 - msPassages, passages: msPassages },
    },
  };
  return packed;
}

