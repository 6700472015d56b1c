/**
 * The benchmark's context as one JSON value: reference data, peers, the curated sources' keys (sha256 and content
 * fingerprint, with their reviewed corrections) and the edition (dataset version, site address), written at build
 * time and read back in the browser, so the page runs the very same analysis, source match and scorecard as the
 * command line. Fingerprints travel as base64 of their little-endian 32-bit hashes.
 */
import type { AnalyzeOptions, Reference } from '../analyze/analyze.ts';
import type { CuratedSourceKey } from '../analyze/source-match.ts';
import type { Peer } from './scorecard.ts';

type Correction = NonNullable<AnalyzeOptions['corrections']>[number];

export interface ContextSource {
  id: string;
  sha256: string;
  partial: boolean;
  words: number;
  /** base64 of the sorted, distinct shingle hashes (Uint32, little-endian). */
  shingles: string;
  corrections: Correction[];
}

export interface BenchmarkContext {
  version: 2;
  reference: Reference;
  peers: Peer[];
  sources: ContextSource[];
  edition: { dataset_version: string | null; site: string | null };
}

function toBase64(a: Uint32Array): string {
  const bytes = new Uint8Array(a.length * 4);
  const view = new DataView(bytes.buffer);
  a.forEach((x, i) => view.setUint32(i * 4, x, true));
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(s: string): Uint32Array {
  const bin = atob(s);
  const view = new DataView(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) view.setUint8(i, bin.charCodeAt(i));
  return Uint32Array.from({ length: bin.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

export function benchmarkContext(reference: Reference, peers: Peer[], keys: CuratedSourceKey[], corrections: Map<string, Correction[]>, edition: BenchmarkContext['edition']): BenchmarkContext {
  const sources = keys.map((k) => ({ id: k.id, sha256: k.sha256, partial: k.partial, words: k.fingerprint.words, shingles: toBase64(k.fingerprint.shingles), corrections: corrections.get(k.id) ?? [] }));
  return { version: 2, reference, peers, sources, edition };
}

/** The curated sources' keys, as source-match.ts's identifySource takes them. */
export function sourceKeys(c: BenchmarkContext): CuratedSourceKey[] {
  return c.sources.map((s) => ({ id: s.id, sha256: s.sha256, partial: s.partial, fingerprint: { words: s.words, shingles: fromBase64(s.shingles) } }));
}

/** Check a context fetched from the site before use: a clear error instead of a crash on a stale or broken file. */
export function readBenchmarkContext(json: unknown): BenchmarkContext {
  const c = json as Partial<BenchmarkContext> | null;
  if (!c || c.version !== 2 || !c.reference || !Array.isArray(c.peers) || !Array.isArray(c.sources)) throw new Error('benchmark context is missing or of another version; rebuild the site');
  return c as BenchmarkContext;
}
