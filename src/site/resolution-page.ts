/**
 * What one resolution's page needs, gathered at build time in time proportional to the resolution itself: its rows
 * of each table come from byResolution() (indexed once per build), and the corpus-wide lookups (names of the other
 * resolutions, the printed number of each register id) are built once and shared by all 2 × N pages. The page
 * component only renders the result. Before this module the page scanned every table for each resolution, which
 * is O(N²) over the corpus: fine at 13 resolutions, hours at 10,000.
 */
import { matrixCodes, measureMatrix, type MatrixRow } from '../lib/views/overview.ts';
import {
  RESOLUTION_TABLES, legalRefNumbers, mostSimilar, provisionIndex, provisionViews, type ProvisionView, type ResolutionTables, type Similar,
} from '../lib/views/resolution.ts';
import type { RowOf } from '../lib/publish/schema.ts';
import { byResolution, dataset, DATA_DIR } from '../node/published.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sidecar } from '../node/raw-files.ts';

export interface ResolutionPage {
  r: RowOf<'resolutions'>;
  rows: ResolutionTables;
  views: ProvisionView[];
  byId: Map<string, RowOf<'provisions'>>;
  /** The page's row of the measures matrix (every code present, absent or unknown). */
  row: MatrixRow | undefined;
  similar: Similar[];
  counts: { table: (typeof RESOLUTION_TABLES)[number]; n: number }[];
  names: Map<string, RowOf<'resolutions'>>;
  /** `${resolution_id}#${provision_id}` → provision, for this resolution and the ones it is most similar to. */
  provisions: Map<string, RowOf<'provisions'>>;
  refNumbers: Map<string, string>;
  /** The raw source's sidecar as published (DATA_DIR/raw/<id>.source.json); null when the build published none. */
  sidecar: Sidecar | null;
}

let shared: { names: Map<string, RowOf<'resolutions'>>; refNumbers: Map<string, string>; codes: Set<string> } | null = null;

function corpus() {
  const d = dataset();
  shared ??= {
    names: new Map(d.resolutions.map((x) => [x.id, x])),
    refNumbers: legalRefNumbers(d.legal_bases),
    codes: new Set(matrixCodes(d.taxonomy).map((t) => t.code)),
  };
  return shared;
}

export function resolutionPage(id: string): ResolutionPage {
  const slices = byResolution();
  const rows = slices(id);
  const [r] = rows.resolutions;
  if (!r) throw new Error(`no resolution '${id}' in ${DATA_DIR}/resolutions.csv; hint: run \`npm run data\``);
  const { names, refNumbers, codes } = corpus();
  const similar = mostSimilar(rows.similarity, rows.shared_passages, id);
  return {
    r,
    rows,
    views: provisionViews(rows.provisions, rows.provision_measures, codes),
    byId: new Map(rows.provisions.map((p) => [p.provision_id, p])),
    row: measureMatrix([r], rows.provisions, dataset().taxonomy).rows[0],
    similar,
    counts: RESOLUTION_TABLES.map((table) => ({ table, n: rows[table].length })),
    names,
    provisions: provisionIndex([...rows.provisions, ...similar.flatMap((s) => slices(s.other).provisions)]),
    refNumbers,
    sidecar: publishedSidecar(id),
  };
}

function publishedSidecar(id: string): Sidecar | null {
  const path = join(DATA_DIR, 'raw', `${id}.source.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Sidecar) : null;
}
