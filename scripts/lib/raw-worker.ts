/**
 * Worker thread of the data build's --raw mode: loads the reference once, then for each batch of files it is sent
 * (paths with their index) reads the bytes, hashes them, analyses the text with the library (no corrections:
 * these texts are uncurated) and turns the analysis into published rows (src/lib/publish/rows.ts), replying with the rows,
 * the unit to add when the reference does not list it, and the time spent. Analysis is most of a build's work and
 * each text is independent, so workers are how the build uses every core.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { analyzeResolution, fatalIssue } from '../../src/lib/analyze/analyze.ts';
import type { Jurisdiction } from '../../src/lib/reference/jurisdictions.ts';
import { parsedCurated, resolutionRows, unlistedJurisdiction, type ResolutionRows } from '../../src/lib/publish/rows.ts';
import { SYNTHETIC_MARK } from './synth.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { loadReference } from '../../src/node/reference.ts';

export interface RawJob { index: number; path: string }
interface RawRead { index: number; file: string; sha256: string; synthetic: boolean; ms: { read: number; analyze: number; rows: number } }
export type RawResult = RawRead & ({ id: string; rows: ResolutionRows; unit: Jurisdiction | null } | { skipped: string });

const reference = loadReference();

function handle(job: RawJob): RawResult {
  const t0 = performance.now();
  const bytes = readFileSync(job.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = basename(job.path);
  const text = normalizeText(bytes.toString('utf8'));
  const synthetic = text.startsWith(SYNTHETIC_MARK);
  const t1 = performance.now();
  const a = analyzeResolution(text, reference);
  const t2 = performance.now();
  const fatal = fatalIssue(a);
  const id = a.metadata.id;
  if (fatal || !id) {
    return { index: job.index, file, sha256, synthetic, skipped: fatal ? `${fatal.code}: ${fatal.message}` : 'no id: the parser could not read the council, number or date', ms: { read: t1 - t0, analyze: t2 - t1, rows: 0 } };
  }
  // A province is its own province; a district or commune whose text names none cannot be placed.
  const province = a.metadata.province ?? (a.metadata.level === 'province' ? a.metadata.jurisdiction : null);
  if (!province) return { index: job.index, file, sha256, synthetic, skipped: 'no province: the text does not name the province of its district or commune', ms: { read: t1 - t0, analyze: t2 - t1, rows: 0 } };
  const unlisted = unlistedJurisdiction(a, reference.jurisdictions, file);
  const read = { ...a, metadata: { ...a.metadata, province, ...(unlisted ? { jurisdiction_id: unlisted.unit.id, province_after_2025: unlisted.province_after_2025 } : {}) } };
  const rows = resolutionRows(parsedCurated(read, { id, raw_file: file, raw_sha256: sha256 }), read);
  return { index: job.index, file, sha256, synthetic, id, rows, unit: unlisted?.unit ?? null, ms: { read: t1 - t0, analyze: t2 - t1, rows: performance.now() - t2 } };
}

parentPort?.on('message', (jobs: RawJob[]) => parentPort?.postMessage(jobs.map(handle)));
