/**
 * Worker thread of the data build's --raw mode for text reuse: receives the resolutions (ids, provisions with
 * text and measures) and the reuse options, runs compareResolutions and replies with its rows and stats. Text reuse
 * allocates millions of small arrays while it indexes; on the main thread, whose heap already holds every published
 * row, each collection had to trace those rows too, which doubled the stage's time at 10,000 resolutions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compareResolutions, type ReuseDocument, type ReuseOptions, type ReuseStats } from '../../src/lib/similarity.ts';

const { docs, options } = workerData as { docs: ReuseDocument[]; options: ReuseOptions };
let stats: ReuseStats | null = null;
const result = compareResolutions(docs, { ...options, stats: (s) => (stats = s) });
parentPort?.postMessage({ ...result, stats });
