/**
 * The index behind text reuse: resolutions (as provisions) → every provision shingled, each distinct substantive
 * shingle given a dense term number, per resolution its terms in first-occurrence order with the scopes they occur
 * in, document frequencies, IDF weights, per-scope weight totals, per term the resolutions that hold it, and blocks
 * (terms with identical postings: the shingles of a copied sentence travel together). With dense numbers every hot
 * loop runs over typed arrays (ten thousand resolutions hold some ten million term occurrences), and one index
 * answers what similarity.ts asks: which resolutions could be nearest to one (candidatesOf), how alike two are
 * (blockIntersection, pairIntersection), and which of their provisions share text (sharedHits). Pure.
 */
import { dfThreshold, idf, shingleText, type BoilerplateRule, type ShingledText } from './shingles.ts';

export interface IndexedProvision {
  doc: number;
  id: string;
  sh: ShingledText;
  /** Scopes the provision belongs to; bit 0 is 'all'. */
  mask: number;
  /** Per shingle position: its term, or -1 for a fixed phrase or a shingle at or above the boilerplate df. */
  terms: Int32Array;
}

export interface ReuseIndex {
  n: number;
  provs: IndexedProvision[];
  /** First provision of each resolution, and the number of provisions at the end (resolution order). */
  provStart: Int32Array;
  /** Per resolution: its non-phrase terms in first-occurrence order, and the scope mask of each. */
  docTerms: Int32Array[];
  docMasks: Int32Array[];
  /** Per term: its shingle hash, document frequency and weight (0 when boilerplate by df). */
  termHash: Uint32Array;
  df: Int32Array;
  weight: Float64Array;
  /** Shingle hash → term number, -1 when the corpus has no such (non-phrase) shingle. */
  termOf: (hash: number) => number;
  /** Per resolution × scope: the sum of its term weights (row-major, nScopes per resolution). */
  totals: Float64Array;
  nScopes: number;
  /** Per weighted term, the resolutions holding it, ascending: postings[postStart[t] … postStart[t+1]). */
  postStart: Int32Array;
  postings: Int32Array;
  /** Per block: a representative term and the summed weight; per resolution its blocks, most weight per posting first. */
  blockRep: Int32Array;
  blockWeight: Float64Array;
  /** Blocks of resolution d: docBlockList[docBlockStart[d] … docBlockStart[d+1]) (one array: candidates are read at random). */
  docBlockStart: Int32Array;
  docBlockList: Int32Array;
}

/** Hash → dense number, open addressing over typed arrays: no boxed keys for 32-bit hashes, unlike a Map. */
function hashIds() {
  let keys = new Uint32Array(1 << 12);
  let vals = new Int32Array(1 << 12).fill(-1);
  let size = 0;
  const slot = (h: number) => {
    const mask = keys.length - 1;
    let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    while (vals[i] !== -1 && keys[i] !== h) i = (i + 1) & mask;
    return i;
  };
  const get = (h: number) => vals[slot(h)] ?? -1;
  const add = (h: number): number => {
    let i = slot(h);
    if (vals[i] !== -1) return vals[i] ?? -1;
    if ((size + 1) * 2 > keys.length) {
      const [k0, v0] = [keys, vals];
      keys = new Uint32Array(k0.length * 2);
      vals = new Int32Array(k0.length * 2).fill(-1);
      for (let j = 0; j < k0.length; j++) {
        if (v0[j] === -1) continue;
        const at = slot(k0[j] ?? 0);
        keys[at] = k0[j] ?? 0;
        vals[at] = v0[j] ?? -1;
      }
      i = slot(h);
    }
    keys[i] = h;
    vals[i] = size;
    return size++;
  };
  return { get, add };
}

/** Index resolutions (already sorted, each with its provisions and scope masks) under a boilerplate rule. */
export function indexCorpus(docs: { provisions: { id: string; text: string; mask: number }[] }[], nScopes: number, rule: BoilerplateRule): ReuseIndex {
  const n = docs.length;
  const provs: IndexedProvision[] = [];
  const provStart = new Int32Array(n + 1);
  const ids = hashIds();
  const hashes: number[] = [];
  const dfList: number[] = [];
  const stamp: number[] = [];
  const slot: number[] = [];
  const docTerms: Int32Array[] = [];
  const docMasks: Int32Array[] = [];
  docs.forEach((d, doc) => {
    provStart[doc] = provs.length;
    const terms: number[] = [];
    const masks: number[] = [];
    for (const p of d.provisions) {
      const sh = shingleText(p.text);
      const pt = new Int32Array(sh.hashes.length).fill(-1);
      for (let i = 0; i < sh.hashes.length; i++) {
        if (sh.phrase[i]) continue;
        const h = sh.hashes[i] ?? 0;
        const t = ids.add(h);
        if (t === hashes.length) {
          hashes.push(h);
          dfList.push(0);
          stamp.push(-1);
          slot.push(0);
        }
        pt[i] = t;
        if (stamp[t] !== doc) {
          stamp[t] = doc;
          slot[t] = terms.length;
          terms.push(t);
          masks.push(p.mask);
          dfList[t] = (dfList[t] ?? 0) + 1;
        } else masks[slot[t] ?? 0] = (masks[slot[t] ?? 0] ?? 0) | p.mask;
      }
      provs.push({ doc, id: p.id, sh, mask: p.mask, terms: pt });
    }
    docTerms.push(Int32Array.from(terms));
    docMasks.push(Int32Array.from(masks));
  });
  provStart[n] = provs.length;
  const df = Int32Array.from(dfList);
  const threshold = dfThreshold(n, rule);
  // One weight per document frequency, not one logarithm per term.
  const byDf = Array.from({ length: n + 1 }, (_, k) => (k > 0 && k < threshold ? idf(k, n) : 0));
  const weight = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) weight[t] = byDf[df[t] ?? 0] ?? 0;
  // Shingles that are boilerplate by df are no evidence of copying: their positions are -1 too.
  for (const p of provs) for (let i = 0; i < p.terms.length; i++) if ((p.terms[i] ?? -1) >= 0 && weight[p.terms[i] ?? 0] === 0) p.terms[i] = -1;
  const totals = new Float64Array(n * nScopes);
  const postStart = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) postStart[t + 1] = (postStart[t] ?? 0) + (weight[t] ? (df[t] ?? 0) : 0);
  const postings = new Int32Array(postStart[df.length] ?? 0);
  const fill = postStart.slice(0, df.length);
  docTerms.forEach((terms, doc) => {
    const masks = docMasks[doc] ?? new Int32Array(0);
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k] ?? 0;
      const w = weight[t] ?? 0;
      if (w === 0) continue;
      postings[fill[t] ?? 0] = doc;
      fill[t] = (fill[t] ?? 0) + 1;
      const m = masks[k] ?? 0;
      for (let s = 0; s < nScopes; s++) if (m & (1 << s)) totals[doc * nScopes + s] = (totals[doc * nScopes + s] ?? 0) + w;
    }
  });
  const termOf = (h: number) => ids.get(h);
  return { n, provs, provStart, docTerms, docMasks, termHash: Uint32Array.from(hashes), df, weight, termOf, totals, nScopes, postStart, postings, ...blocksOf(df, weight, postStart, postings, docTerms) };
}

/** Group weighted terms with identical postings (hashed, then compared) and list each resolution's blocks, rarest first. */
function blocksOf(df: Int32Array, weight: Float64Array, postStart: Int32Array, postings: Int32Array, docTerms: Int32Array[]) {
  const blockOf = new Int32Array(df.length).fill(-1);
  const rep: number[] = [];
  const w: number[] = [];
  const byHash = new Map<number, number[]>();
  const same = (t: number, u: number) => {
    const [s, e, v] = [postStart[t] ?? 0, postStart[t + 1] ?? 0, postStart[u] ?? 0];
    if (e - s !== (postStart[u + 1] ?? 0) - v) return false;
    for (let i = 0; i < e - s; i++) if (postings[s + i] !== postings[v + i]) return false;
    return true;
  };
  for (let t = 0; t < df.length; t++) {
    if (!weight[t]) continue;
    let h = 0x811c9dc5;
    for (let i = postStart[t] ?? 0; i < (postStart[t + 1] ?? 0); i++) h = Math.imul(h ^ (postings[i] ?? 0), 0x01000193);
    h >>>= 0;
    const list = byHash.get(h);
    let b = list?.find((x) => same(t, rep[x] ?? 0)) ?? -1;
    if (b < 0) {
      b = rep.length;
      rep.push(t);
      w.push(0);
      if (list) list.push(b);
      else byHash.set(h, [b]);
    }
    blockOf[t] = b;
    w[b] = (w[b] ?? 0) + (weight[t] ?? 0);
  }
  const blockRep = Int32Array.from(rep);
  const stamp = new Int32Array(rep.length).fill(-1);
  const dfOf = (b: number) => df[blockRep[b] ?? 0] ?? 0;
  const yieldOf = (b: number) => (w[b] ?? 0) / Math.max(1, dfOf(b));
  const docBlockStart = new Int32Array(docTerms.length + 1);
  const list: number[] = [];
  docTerms.forEach((terms, doc) => {
    const mine: number[] = [];
    for (const t of terms) {
      const b = blockOf[t] ?? -1;
      if (b >= 0 && stamp[b] !== doc) {
        stamp[b] = doc;
        mine.push(b);
      }
    }
    // Weight per posting, highest first (then block number): the order that learns the most per posting read.
    for (const b of mine.sort((p, q) => yieldOf(q) - yieldOf(p) || p - q)) list.push(b);
    docBlockStart[doc + 1] = list.length;
  });
  return { blockRep, blockWeight: Float64Array.from(w), docBlockStart, docBlockList: Int32Array.from(list) };
}
