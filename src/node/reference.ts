/**
 * Loads the project's reference data from data/reference (jurisdictions, legal-documents register, taxonomy) and the
 * curated files from data/curated, for scripts, and the tile grid of the province maps for the site. Problems in
 * reference files are fatal: they are reviewed data.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, DataError } from './paths.ts';
import { readJsonFile } from './json.ts';
import type { Reference } from '../lib/analyze/analyze.ts';
import { validateCurated, type Curated as CuratedResolution } from '../lib/curated/curated.ts';
import { buildJurisdictions } from '../lib/reference/jurisdictions.ts';
import { parseRegister } from '../lib/reference/legal-register.ts';
import { parseTaxonomy, validateTaxonomy } from '../lib/reference/taxonomy.ts';
import { parseTileGrid, type GridTile } from '../lib/reference/tile-grid.ts';
import { parseAnnotations, type Annotation } from '../lib/curated/annotations.ts';
import { contentFingerprint, type CuratedSourceKey } from '../lib/analyze/source-match.ts';

const read = (...p: string[]) => readFileSync(join(DATA, ...p), 'utf8');

export function loadReference(): Reference {
  const j = buildJurisdictions(read('reference', 'sources', 'provinces-2025.csv'), read('reference', 'local-units.csv'));
  const r = parseRegister(read('reference', 'legal-documents.csv'));
  const rawTaxonomy: unknown = readJsonFile(join(DATA, 'reference', 'taxonomy.json'));
  const problems = [...j.problems, ...r.problems, ...validateTaxonomy(rawTaxonomy)];
  if (problems.length) throw new DataError(`reference data has problems:\n- ${problems.join('\n- ')}`);
  return { jurisdictions: j.jurisdictions, register: r.documents, taxonomy: parseTaxonomy(rawTaxonomy) };
}

export function loadCurated(): CuratedResolution[] {
  const files = readdirSync(join(DATA, 'curated')).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => {
    const json: unknown = readJsonFile(join(DATA, 'curated', f));
    const problems = validateCurated(json);
    if (problems.length) throw new DataError(`data/curated/${f}:\n- ${problems.join('\n- ')}`);
    return json as CuratedResolution;
  });
}

/** The independent reviewer's measure codes per provision (data/curated/annotations.csv). */
export function loadAnnotations(): Annotation[] {
  const r = parseAnnotations(read('curated', 'annotations.csv'));
  if (r.problems.length) throw new DataError(`data/curated/annotations.csv:\n- ${r.problems.join('\n- ')}`);
  return r.annotations;
}

/** Each curated source's sha256 and content fingerprint, to recognise a copy of it (src/lib/analyze/source-match.ts). */
export function loadSourceKeys(curated: CuratedResolution[] = loadCurated()): CuratedSourceKey[] {
  return curated.map((c) => ({
    id: c.id, sha256: c.raw_sha256, partial: c.completeness !== 'full', fingerprint: contentFingerprint(read('raw', c.raw_file)),
  }));
}

let glosses: Map<string, string> | null = null;
/** Resolution id → the reviewed English gloss of its title (data/curated/<id>.json, title_gloss_en), for English pages. */
export function titleGlosses(): Map<string, string> {
  glosses ??= new Map(loadCurated().flatMap((c) => (c.title_gloss_en ? [[c.id, c.title_gloss_en.value] as const] : [])));
  return glosses;
}

/** The tile-grid layout of the province maps (data/reference/province-tiles.csv), checked against the units to place. */
export function loadTileGrid(units: Parameters<typeof parseTileGrid>[1]): GridTile[] {
  const g = parseTileGrid(read('reference', 'province-tiles.csv'), units);
  if (g.problems.length) throw new DataError(`data/reference/province-tiles.csv:\n- ${g.problems.join('\n- ')}`);
  return g.tiles;
}
