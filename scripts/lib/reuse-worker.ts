/**
 * Worker thread of the data build's --raw mode for text reuse: receives the resolutions (ids, provisions with
 * text and measures) and the reuse options, runs the library's packed comparison and transfers back its typed
 * arrays (no copy); the main thread turns them into rows with the texts it holds (unpackReuse). Why a thread of
 * its own: indexing allocates millions of small arrays, and on the main thread, whose heap already holds every
 * published row, each garbage collection traced those rows too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packedBuffers } from '../../src/lib/reuse-compare.ts';
import { compareResolutionsPacked, type ReuseDocument, type ReuseOptions } from '../../src/lib/similarity.ts';

const { docs, options } = workerData as { docs: ReuseDocument[]; options: ReuseOptions };
const packed = compareResolutionsPacked(docs, options);
const cpu = process.threadCpuUsage();
parentPort?.postMessage({ packed, cpuMs: (cpu.user + cpu.system) / 1000 }, packedBuffers(packed));
