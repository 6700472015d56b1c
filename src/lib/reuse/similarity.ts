/**
 * Text reuse between resolutions. Input: resolutions as provisions (id, text, measure codes). Output: similarity of
 * pairs of resolutions, whole and on each measure (IDF-weighted Jaccard over the sets of substantive 5-word
 * shingles, boilerplate left out), and their shared passages (maximal runs of ≥ 8 folded words common to two
 * provisions, printed as written in the first). By default every pair that shares a substantive shingle is given;
 * with topK (the data build uses 10) each resolution keeps only its k most similar, and only those pairs get rows
 * and passages: at ~10,000 recombined texts every pair shares something (tens of millions of pairs), while a
 * reader asks "what is this one closest to". Candidates come from an inverted index read best block first under a
 * budget of postings per resolution, then are scored exactly (reuse-topk.ts), so the work per resolution is bounded;
 * recall of the top k against the exact top k is measured (recallSample, test/reuse/recall.test.ts, the bench).
 * nearestResolutions answers the drafters' question (where was this draft copied from) with the same shingles,
 * weights and passages, as if the draft had been added to the corpus.
 */
import { buildCorpus, cmp, round4, now, type ReuseCorpus, type ReuseDocument, type ReuseOptions, type ReuseProvision } from './corpus.ts';
import { comparePacked, type PackedReuse } from './pack.ts';
import { boilerplateMap, dfThreshold, idf, maximalRuns, shingleText } from './shingles.ts';

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

/** Rows of a packed result, with ids and texts from the documents it was computed from (in any order). */
export function unpackReuse(p: PackedReuse, docs: ReuseDocument[]): { similarity: SimilarityRow[]; passages: SharedPassage[] } {
  return unpackerOf(docs)(p);
}

/**
 * unpackReuse for many packed results of the same documents (the parts of one comparison): the documents are
 * sorted and their provisions numbered once.
 */
export function unpackerOf(docs: ReuseDocument[]): (p: PackedReuse) => { similarity: SimilarityRow[]; passages: SharedPassage[] } {
  const sorted = [...docs].sort((a, b) => cmp(a.id, b.id));
  const provs = sorted.flatMap((d) => d.provisions);
  let docOf: Int32Array | null = null;
  // Spans point into the NFC text, as the tokens were read from it.
  const nfc: (string | undefined)[] = [];
  const textOf = (g: number) => (nfc[g] ??= (provs[g]?.text ?? '').normalize('NFC'));
  return (p) => {
    if (sorted.length !== p.ids.length || sorted.some((d, i) => d.id !== p.ids[i])) throw new Error('unpackReuse: expected the documents the result was computed from; hint: pass the same list');
    if (!docOf) {
      const of = new Int32Array(provs.length);
      sorted.forEach((_, i) => of.fill(i, p.provStart[i] ?? 0, p.provStart[i + 1] ?? provs.length));
      docOf = of;
    }
    const at = docOf;
    const r = p.rows;
    const similarity = Array.from(r.a, (a, i): SimilarityRow => ({
      resolution_a: p.ids[a] ?? '', resolution_b: p.ids[r.b[i] ?? 0] ?? '', scope: p.scopes[r.scope[i] ?? 0] ?? '', score: r.score[i] ?? 0, n_shared_passages: r.n[i] ?? 0,
    }));
    const q = p.passages;
    const passages = Array.from(q.ga, (ga, i): SharedPassage => {
      const gb = q.gb[i] ?? 0;
      return {
        resolution_a: p.ids[at[ga] ?? 0] ?? '', provision_a: provs[ga]?.id ?? '', resolution_b: p.ids[at[gb] ?? 0] ?? '', provision_b: provs[gb]?.id ?? '',
        ord: q.ord[i] ?? 0, text: textOf(ga).slice(q.start[i], q.end[i]), n_words: q.words[i] ?? 0,
      };
    });
    return { similarity, passages };
  };
}

/**
 * Similarity (whole and per measure) and shared passages of a set of resolutions, sorted: rows by scope ('all'
 * first), then a, b; passages by a, its provision, b, its provision, position. Each pair once, a < b by id.
 */
export function compareResolutions(docs: ReuseDocument[], options: ReuseOptions = {}): { similarity: SimilarityRow[]; passages: SharedPassage[] } {
  const started = now();
  const packed = comparePacked(buildCorpus(docs, options), options, started);
  options.stats?.(packed.stats);
  return unpackReuse(packed, docs);
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
