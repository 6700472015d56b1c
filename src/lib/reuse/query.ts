/**
 * Questions to the reuse index (reuse-index.ts), each a tight loop over its typed arrays with scratch space reused
 * across calls: which resolutions share weight with one, read best block first under a budget (candidatesOf); how
 * much two share, over blocks for ranking (blockIntersection) or per scope in a fixed order for publishing
 * (pairIntersection); and which of their provisions share a substantive shingle, as seeds for passages
 * (sharedHits). Pure.
 */
import type { ReuseIndex } from './term-index.ts';

/** Scratch space sized to the index, reused across calls so the hot loops allocate nothing. */
export function scratchOf(ix: ReuseIndex) {
  return {
    acc: new Float64Array(ix.n), touched: new Int32Array(ix.n), keys: new Float64Array(ix.n), work: new Float64Array(ix.n), maskOf: new Int32Array(ix.df.length), hasBlock: new Uint8Array(ix.blockRep.length),
    head: new Int32Array(ix.df.length).fill(-1), occ: new Int32Array(3 * 1024),
  };
}
export type Scratch = ReturnType<typeof scratchOf>;

/**
 * Accumulate, in scratch, the weight resolution x shares with every other on the blocks read: s.touched[0 … n)
 * lists the resolutions reached, s.acc their shared weight. Blocks are read rarest first (a shared rare shingle is
 * the strongest sign of copying) until `budget` postings have been read, so the cost per resolution is bounded
 * whatever the corpus size; `complete` says every block was read, and then the shared weights are exact. The caller
 * clears s.acc for the touched resolutions.
 */
export function candidatesOf(ix: ReuseIndex, x: number, budget: number, s: Scratch): { n: number; complete: boolean } {
  const { postings, postStart, blockRep, blockWeight, docBlockList } = ix;
  const { acc, touched } = s;
  const last = ix.docBlockStart[x + 1] ?? 0;
  let n = 0;
  let read = 0;
  let k = ix.docBlockStart[x] ?? 0;
  for (; k < last && read < budget; k++) {
    const blk = docBlockList[k] ?? 0;
    const t = blockRep[blk] ?? 0;
    const w = blockWeight[blk] ?? 0;
    const start = postStart[t] ?? 0;
    const end = postStart[t + 1] ?? 0;
    for (let i = start; i < end; i++) {
      const b = postings[i] ?? 0;
      if (b === x) continue;
      if (acc[b] === 0) touched[n++] = b;
      acc[b] = (acc[b] ?? 0) + w;
    }
    read += end - start;
  }
  return { n, complete: k === last };
}

/** Weight resolutions x and b share (scope 'all'), over blocks: mark x with markBlocks first. */
export function blockIntersection(ix: ReuseIndex, b: number, s: Scratch): number {
  const { docBlockList, blockWeight } = ix;
  const has = s.hasBlock;
  let sum = 0;
  const end = ix.docBlockStart[b + 1] ?? 0;
  for (let i = ix.docBlockStart[b] ?? 0; i < end; i++) {
    const blk = docBlockList[i] ?? 0;
    if (has[blk]) sum += blockWeight[blk] ?? 0;
  }
  return sum;
}

export function markBlocks(ix: ReuseIndex, x: number, s: Scratch, on: boolean): void {
  for (let i = ix.docBlockStart[x] ?? 0; i < (ix.docBlockStart[x + 1] ?? 0); i++) s.hasBlock[ix.docBlockList[i] ?? 0] = on ? 1 : 0;
}

/** Mark (or, with clear, unmark) resolution a's terms with their scope masks in scratch, for pairIntersection. */
export function markDoc(ix: ReuseIndex, a: number, s: Scratch, clear = false): void {
  const terms = ix.docTerms[a] ?? new Int32Array(0);
  const masks = ix.docMasks[a] ?? new Int32Array(0);
  for (let k = 0; k < terms.length; k++) s.maskOf[terms[k] ?? 0] = clear ? 0 : (masks[k] ?? 0);
}

/**
 * Shared weight per scope of resolution x and the resolution marked in scratch (markDoc), summed in the order of x's
 * terms: the published score iterates the first resolution of the pair, so it has one value however it was reached.
 */
export function pairIntersection(ix: ReuseIndex, x: number, s: Scratch): Float64Array {
  const acc = new Float64Array(ix.nScopes);
  const terms = ix.docTerms[x] ?? new Int32Array(0);
  const masks = ix.docMasks[x] ?? new Int32Array(0);
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k] ?? 0;
    const marked = s.maskOf[t] ?? 0;
    const w = ix.weight[t] ?? 0;
    if (marked === 0 || w === 0) continue;
    const common = marked & (masks[k] ?? 0);
    for (let sc = 0; sc < ix.nScopes; sc++) if (common & (1 << sc)) acc[sc] = (acc[sc] ?? 0) + w;
  }
  return acc;
}

/**
 * Seeds for shared passages between resolutions a and b: for each pair of provisions (global numbers ga, gb) that
 * hold a common substantive shingle, the flat list [position in ga, position in gb, …]; keyed ga * G + gb, in
 * ascending key order. b's occurrences are chained per term in scratch (head → occ), so nothing is hashed.
 */
export function sharedHits(ix: ReuseIndex, a: number, b: number, s: Scratch): [number, number[]][] {
  const G = ix.provs.length;
  const [b0, b1] = [ix.provStart[b] ?? 0, ix.provStart[b + 1] ?? 0];
  let o = 0;
  for (let g = b0; g < b1; g++) {
    const terms = ix.provs[g]?.terms ?? new Int32Array(0);
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j] ?? -1;
      if (t < 0) continue;
      if (3 * o + 3 > s.occ.length) {
        const grown = new Int32Array(s.occ.length * 2);
        grown.set(s.occ);
        s.occ = grown;
      }
      s.occ[3 * o] = g - b0;
      s.occ[3 * o + 1] = j;
      s.occ[3 * o + 2] = s.head[t] ?? -1;
      s.head[t] = o++;
    }
  }
  const out: [number, number[]][] = [];
  const perB: (number[] | undefined)[] = new Array(b1 - b0);
  for (let g = ix.provStart[a] ?? 0; g < (ix.provStart[a + 1] ?? 0); g++) {
    const terms = ix.provs[g]?.terms ?? new Int32Array(0);
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i] ?? -1;
      for (let x = t < 0 ? -1 : (s.head[t] ?? -1); x >= 0; x = s.occ[3 * x + 2] ?? -1) {
        const local = s.occ[3 * x] ?? 0;
        (perB[local] ??= []).push(i, s.occ[3 * x + 1] ?? 0);
      }
    }
    for (let local = 0; local < perB.length; local++) {
      const list = perB[local];
      if (!list) continue;
      out.push([g * G + b0 + local, list]);
      perB[local] = undefined;
    }
  }
  for (let g = b0; g < b1; g++) for (const t of ix.provs[g]?.terms ?? []) if (t >= 0) s.head[t] = -1;
  return out;
}
