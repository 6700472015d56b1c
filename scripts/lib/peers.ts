/**
 * The peers a draft is compared with: every curated full text, analysed with its reviewed corrections, as the data
 * build does. The browser gets the same peers from the published JSON built from this function's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeResolution, type Reference } from '../../src/lib/analyze.ts';
import { peersFrom, type Peer } from '../../src/lib/benchmark.ts';
import { normalizeText } from '../../src/lib/text.ts';
import { DATA, loadCurated } from './reference.ts';

export function loadPeers(reference: Reference): Peer[] {
  return peersFrom(
    loadCurated().map((c) => ({
      id: c.id,
      completeness: c.completeness,
      analysis: analyzeResolution(normalizeText(readFileSync(join(DATA, 'raw', c.raw_file), 'utf8')), reference, { corrections: c.corrections }),
    })),
  );
}
