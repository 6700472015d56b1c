/**
 * Worker thread of the data build's --raw mode for text reuse, one of several side by side. Each builds the same
 * index of every resolution (deterministic, so all agree), finds the top-k pairs of its own range of resolutions
 * and replies with their keys; the main thread merges the keys of every range into the published pairs and sends
 * each worker those whose first resolution is in its range; the worker packs their rows and passages and transfers
 * the typed arrays back (no copy); the main thread turns them into rows with the texts it holds (unpackReuse).
 * Why threads of their own: indexing allocates millions of small arrays, and on the main thread, whose heap
 * already holds every published row, each garbage collection traced those rows too; why several: the pairs and
 * passages of 10,000 resolutions were the longest serial stage of the build.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packedBuffers, packPairs } from '../../src/lib/reuse-compare.ts';
import { recallOf, topKKeys } from '../../src/lib/reuse-topk.ts';
import { buildCorpus, type ReuseDocument, type ReuseOptions } from '../../src/lib/similarity.ts';

export interface ReuseWorkerData { docs: ReuseDocument[]; options: ReuseOptions; part: number; parts: number }
/** First reply: the keys (a·n + b) of the pairs this range keeps. */
export interface KeysReply { keys: Float64Array; scored: number; partial: number; lo: number; hi: number; ms: { index: number; candidates: number } }
/** Second message: the pairs to pack, and every pair when this worker measures recall. */
export interface PackRequest { pairs: Int32Array; recallOver: Int32Array | null }

const { docs, options, part, parts } = workerData as ReuseWorkerData;
const t0 = performance.now();
const corpus = buildCorpus(docs, options);
const n = corpus.index.n;
const lo = Math.floor((part * n) / parts);
const hi = Math.floor(((part + 1) * n) / parts);
const t1 = performance.now();
const found = topKKeys(corpus.index, options, lo, hi);
const keys = Float64Array.from(found.keys);
const reply: KeysReply = { keys, scored: found.scored, partial: found.partial, lo, hi, ms: { index: t1 - t0, candidates: performance.now() - t1 } };
parentPort?.postMessage(reply, [keys.buffer]);

parentPort?.once('message', ({ pairs, recallOver }: PackRequest) => {
  const t2 = performance.now();
  const recall = recallOver && options.topK !== undefined && options.recallSample ? recallOf(corpus.index, Array.from(recallOver), options.topK, options.recallSample) : null;
  const recallMs = performance.now() - t2;
  const packed = packPairs(corpus, options, pairs);
  packed.stats = { ...packed.stats, recall, ms: { ...packed.stats.ms, recall: recallMs } };
  const cpu = process.threadCpuUsage();
  parentPort?.postMessage({ packed, cpuMs: (cpu.user + cpu.system) / 1000 }, packedBuffers(packed));
});
