/**
 * The shared vocabulary of text reuse: the documents compared (resolutions as provisions with their measure codes),
 * the options and statistics of a comparison, and the indexed corpus built once and queried many times. pack.ts and
 * similarity.ts both import it, so neither imports the other's types. Pure.
 */
import { indexCorpus, type ReuseIndex } from './term-index.ts';
import type { TopKOptions } from './top-k.ts';
import { DEFAULT_BOILERPLATE, type BoilerplateRule } from './shingles.ts';

export interface ReuseProvision { id: string; text: string; measures?: string[] }
export interface ReuseDocument { id: string; provisions: ReuseProvision[] }

export interface ReuseOptions extends TopKOptions {
  /** Shortest passage reported, in substantive words (default 8). */
  minWords?: number;
  boilerplate?: BoilerplateRule;
  /** Rows scoring below this are left out (default 0); passages of the pairs kept are kept regardless. */
  minScore?: number;
  /** With topK: measure recall of the pairs kept against the exact top k on this many resolutions (stats.recall). */
  recallSample?: number;
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
  /** Share of the exact top k kept, on a sample (ReuseOptions.recallSample), else null. */
  recall: { sample: number; recall: number } | null;
  /** Times (ms) of the stages; index includes shingling. */
  ms: { index: number; candidates: number; recall: number; rows: number; passages: number };
}

/** Shingles, terms and postings of a set of resolutions: build once, query many drafts. */
export interface ReuseCorpus {
  ids: string[];
  scopes: string[];
  rule: BoilerplateRule;
  minWords: number;
  index: ReuseIndex;
}

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const round4 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1e4) / 1e4;
export const now = () => globalThis.performance?.now() ?? 0;

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
