/**
 * Worker thread of the data build's --raw mode for text reuse. Builds the index of every resolution, finds the
 * top-k pairs of its range of resolutions (all of them with one worker) and replies with their keys; the main
 * thread merges the keys of every range into the published pairs and sends back those whose first resolution is
 * in this range; the worker then finds their scores and passages in chunks of consecutive first resolutions,
 * transferring each chunk's typed arrays as soon as it is done (no copy), so that the main thread writes the rows
 * of one chunk while the next is computed. Why a thread of its own: indexing allocates millions of small arrays,
 * and on the main thread, whose heap already holds every published row, each garbage collection traced those rows
 * too; why chunks: writing the rows after all of them were found left a core idle for half a minute.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packedBuffers, packPairs, type PackedReuse } from '../../src/lib/reuse/pack.ts';
import { recallOf, topKKeys } from '../../src/lib/reuse/top-k.ts';
import { buildCorpus, type ReuseDocument, type ReuseOptions, type ReuseStats } from '../../src/lib/reuse/corpus.ts';

export interface ReuseWorkerData { docs: ReuseDocument[]; options: ReuseOptions; part: number; parts: number }
/** First reply: the keys (a·n + b) of the pairs this range keeps. */
export interface KeysReply { keys: Float64Array; scored: number; partial: number; lo: number; hi: number; ms: { index: number; candidates: number } }
/** Then: the pairs to pack (this range's, ascending), every pair when this worker measures recall, chunks wanted. */
export interface PackRequest { pairs: Int32Array; recallOver: Int32Array | null; chunks: number }
/** Replies to it: each chunk in order, then the last message with what it all took. */
export type PackReply = { chunk: PackedReuse } | { done: { recall: ReuseStats['recall']; ms: { recall: number; rows: number; passages: number }; cpuMs: number } };

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

/** Cut points (indices into the flat pairs) that split them into about `chunks` runs, never inside one first resolution's pairs. */
function cuts(pairs: Int32Array, chunks: number): number[] {
  const out = [0];
  const size = Math.ceil(pairs.length / 2 / Math.max(1, chunks)) * 2;
  for (let i = size; i < pairs.length; i += size) {
    let j = i;
    while (j < pairs.length && pairs[j] === pairs[j - 2]) j += 2;
    if (j < pairs.length && j > (out[out.length - 1] ?? 0)) out.push(j);
  }
  out.push(pairs.length);
  return [...new Set(out)];
}

parentPort?.once('message', ({ pairs, recallOver, chunks }: PackRequest) => {
  const t2 = performance.now();
  const recall = recallOver && options.topK !== undefined && options.recallSample ? recallOf(corpus.index, Array.from(recallOver), options.topK, options.recallSample) : null;
  const ms = { recall: performance.now() - t2, rows: 0, passages: 0 };
  const at = cuts(pairs, chunks);
  for (let c = 0; c + 1 < at.length; c++) {
    const chunk = packPairs(corpus, options, pairs.subarray(at[c], at[c + 1]));
    ms.rows += chunk.stats.ms.rows;
    ms.passages += chunk.stats.ms.passages;
    // provStart belongs to the index, still needed here: each chunk carries a copy.
    chunk.provStart = chunk.provStart.slice();
    parentPort?.postMessage({ chunk } satisfies PackReply, packedBuffers(chunk));
  }
  const cpu = process.threadCpuUsage();
  parentPort?.postMessage({ done: { recall, ms, cpuMs: (cpu.user + cpu.system) / 1000 } } satisfies PackReply);
});
