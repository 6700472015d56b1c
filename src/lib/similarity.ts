/**
 * Text reuse between resolutions. Input: resolutions as provisions (id, text, measure codes). Output: pairwise
 * similarity of whole resolutions and of their provisions on each measure (IDF-weighted Jaccard over the sets of
 * substantive 5-word shingles, boilerplate left out), and the shared passages (maximal runs of ≥ 8 folded words
 * common to two provisions of different resolutions, printed as written in the first). Built for a corpus of
 * ~10,000 resolutions: an inverted index from shingle hash to postings means only provisions that share a
 * substantive shingle are ever compared. nearestResolutions answers the drafters' question (where was this draft
 * copied from) with the same shingles, weights and passages, as if the draft had been added to the corpus.
 */
import {
  DEFAULT_BOILERPLATE, dfThreshold, idf, maximalRuns, shingleText, type BoilerplateRule, type ShingledText,
} from './shingles.ts';

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
  /**
   * Rows scoring below this are left out (default 0: every pair sharing a substantive shingle). At ~10,000
   * resolutions one shared shingle links most pairs, so a build sets e.g. 0.01 to keep the table proportional to
   * real reuse; passages are kept regardless.
   */
  minScore?: number;
}

/** A provision in a corpus: its resolution's index, shingles and scope mask. */
export interface CorpusProvision { doc: number; id: string; sh: ShingledText; mask: number }

/** Shingles, document frequencies and postings of a set of resolutions: build once, query many drafts. */
export interface ReuseCorpus {
  ids: string[];
  provs: CorpusProvision[];
  /** Per resolution: shingle hash (fixed phrases left out) → bit mask of the scopes it occurs in; bit 0 is 'all'. */
  docSets: Map<number, number>[];
  df: Map<number, number>;
  /** Hash → flat [provision index, word position, …] for shingles that are not boilerplate in this corpus. */
  index: Map<number, number[]>;
  scopes: string[];
  rule: BoilerplateRule;
  minWords: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round4 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1e4) / 1e4;

/** Shingle every provision (resolutions sorted by id) and index the substantive shingles; throws on duplicate ids. */
export function buildCorpus(docs: ReuseDocument[], options: ReuseOptions = {}): ReuseCorpus {
  const sorted = [...docs].sort((a, b) => cmp(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new Error(`expected unique resolution ids, found "${sorted[i]?.id}" twice; hint: give each copy its own id`);
  }
  const codes = [...new Set(sorted.flatMap((d) => d.provisions.flatMap((p) => p.measures ?? [])))].sort(cmp);
  if (codes.length > 30) throw new Error(`expected at most 30 measure codes, found ${codes.length}; hint: scopes are kept as 32-bit masks`);
  const bit = new Map(codes.map((c, i) => [c, 1 << (i + 1)]));
  const provs: CorpusProvision[] = [];
  const docSets = sorted.map((d, doc) => {
    const set = new Map<number, number>();
    for (const p of d.provisions) {
      const mask = (p.measures ?? []).reduce((m, c) => m | (bit.get(c) ?? 0), 1);
      const sh = shingleText(p.text);
      provs.push({ doc, id: p.id, sh, mask });
      sh.hashes.forEach((h, i) => { if (!sh.phrase[i]) set.set(h, (set.get(h) ?? 0) | mask); });
    }
    return set;
  });
  const df = new Map<number, number>();
  for (const set of docSets) for (const h of set.keys()) df.set(h, (df.get(h) ?? 0) + 1);
  const rule = options.boilerplate ?? DEFAULT_BOILERPLATE;
  const threshold = dfThreshold(sorted.length, rule);
  const index = new Map<number, number[]>();
  provs.forEach((p, g) => p.sh.hashes.forEach((h, i) => {
    if (p.sh.phrase[i] || (df.get(h) ?? 0) >= threshold) return;
    const list = index.get(h);
    if (list) list.push(g, i);
    else index.set(h, [g, i]);
  }));
  return { ids: sorted.map((d) => d.id), provs, docSets, df, index, scopes: ['all', ...codes], rule, minWords: options.minWords ?? 8 };
}

/** Per shingle of a text: 1 where it is boilerplate (fixed phrase, or weight 0 under the corpus statistics). */
function boilerplateMap(sh: ShingledText, weight: (h: number) => number): Uint8Array {
  return sh.phrase.map((p, i) => (p || weight(sh.hashes[i] ?? 0) === 0 ? 1 : 0));
}

/** Sum of shingle weights per scope for one resolution; boilerplate weighs 0. */
function totals(set: Map<number, number>, weight: (h: number) => number, nScopes: number): Float64Array {
  const w = new Float64Array(nScopes);
  for (const [h, mask] of set) {
    const x = weight(h);
    if (x > 0) for (let s = 0; s < nScopes; s++) if (mask & (1 << s)) w[s] = (w[s] ?? 0) + x;
  }
  return w;
}

function push(map: Map<number, number[]>, key: number, a: number, b: number) {
  const list = map.get(key);
  if (list) list.push(a, b);
  else map.set(key, [a, b]);
}

/**
 * Pairwise similarity (whole and per measure) and shared passages of a set of resolutions, sorted. Each
 * resolution in turn queries the index for the later ones it shares substantive shingles with, so the work
 * follows the text actually shared, never N² pairs, and memory holds one resolution's hits at a time.
 */
export function compareResolutions(docs: ReuseDocument[], options: ReuseOptions = {}): { similarity: SimilarityRow[]; passages: SharedPassage[] } {
  const c = buildCorpus(docs, options);
  const N = c.ids.length;
  const S = c.scopes.length;
  const G = c.provs.length;
  const threshold = dfThreshold(N, c.rule);
  // One weight per document frequency, not one logarithm per lookup.
  const byDf = Array.from({ length: N + 1 }, (_, df) => (df > 0 && df < threshold ? idf(df, N) : 0));
  const weight = (h: number) => byDf[c.df.get(h) ?? 0] ?? 0;
  const boilerplate: (Uint8Array | undefined)[] = [];
  const W = c.docSets.map((set) => totals(set, weight, S));
  const rows: SimilarityRow[][] = c.scopes.map(() => []);
  const passages: SharedPassage[] = [];
  let g0 = 0;
  for (let a = 0; a < N; a++) {
    const inter = new Map<number, Float64Array>();
    for (const [h, maskA] of c.docSets[a] ?? []) {
      const post = c.index.get(h);
      const w = weight(h);
      // Postings follow provision order, and provisions resolution order: a resolution's postings are adjacent.
      for (let i = 0, last = -1; post && i < post.length; i += 2) {
        const b = c.provs[post[i] ?? 0]?.doc ?? -1;
        if (b <= a || b === last) continue;
        last = b;
        const common = maskA & (c.docSets[b]?.get(h) ?? 0);
        const acc = inter.get(b) ?? new Float64Array(S);
        for (let s = 0; s < S; s++) if (common & (1 << s)) acc[s] = (acc[s] ?? 0) + w;
        inter.set(b, acc);
      }
    }
    const hits = new Map<number, number[]>();
    let g = g0;
    for (; g < G && c.provs[g]?.doc === a; g++) {
      const sh = c.provs[g]?.sh;
      sh?.hashes.forEach((h, i) => {
        const post = sh.phrase[i] ? undefined : c.index.get(h);
        for (let x = 0; post && x < post.length; x += 2) {
          if ((c.provs[post[x] ?? 0]?.doc ?? -1) > a) push(hits, g * G + (post[x] ?? 0), i, post[x + 1] ?? 0);
        }
      });
    }
    g0 = g;
    const counts = new Map<number, number[]>();
    for (const [key, list] of [...hits].sort((x, y) => x[0] - y[0])) {
      const pa = c.provs[Math.floor(key / G)];
      const pb = c.provs[key % G];
      if (!pa || !pb) continue;
      const bp = (boilerplate[Math.floor(key / G)] ??= boilerplateMap(pa.sh, weight));
      maximalRuns(pa.sh.tokens.words, pb.sh.tokens.words, list, bp, c.minWords).forEach(([s, e], i) => {
        const t = pa.sh.tokens;
        passages.push({
          resolution_a: c.ids[a] ?? '', provision_a: pa.id, resolution_b: c.ids[pb.doc] ?? '', provision_b: pb.id,
          ord: i + 1, text: t.text.slice(t.starts[s], t.ends[e - 1]), n_words: e - s,
        });
        const n = counts.get(pb.doc) ?? new Array<number>(S).fill(0);
        for (let k = 0; k < S; k++) if (pa.mask & pb.mask & (1 << k)) n[k] = (n[k] ?? 0) + 1;
        counts.set(pb.doc, n);
      });
    }
    for (const [b, acc] of [...inter].sort((x, y) => x[0] - y[0])) {
      for (let s = 0; s < S; s++) {
        const x = acc[s] ?? 0;
        if (x <= 0) continue;
        const union = (W[a]?.[s] ?? 0) + (W[b]?.[s] ?? 0) - x;
        const score = round4(union > 0 ? x / union : 0);
        if (score < (options.minScore ?? 0)) continue;
        rows[s]?.push({
          resolution_a: c.ids[a] ?? '', resolution_b: c.ids[b] ?? '', scope: c.scopes[s] ?? '',
          score, n_shared_passages: counts.get(b)?.[s] ?? 0,
        });
      }
    }
  }
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
  const N = c.ids.length + 1;
  const G = c.provs.length;
  const threshold = dfThreshold(N, c.rule);
  const provs = draft.provisions.map((p) => ({ id: p.id, sh: shingleText(p.text) }));
  const own = new Set<number>();
  for (const p of provs) p.sh.hashes.forEach((h, i) => { if (!p.sh.phrase[i]) own.add(h); });
  const dfOf = (h: number) => (c.df.get(h) ?? 0) + (own.has(h) ? 1 : 0);
  const weight = (h: number) => (dfOf(h) < threshold ? idf(dfOf(h), N) : 0);
  let wDraft = 0;
  const inter = new Map<number, number>();
  for (const h of own) {
    const w = weight(h);
    wDraft += w;
    // A shingle boilerplate among the corpus alone stays so with the draft added (the threshold grows by < 1).
    const post = w > 0 ? c.index.get(h) : undefined;
    const seen = new Set<number>();
    for (let i = 0; post && i < post.length; i += 2) seen.add(c.provs[post[i] ?? 0]?.doc ?? -1);
    for (const d of seen) inter.set(d, (inter.get(d) ?? 0) + w);
  }
  const ranked = [...inter].map(([d, x]) => {
    const union = wDraft + (totals(c.docSets[d] ?? new Map(), weight, 1)[0] ?? 0) - x;
    return { d, id: c.ids[d] ?? '', score: round4(union > 0 ? x / union : 0), containment: round4(wDraft > 0 ? x / wDraft : 0) };
  });
  ranked.sort((a, b) => b.score - a.score || b.containment - a.containment || cmp(a.id, b.id));
  const top = ranked.slice(0, k);
  const rank = new Map(top.map((r, i) => [r.d, i]));
  const out: NearestResolution[] = top.map(({ id, score, containment }) => ({ id, score, containment, shared_passages: [] }));

  const hits = new Map<number, number[]>();
  provs.forEach((p, q) => p.sh.hashes.forEach((h, i) => {
    const post = p.sh.phrase[i] || weight(h) === 0 ? undefined : c.index.get(h);
    for (let x = 0; post && x < post.length; x += 2) {
      if (rank.has(c.provs[post[x] ?? 0]?.doc ?? -1)) push(hits, q * G + (post[x] ?? 0), i, post[x + 1] ?? 0);
    }
  }));
  for (const [key, list] of [...hits].sort((x, y) => x[0] - y[0])) {
    const p = provs[Math.floor(key / G)];
    const src = c.provs[key % G];
    const r = src ? out[rank.get(src.doc) ?? -1] : undefined;
    if (!p || !src || !r) continue;
    for (const [s, e] of maximalRuns(p.sh.tokens.words, src.sh.tokens.words, list, boilerplateMap(p.sh, weight), c.minWords)) {
      const t = p.sh.tokens;
      r.shared_passages.push({ draft_provision: p.id, source_provision: src.id, text: t.text.slice(t.starts[s], t.ends[e - 1]), n_words: e - s });
    }
  }
  return out;
}
