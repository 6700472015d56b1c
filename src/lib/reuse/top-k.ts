/**
 * Which pairs of resolutions text reuse publishes: every pair that shares a substantive shingle (small corpora,
 * tests), or the union of each resolution's k most similar (the data build). For the top k, each resolution's
 * candidates come from the index read best block first under a budget of postings (reuse-query.ts); when every
 * block was read the shared weights are exact and rank the candidates directly, otherwise the most promising
 * candidates (by the Jaccard the weight seen so far gives) are scored exactly over blocks. recallOf measures what
 * the budget costs: for a sample of resolutions, the share of their exact top k that the published pairs keep.
 * Scores here are for ranking; similarity.ts computes the published ones. Pure; input: the index, output: numbers.
 */
import type { ReuseIndex } from './term-index.ts';
import { blockIntersection, candidatesOf, markBlocks, scratchOf, type Scratch } from './query.ts';

export interface TopKOptions {
  /** k; Infinity (default) keeps every pair that shares a substantive shingle. */
  topK?: number;
  /** Postings read per resolution before candidates are chosen (default 20,000). */
  budget?: number;
  /** Candidates scored exactly when the budget ran out (default 20 × k). */
  candidates?: number;
}

/** Weighted Jaccard (scope 'all') of x and b from what they share, rounded as published. */
function jaccardOf(ix: ReuseIndex) {
  const total = (d: number) => ix.totals[d * ix.nScopes] ?? 0;
  return (x: number, b: number, inter: number) => {
    const union = total(x) + total(b) - inter;
    return Math.round(Math.min(1, Math.max(0, union > 0 ? inter / union : 0)) * 1e4) / 1e4;
  };
}

/** The value of rank `want` (0 = largest) among keys[0 … n), by quickselect; reorders keys. */
function kthLargest(keys: Float64Array, n: number, want: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = keys[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((keys[i] ?? 0) > pivot) i++;
      while ((keys[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = keys[i] ?? 0;
        keys[i++] = keys[j] ?? 0;
        keys[j--] = t;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else break;
  }
  return keys[want] ?? 0;
}

/**
 * The m entries of s.touched[0 … n) with the largest key in s.keys (ties: lower resolution number), in no particular
 * order, found by selecting the m-th key rather than sorting all n: a resolution can reach every other.
 */
function best(n: number, m: number, s: Scratch): number[] {
  const work = s.work.subarray(0, n);
  work.set(s.keys.subarray(0, n));
  const cut = n > m ? kthLargest(work, n, m - 1) : -Infinity;
  const above: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = s.keys[i] ?? 0;
    if (k > cut) above.push(s.touched[i] ?? 0);
    else if (k === cut) tied.push(s.touched[i] ?? 0);
  }
  tied.sort((a, b) => a - b);
  return [...above, ...tied.slice(0, Math.max(0, m - above.length))];
}

/** The k best offered (score descending, then resolution number), kept sorted in place: k is small. */
function topKeeper(k: number) {
  const docs = new Int32Array(k);
  const scores = new Float64Array(k);
  let size = 0;
  const worse = (i: number, b: number, score: number) => (scores[i] ?? 0) < score || ((scores[i] ?? 0) === score && (docs[i] ?? 0) > b);
  return {
    reset: () => void (size = 0),
    offer(b: number, score: number) {
      if (size === k && !worse(k - 1, b, score)) return;
      let at = Math.min(size, k - 1);
      for (; at > 0 && worse(at - 1, b, score); at--) {
        scores[at] = scores[at - 1] ?? 0;
        docs[at] = docs[at - 1] ?? 0;
      }
      scores[at] = score;
      docs[at] = b;
      size = Math.min(size + 1, k);
    },
    docs: () => Array.from(docs.subarray(0, size)),
  };
}

/** Resolution x's k most similar among its candidates in scratch (candidatesOf just ran); clears the scratch. */
function topOf(ix: ReuseIndex, x: number, n: number, complete: boolean, k: number, pool: number, s: Scratch, keeper: ReturnType<typeof topKeeper>): number {
  const jaccard = jaccardOf(ix);
  keeper.reset();
  let scored = n;
  if (complete) {
    // Every block was read: the shared weights are exact, so they rank the candidates directly.
    for (let i = 0; i < n; i++) keeper.offer(s.touched[i] ?? 0, jaccard(x, s.touched[i] ?? 0, s.acc[s.touched[i] ?? 0] ?? 0));
  } else {
    // Ranked by the Jaccard the weight seen so far would give (a resolution's size counts, not only what it shares),
    // the best `pool` are scored exactly.
    for (let i = 0; i < n; i++) s.keys[i] = jaccard(x, s.touched[i] ?? 0, s.acc[s.touched[i] ?? 0] ?? 0);
    const chosen = best(n, pool, s);
    markBlocks(ix, x, s, true);
    for (const b of chosen) keeper.offer(b, jaccard(x, b, blockIntersection(ix, b, s)));
    markBlocks(ix, x, s, false);
    scored = chosen.length;
  }
  for (let i = 0; i < n; i++) s.acc[s.touched[i] ?? 0] = 0;
  return scored;
}

/**
 * Keys (a·n + b, a < b) of the pairs that resolutions lo … hi − 1 bring: their top k, or with k infinite every later
 * resolution they share a shingle with. The union over ranges covering 0 … n − 1 is reusePairs' set, so ranges can
 * be computed apart (on threads) and merged with pairsOfKeys.
 */
export function topKKeys(ix: ReuseIndex, options: TopKOptions, lo = 0, hi = ix.n): { keys: number[]; scored: number; partial: number } {
  const s = scratchOf(ix);
  const k = options.topK ?? Infinity;
  const keys: number[] = [];
  if (k === Infinity) {
    for (let x = lo; x < hi; x++) {
      const { n } = candidatesOf(ix, x, Infinity, s);
      for (let i = 0; i < n; i++) {
        const b = s.touched[i] ?? 0;
        s.acc[b] = 0;
        if (b > x) keys.push(x * ix.n + b);
      }
    }
    return { keys, scored: keys.length, partial: 0 };
  }
  const keeper = topKeeper(k);
  let scored = 0;
  let partial = 0;
  for (let x = lo; x < hi; x++) {
    const { n, complete } = candidatesOf(ix, x, options.budget ?? 20_000, s);
    if (!complete) partial++;
    scored += topOf(ix, x, n, complete, k, options.candidates ?? 20 * k, s, keeper);
    for (const b of keeper.docs()) keys.push(Math.min(x, b) * ix.n + Math.max(x, b));
  }
  return { keys, scored, partial };
}

/** Pair keys (any order, repeats allowed) → flat [a, b, …], each pair once, ascending. */
export function pairsOfKeys(keys: Iterable<number>, n: number): number[] {
  const out: number[] = [];
  for (const key of Float64Array.from(new Set(keys)).sort()) out.push(Math.floor(key / n), key % n);
  return out;
}

/** The pairs to publish, flat [a, b, …] with a < b, ascending; with counts of candidates scored and budgets hit. */
export function reusePairs(ix: ReuseIndex, options: TopKOptions): { pairs: number[]; scored: number; partial: number } {
  const { keys, scored, partial } = topKKeys(ix, options);
  return { pairs: pairsOfKeys(keys, ix.n), scored, partial };
}

/**
 * Recall of the published pairs against the exact top k, on `sample` resolutions spread evenly over the corpus:
 * for each, its exact k most similar (every block read) and the k best among the pairs published for it; recall is
 * the share of the exact ones found, summed over the sample.
 */
export function recallOf(ix: ReuseIndex, pairs: number[], k: number, sample: number): { sample: number; recall: number } {
  const s = scratchOf(ix);
  const chosen = [...new Set(Array.from({ length: Math.min(sample, ix.n) }, (_, i) => Math.floor((i * ix.n) / Math.min(sample, ix.n))))];
  const partners = new Map<number, number[]>(chosen.map((x) => [x, []]));
  for (let i = 0; i < pairs.length; i += 2) {
    partners.get(pairs[i] ?? 0)?.push(pairs[i + 1] ?? 0);
    partners.get(pairs[i + 1] ?? 0)?.push(pairs[i] ?? 0);
  }
  const jaccard = jaccardOf(ix);
  const keeper = topKeeper(k);
  let found = 0;
  let wanted = 0;
  for (const x of chosen) {
    const { n } = candidatesOf(ix, x, Infinity, s);
    const everyone = Array.from(s.touched.subarray(0, n));
    for (const b of everyone) s.acc[b] = 0;
    // Both lists are ranked with the same exact function, so only what was published can differ.
    markBlocks(ix, x, s, true);
    keeper.reset();
    for (const b of everyone) keeper.offer(b, jaccard(x, b, blockIntersection(ix, b, s)));
    const exact = keeper.docs();
    keeper.reset();
    for (const b of partners.get(x) ?? []) keeper.offer(b, jaccard(x, b, blockIntersection(ix, b, s)));
    const published = new Set(keeper.docs());
    markBlocks(ix, x, s, false);
    wanted += exact.length;
    found += exact.filter((b) => published.has(b)).length;
  }
  return { sample: chosen.length, recall: wanted ? found / wanted : 1 };
}
