/**
 * Loads the project's reference data from data/reference (jurisdictions, legal-documents register, taxonomy) and the
 * curated files from data/curated, for scripts. Problems in reference files are fatal: they are reviewed data.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../../src/lib/analyze.ts';
import { validateCurated, type Curated as CuratedResolution } from '../../src/lib/curated.ts';
import { buildJurisdictions } from '../../src/lib/jurisdictions.ts';
import { parseRegister } from '../../src/lib/legal-register.ts';
import { parseTaxonomy, validateTaxonomy } from '../../src/lib/taxonomy.ts';
import { parseAnnotations, type Annotation } from '../../src/lib/annotations.ts';
import { contentFingerprint, type CuratedSourceKey } from '../../src/lib/source-match.ts';

/** The project root: the nearest folder above this module with a package.json (this module may be bundled into dist/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return `${dir}/`;
}

export const ROOT = findRoot();
export const DATA = join(ROOT, 'data');

const read = (...p: string[]) => readFileSync(join(DATA, ...p), 'utf8');

export class DataError extends Error {}

export function loadReference(): Reference {
  const j = buildJurisdictions(read('reference', 'sources', 'provinces-2025.csv'), read('reference', 'local-units.csv'));
  const r = parseRegister(read('reference', 'legal-documents.csv'));
  const rawTaxonomy: unknown = JSON.parse(read('reference', 'taxonomy.json'));
  const problems = [...j.problems, ...r.problems, ...validateTaxonomy(rawTaxonomy)];
  if (problems.length) throw new DataError(`reference data has problems:\n- ${problems.join('\n- ')}`);
  return { jurisdictions: j.jurisdictions, register: r.documents, taxonomy: parseTaxonomy(rawTaxonomy) };
}

export function loadCurated(): CuratedResolution[] {
  const files = readdirSync(join(DATA, 'curated')).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => {
    const json: unknown = JSON.parse(read('curated', f));
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

/** Each curated source's sha256 and content fingerprint, to recognise a copy of it (src/lib/source-match.ts). */
export function loadSourceKeys(curated: CuratedResolution[] = loadCurated()): CuratedSourceKey[] {
  return curated.map((c) => ({
    id: c.id, sha256: c.raw_sha256, partial: c.completeness !== 'full', fingerprint: contentFingerprint(read('raw', c.raw_file)),
  }));
}
