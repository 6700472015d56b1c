/**
 * The peers a draft is compared with: every curated full text, analysed with its reviewed corrections, as the data
 * build does. The browser gets the same peers from the published JSON built from this function's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeResolution, type Reference } from '../lib/analyze/analyze.ts';
import { peersFrom, type Peer } from '../lib/draft/scorecard.ts';
import { normalizeText } from '../lib/text/normalize.ts';
import { DATA } from './paths.ts';
import { loadCurated } from './reference.ts';

export function loadPeers(reference: Reference): Peer[] {
  return peersFrom(
    loadCurated().map((c) => ({
      id: c.id,
      completeness: c.completeness,
      analysis: analyzeResolution(normalizeText(readFileSync(join(DATA, 'raw', c.raw_file), 'utf8')), reference, { corrections: c.corrections }),
    })),
  );
}
