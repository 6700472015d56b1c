/**
 * Text reuse at scale keeps each resolution's k most similar instead of every pair. On 300 synthetic resolutions
 * (recombined real provisions, where every pair shares text and exact all pairs is affordable): with the data
 * build's settings the top 10 are exactly those of all pairs; with a budget so small that the candidate search is
 * cut short for every resolution, recall of the top 10 is still high, and stats.recall reports the same figure as
 * counting from the rows; and the rows and passages of the pairs kept are those all pairs gives for them.
 */
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { comparePacked, packPairs } from '../../src/lib/reuse/pack.ts';
import { pairsOfKeys, reusePairs, topKKeys } from '../../src/lib/reuse/top-k.ts';
import { compareResolutions, unpackerOf, unpackReuse, type SimilarityRow } from '../../src/lib/reuse/similarity.ts';
import { buildCorpus, type ReuseDocument, type ReuseOptions, type ReuseStats } from '../../src/lib/reuse/corpus.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { loadReference } from '../../src/node/reference.ts';
import { REUSE } from '../../scripts/lib/tables.ts';
import { synthesize } from '../../scripts/synth.ts';

const K = 10;
const reference = loadReference();
const docs: ReuseDocument[] = synthesize(300, 11).map((d) => {
  const a = analyzeResolution(normalizeText(d.text), reference);
  return { id: a.metadata.id ?? d.id, provisions: a.provisions.map((p) => ({ id: p.id, text: p.text, measures: p.measures })) };
});

/** Each resolution's k most similar (scope 'all'), best first, ties by id, from similarity rows. */
function topLists(rows: SimilarityRow[]): Map<string, string[]> {
  const by = new Map<string, { id: string; score: number }[]>();
  for (const r of rows.filter((x) => x.scope === 'all')) {
    for (const [x, y] of [[r.resolution_a, r.resolution_b], [r.resolution_b, r.resolution_a]] as const) by.set(x, [...(by.get(x) ?? []), { id: y, score: r.score }]);
  }
  return new Map([...by].map(([x, l]) => [x, l.sort((p, q) => q.score - p.score || (p.id < q.id ? -1 : 1)).slice(0, K).map((e) => e.id)]));
}

function recall(exact: Map<string, string[]>, got: Map<string, string[]>): number {
  let found = 0;
  let wanted = 0;
  for (const [x, want] of exact) {
    const mine = new Set(got.get(x) ?? []);
    wanted += want.length;
    found += want.filter((y) => mine.has(y)).length;
  }
  return found / wanted;
}

const exact = compareResolutions(docs, { passages: false });
const truth = topLists(exact.similarity);
const run = (options: ReuseOptions) => {
  let stats: ReuseStats | null = null;
  const r = compareResolutions(docs, { passages: false, ...options, stats: (s) => (stats = s) });
  return { r, stats: stats as ReuseStats | null };
};

describe('top-k text reuse against all pairs, on 300 synthetic resolutions', () => {
  it('nearly every pair shares text, so all pairs is the quadratic case', () => {
    expect(exact.similarity.filter((x) => x.scope === 'all').length).toBeGreaterThan(0.99 * (300 * 299) / 2);
  });

  it('with the build settings, keeps exactly the top 10 of all pairs', () => {
    const { r, stats } = run({ ...REUSE, recallSample: 300 });
    expect(recall(truth, topLists(r.similarity))).toBe(1);
    expect(stats?.recall).toEqual({ sample: 300, recall: 1 });
    expect(stats?.pairsKept).toBeLessThan(300 * K);
  });

  it('with the candidate search cut short for every resolution, recall stays high and stats report it', () => {
    const { r, stats } = run({ topK: K, budget: 300, candidates: 40, recallSample: 300 });
    const measured = recall(truth, topLists(r.similarity));
    console.log(`recall@${K} with budget 300 postings, 40 candidates: ${measured.toFixed(4)} (${stats?.partial} of 300 searches cut short)`);
    expect(stats?.partial).toBe(300);
    expect(measured).toBeGreaterThan(0.9);
    expect(stats?.recall?.recall).toBeCloseTo(measured, 10);
  });

  it('gives the kept pairs the rows and passages all pairs gives them', () => {
    const some = docs.slice(0, 120);
    const all = compareResolutions(some);
    const top = compareResolutions(some, { ...REUSE, topK: 3 });
    const pairs = new Set(top.similarity.map((x) => `${x.resolution_a} ${x.resolution_b}`));
    expect(top.similarity).toEqual(all.similarity.filter((x) => pairs.has(`${x.resolution_a} ${x.resolution_b}`)));
    expect(top.passages).toEqual(all.passages.filter((p) => pairs.has(`${p.resolution_a} ${p.resolution_b}`)));
    expect(top.passages.length).toBeGreaterThan(0);
  });
});

describe('text reuse split by ranges of resolutions (how the data build uses several threads)', () => {
  const some = docs.slice(0, 150);
  const options: ReuseOptions = { ...REUSE, topK: 4 };
  const corpus = buildCorpus(some, options);
  const whole = comparePacked(corpus, options, 0);

  it('the keys of every range, merged, are the pairs of the whole corpus; in any number of ranges', () => {
    const n = corpus.index.n;
    for (const parts of [1, 2, 3, 7]) {
      const keys = Array.from({ length: parts }, (_, p) => topKKeys(corpus.index, options, Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts)).keys);
      expect(pairsOfKeys(keys.flat(), n)).toEqual(reusePairs(corpus.index, options).pairs);
    }
  });

  it('packing the pairs in runs of first resolutions gives, run after run, the rows and passages of one run', () => {
    const { pairs } = reusePairs(corpus.index, options);
    const cuts = [0.25, 0.5, 0.75].map((f) => pairs.findIndex((a, i) => i % 2 === 0 && a >= f * corpus.index.n));
    expect(cuts.every((c) => c > 0)).toBe(true);
    const unpack = unpackerOf(some);
    const parts = [0, ...cuts, pairs.length].slice(1).map((end, i, ends) => unpack(packPairs(corpus, options, pairs.slice(i === 0 ? 0 : ends[i - 1], end))));
    const sortBy = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
    const a = unpackReuse(whole, some);
    expect(sortBy(parts.flatMap((p) => p.similarity))).toEqual(sortBy(a.similarity));
    expect(parts.flatMap((p) => p.passages)).toEqual(a.passages);
    expect(a.passages.length).toBeGreaterThan(0);
  });
});
