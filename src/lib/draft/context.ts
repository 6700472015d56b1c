/**
 * The benchmark's context as one JSON value: reference data and peers, written at build time and read back in the
 * browser, so the page runs the very same analysis and scorecard as the command line.
 */
import type { Reference } from '../analyze/analyze.ts';
import type { Peer } from './scorecard.ts';

export interface BenchmarkContext {
  version: 1;
  reference: Reference;
  peers: Peer[];
}

export function benchmarkContext(reference: Reference, peers: Peer[]): BenchmarkContext {
  return { version: 1, reference, peers };
}

/** Check a context fetched from the site before use: a clear error instead of a crash on a stale or broken file. */
export function readBenchmarkContext(json: unknown): BenchmarkContext {
  const c = json as Partial<BenchmarkContext> | null;
  if (!c || c.version !== 1 || !c.reference || !Array.isArray(c.peers)) throw new Error('benchmark context is missing or of another version; rebuild the site');
  return c as BenchmarkContext;
}
