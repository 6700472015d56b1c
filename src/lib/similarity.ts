/**
 * Text reuse between resolutions. Input: resolutions as provisions (id, text, measure codes). Output: similarity of
 * pairs of resolutions, whole and on each measure (IDF-weighted Jaccard over the sets of substantive 5-word
 * shingles, boilerplate left out), and their shared passages (maximal runs of ≥ 8 folded words common to two
 * provisions, printed as written in the first). By default every pair that shares a substantive shingle is given;
 * with topK (the data build uses 10) each resolution keeps only its k most similar, and only those pairs get rows
 * and passages: at ~10,000 recombined texts every pair shares something (tens of millions of pairs), while a
 * reader asks "what is this one closest to". Candidates come from an inverted index read rarest shingle first
 * with a budget of postings per resolution (reuse-index.ts), then are scored exactly, so the work grows with the
 * corpus, not its square; recall of the top k against all pairs is measured in test/reuse-recall.test.ts.
 * nearestResolutions answers the drafters' question (where was this draft copied from) with the same shingles,
 * weights and passages, as if the draft had been added to the corpus.
 */
import {
  blockIntersection, candidatesOf, indexCorpus, markBlocks, markDoc, pairIntersection, scratchOf, sharedHits, type ReuseIndex, type Scratch,
} from './reuse-index.ts';
import { DEFAULT_BOILERPLATE, dfThreshold, idf, maximalRuns, shingleText, type BoilerplateRule, type ShingledText } from './shingles.ts';

// The boilerplate decision is part of this module's contract: callers explain a score with it.
export { BOILERPLATE_PHRASES, boilerplateReason, isBoilerplate } from './shingles.ts';

export interface ReuseProvision { id: string; text: string; measures?: string[] }
export interface ReuseDocument { id: string; provisions: ReuseProvision[] }

/** A row of the similarity table (schema.ts declares the columns). */
export interface SimilarityRow {
  resolution_a: string;
  resolution_b: string;
  /** 'all' for the whole resolutions, or a measure code for the provisions that carry it. */
  scope: string;
  /** IDF-weighted Jaccard of the two sets of substantive shingles, in [0, 1], 4 decimals. */
  score: number;
  n_shared_passages: number;
}

/** A row of the shared_passages table. */
export interface SharedPassage {
  resolution_a: string;
  provision_a: string;
  resolution_b: string;
  provision_b: string;
  /** Position of the passage within the pair of provisions, from 1. */
  ord: number;
  /** The passage as printed in provision_a (NFC), from its first word to its last. */
  text: string;
  n_words: number;
}

export interface ReuseOptions {
  /** Shortest passage reported, in substantive words (default 8). */
  minWords?: number;
  boilerplate?: BoilerplateRule;
  /** Rows scoring below this are left out (default 0); passages of the pairs kept are kept regardless. */
  minScore?: number;
  /** Keep, for each resolution, only its k most similar (scope 'all'); default: every pair sharing a substantive shingle. */
  topK?: number;
  /** With topK: postings read per resolution to find candidates (default 50,000), and candidates then scored exactly (default 20 × topK). */
  budget?: number;
  candidates?: number;
  /** Find shared passages (default true); false gives scores only, with n_shared_passages 0. */
  passages?: boolean;
  /** Receives counts and times (ms) of the stages, for measurement. */
  stats?: (s: ReuseStats) => void;
}

export interface ReuseStats {
  resolutions: number;
  provisions: number;
  terms: number;
  /** Groups of terms with identical postings. */
  blocks: number;
  /** Candidate pairs scored, and resolutions whose candidate search stopped at the budget. */
  pairsScored: number;
  partial: number;
  pairsKept: number;
  passages: number;
  ms: { index: number; candidates: number; rows: number; passages: number };
}

/** Shingles, terms and postings of a set of resolutions: build once, query many drafts. */
export interface ReuseCorpus {
  ids: string[];
  scopes: string[];
  rule: BoilerplateRule;
  minWords: number;
  index: ReuseIndex;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round4 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1e4) / 1e4;
const now = () => globalThis.performance?.now() ?? 0;

/** Shingle and index every provision (resolutions sorted by id); throws on duplicate ids. */
export function buildCorpus(docs: ReuseDocument[], options: ReuseOptions = {}): ReuseCorpus {
  const sorted = [...docs].sort((a, b) => cmp(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new Error(`expected unique resolution ids, found "${sorted[i]?.id}" twice; hint: give each copy its own id`);
  }
  const codes = [...new Set(sorted.flatMap((d) => d.provisions.flatMap((p) => p.measures ?? [])))].sort(cmp);
  if (codes.length > 30) throw new Error(`expected at most 30 measure codes, found ${codes.length}; hint: scopes are kept as 32-bit masks`);
  const bit = new Map(codes.map((c, i) => [c, 1 << (i + 1)]));
  const rule = options.boilerplate ?? DEFAULT_BOILERPLATE;
  const masked = sorted.map((d) => ({ provisions: d.provisions.map((p) => ({ id: p.id, text: p.text, mask: (p.measures ?? []).reduce((m, c) => m | (bit.get(c) ?? 0), 1) })) }));
  const scopes = ['all', ...codes];
  return { ids: sorted.map((d) => d.id), scopes, rule, minWords: options.minWords ?? 8, index: indexCorpus(masked, scopes.length, rule) };
}

/** Per shingle of a text: 1 where it is boilerplate (fixed phrase, or weight 0 under the corpus statistics). */
function boilerplateMap(sh: ShingledText, weight: (h: number) => number): Uint8Array {
  return sh.phrase.map((p, i) => (p || weight(sh.hashes[i] ?? 0) === 0 ? 1 : 0));
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
 * The m entries of s.touched[0 … n) with the largest key (ties: lower resolution number), best first, found by
 * selecting the m-th key rather than sorting all n: a resolution can reach every other.
 */
function best(n: number, key: (b: number) => number, m: number, s: Scratch): number[] {
  const keys = s.keys.subarray(0, n);
  for (let i = 0; i < n; i++) keys[i] = key(s.touched[i] ?? 0);
  const work = s.work.subarray(0, n);
  work.set(keys);
  const cut = n > m ? kthLargest(work, n, m - 1) : -Infinity;
  const above: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = keys[i] ?? 0;
    if (k > cut) above.push(i);
    else if (k === cut) tied.push(i);
  }
  const doc = (i: number) => s.touched[i] ?? 0;
  tied.sort((a, b) => doc(a) - doc(b));
  const chosen = [...above, ...tied.slice(0, Math.max(0, m - above.length))];
  return chosen.sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || doc(a) - doc(b)).map(doc);
}

/** The pairs to publish, [a, b] with a < b, ascending: all that share a weighted term, or each resolution's top k. */
function pairsOf(ix: ReuseIndex, options: ReuseOptions): { pairs: number[]; scored: number; partial: number } {
  const s = scratchOf(ix);
  const k = options.topK ?? Infinity;
  const out: number[] = [];
  const total = (d: number) => ix.totals[d * ix.nScopes] ?? 0;
  const jaccard = (x: number, b: number, inter: number) => {
    const union = total(x) + total(b) - inter;
    return round4(union > 0 ? inter / union : 0);
  };
  let scored = 0;
  let partial = 0;
  const keep = new Set<number>();
  for (let x = 0; x < ix.n; x++) {
    const { n, complete } = candidatesOf(ix, x, k === Infinity ? Infinity : (options.budget ?? 50_000), s);
    if (k === Infinity) {
      for (const b of Array.from(s.touched.subarray(0, n)).sort((p, q) => p - q)) if (b > x) out.push(x, b);
    } else if (complete) {
      // Every block was read: the shared weights are exact, so they rank the candidates directly, kept best k so far.
      const top: { b: number; score: number }[] = [];
      for (let i = 0; i < n; i++) {
        const b = s.touched[i] ?? 0;
        const score = jaccard(x, b, s.acc[b] ?? 0);
        const last = top[top.length - 1];
        if (top.length === k && last && (score < last.score || (score === last.score && b > last.b))) continue;
        let at = top.length;
        while (at > 0 && ((top[at - 1]?.score ?? 0) < score || ((top[at - 1]?.score ?? 0) === score && (top[at - 1]?.b ?? 0) > b))) at--;
        top.splice(at, 0, { b, score });
        if (top.length > k) top.pop();
      }
      for (const { b } of top) keep.add(Math.min(x, b) * ix.n + Math.max(x, b));
      scored += n;
    } else {
      // The budget ran out: the most promising candidates by the weight seen so far are scored exactly.
      partial++;
      const pool = best(n, (b) => s.acc[b] ?? 0, options.candidates ?? 20 * k, s);
      markBlocks(ix, x, s, true);
      const exact = new Map(pool.map((b) => [b, jaccard(x, b, blockIntersection(ix, b, s))]));
      markBlocks(ix, x, s, false);
      const ranked = pool.sort((p, q) => (exact.get(q) ?? 0) - (exact.get(p) ?? 0) || p - q).slice(0, k);
      for (const b of ranked) keep.add(Math.min(x, b) * ix.n + Math.max(x, b));
      scored += pool.length;
    }
    for (let i = 0; i < n; i++) s.acc[s.touched[i] ?? 0] = 0;
  }
  if (k === Infinity) return { pairs: out, scored: out.length / 2, partial };
  for (const key of [...keep].sort((p, q) => p - q)) out.push(Math.floor(key / ix.n), key % ix.n);
  return { pairs: out, scored, partial };
}

/**
 * Similarity (whole and per measure) and shared passages of a set of resolutions, sorted: rows by scope ('all'
 * first), then a, b; passages by a, its provision, b, its provision, position. Each pair once, a < b by id.
 */
export function compareResolutions(docs: ReuseDocument[], options: ReuseOptions = {}): { similarity: SimilarityRow[]; passages: SharedPassage[] } {
  const t0 = now();
  const c = buildCorpus(docs, options);
  const ix = c.index;
  const S = c.scopes.length;
  const G = ix.provs.length;
  const t1 = now();
  const { pairs, scored, partial } = pairsOf(ix, options);
  const t2 = now();
  const scratch = scratchOf(ix);
  const rows: SimilarityRow[][] = c.scopes.map(() => []);
  const passages: SharedPassage[] = [];
  const weightOf = (h: number) => ix.weight[ix.termOf(h)] ?? 0;
  const boilerplate: (Uint8Array | undefined)[] = [];
  let group: { key: number; ord: number; p: SharedPassage }[] = [];
  let msPassages = 0;
  const flush = () => {
    group.sort((x, y) => x.key - y.key || x.ord - y.ord);
    for (const g of group) passages.push(g.p);
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
      const pa = ix.provs[ga];
      const pb = ix.provs[key % G];
      if (!pa || !pb) continue;
      const bp = (boilerplate[ga] ??= boilerplateMap(pa.sh, weightOf));
      maximalRuns(pa.sh.tokens.words, pb.sh.tokens.words, list, bp, c.minWords).forEach(([s, e], k) => {
        const t = pa.sh.tokens;
        // Passages of one resolution a are ordered by its provision first, then b's: keys sort them after the pairs.
        group.push({ key, ord: k, p: { resolution_a: c.ids[a] ?? '', provision_a: pa.id, resolution_b: c.ids[b] ?? '', provision_b: pb.id, ord: k + 1, text: t.text.slice(t.starts[s], t.ends[e - 1]), n_words: e - s } });
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
      if (score < (options.minScore ?? 0)) continue;
      rows[s]?.push({ resolution_a: c.ids[a] ?? '', resolution_b: c.ids[b] ?? '', scope: c.scopes[s] ?? '', score, n_shared_passages: counts[s] ?? 0 });
    }
  }
  flush();
  const t3 = now();
  options.stats?.({
    resolutions: ix.n, provisions: G, terms: ix.df.length, blocks: ix.blockRep.length, pairsScored: scored, partial, pairsKept: pairs.length / 2, passages: passages.length,
    ms: { index: t1 - t0, candidates: t2 - t1, rows: t3 - t2 - msPassages, passages: msPassages },
  });
  return { similarity: rows.flat(), passages };
}

export interface NearestResolution {
  id: string;
  /** Weighted Jaccard, as compareResolutions gives it with the draft added to the corpus. */
  score: number;
  /** Share of the draft's substantive shingle weight also found in this resolution: how much was taken from it. */
  containment: number;
  shared_passages: { draft_provision: string; source_provision: string; text: string; n_words: number }[];
}

/**
 * The k resolutions a draft's text is closest to, best first (score, then containment, then id), with the
 * passages it shares with each. Pass a corpus from buildCorpus to query many drafts; the statistics count the
 * draft as one more document, as compareResolutions would, without changing the corpus. Only resolutions that
 * share a substantive shingle with the draft are listed, so fewer than k may come back.
 */
export function nearestResolutions(draft: { provisions: ReuseProvision[] }, docs: ReuseDocument[] | ReuseCorpus, k = 5): NearestResolution[] {
  const c = Array.isArray(docs) ? buildCorpus(docs) : docs;
  const ix = c.index;
  const N = ix.n + 1;
  const G = ix.provs.length;
  const threshold = dfThreshold(N, c.rule);
  const provs = draft.provisions.map((p) => ({ id: p.id, sh: shingleText(p.text) }));
  const own = new Set<number>();
  for (const p of provs) p.sh.hashes.forEach((h, i) => { if (!p.sh.phrase[i]) own.add(h); });
  const dfOf = (h: number) => (ix.df[ix.termOf(h)] ?? 0) + (own.has(h) ? 1 : 0);
  const weight = (h: number) => (dfOf(h) < threshold ? idf(dfOf(h), N) : 0);
  let wDraft = 0;
  const inter = new Map<number, number>();
  for (const h of own) {
    const w = weight(h);
    wDraft += w;
    // A shingle boilerplate among the corpus alone stays so with the draft added (the threshold grows by < 1).
    const t = ix.termOf(h);
    if (w === 0 || t < 0 || !ix.weight[t]) continue;
    for (let i = ix.postStart[t] ?? 0; i < (ix.postStart[t + 1] ?? 0); i++) inter.set(ix.postings[i] ?? 0, (inter.get(ix.postings[i] ?? 0) ?? 0) + w);
  }
  const totalOf = (d: number) => {
    let sum = 0;
    for (const t of ix.docTerms[d] ?? []) sum += weight(ix.termHash[t] ?? 0);
    return sum;
  };
  const ranked = [...inter].map(([d, x]) => {
    const union = wDraft + totalOf(d) - x;
    return { d, id: c.ids[d] ?? '', score: round4(union > 0 ? x / union : 0), containment: round4(wDraft > 0 ? x / wDraft : 0) };
  });
  ranked.sort((a, b) => b.score - a.score || b.containment - a.containment || cmp(a.id, b.id));
  const top = ranked.slice(0, k);
  const rank = new Map(top.map((r, i) => [r.d, i]));
  const out: NearestResolution[] = top.map(({ id, score, containment }) => ({ id, score, containment, shared_passages: [] }));

  const occurrences = new Map<number, number[]>();
  for (const { d } of top) {
    for (let g = ix.provStart[d] ?? 0; g < (ix.provStart[d + 1] ?? 0); g++) {
      ix.provs[g]?.terms.forEach((t, j) => {
        if (t < 0) return;
        const list = occurrences.get(t);
        if (list) list.push(g, j);
        else occurrences.set(t, [g, j]);
      });
    }
  }
  const hits = new Map<number, number[]>();
  provs.forEach((p, q) => p.sh.hashes.forEach((h, i) => {
    const occ = p.sh.phrase[i] || weight(h) === 0 ? undefined : occurrences.get(ix.termOf(h));
    for (let x = 0; occ && x < occ.length; x += 2) {
      const key = q * G + (occ[x] ?? 0);
      const list = hits.get(key);
      if (list) list.push(i, occ[x + 1] ?? 0);
      else hits.set(key, [i, occ[x + 1] ?? 0]);
    }
  }));
  for (const [key, list] of [...hits].sort((x, y) => x[0] - y[0])) {
    const p = provs[Math.floor(key / G)];
    const src = ix.provs[key % G];
    const r = src ? out[rank.get(src.doc) ?? -1] : undefined;
    if (!p || !src || !r) continue;
    for (const [s, e] of maximalRuns(p.sh.tokens.words, src.sh.tokens.words, list, boilerplateMap(p.sh, weight), c.minWords)) {
      const t = p.sh.tokens;
      r.shared_passages.push({ draft_provision: p.id, source_provision: src.id, text: t.text.slice(t.starts[s], t.ends[e - 1]), n_words: e - s });
    }
  }
  return out;
}
