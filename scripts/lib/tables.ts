/**
 * Reads every curated resolution with its raw source, checks the source against its recorded sha256, analyses it
 * with the library and gathers the rows of every published table (plus text reuse across resolutions). I/O only
 * here; the mapping to rows is src/lib/rows.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeResolution, type Analysis } from '../../src/lib/analyze.ts';
import type { Curated } from '../../src/lib/curated.ts';
import type { PackageSource } from '../../src/lib/datapackage.ts';
import { jurisdictionRows, metadataDisagreements, resolutionRows, taxonomyRows, type ResolutionRows } from '../../src/lib/rows.ts';
import type { RowOf } from '../../src/lib/schema.ts';
import { compareResolutions } from '../../src/lib/similarity.ts';
import { normalizeText } from '../../src/lib/text.ts';
import { reviewIndex } from '../../src/lib/annotations.ts';
import { DATA, DataError, loadAnnotations, loadCurated, loadReference } from './reference.ts';

export interface BuiltTables {
  tables: ResolutionRows & {
    jurisdictions: RowOf<'jurisdictions'>[];
    taxonomy: RowOf<'taxonomy'>[];
    similarity: RowOf<'similarity'>[];
    shared_passages: RowOf<'shared_passages'>[];
  };
  analyses: { curated: Curated; analysis: Analysis }[];
  sources: PackageSource[];
  disagreements: string[];
}

export function buildTables(): BuiltTables {
  const reference = loadReference();
  const curated = loadCurated();
  const analyses = curated.map((c) => {
    const bytes = readFileSync(join(DATA, 'raw', c.raw_file));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== c.raw_sha256) {
      throw new DataError(`data/raw/${c.raw_file}: sha256 is ${sha}, data/curated/${c.id}.json expects ${c.raw_sha256}; hint: raw sources are never edited — restore the file, or review the curated file again`);
    }
    const analysis = analyzeResolution(normalizeText(bytes.toString('utf8')), reference, { corrections: c.corrections });
    const failed = analysis.issues.filter((i) => i.severity === 'error');
    if (failed.length) throw new DataError(`data/raw/${c.raw_file}: ${failed.map((i) => i.message).join('; ')}`);
    return { curated: c, analysis };
  });
  const review = reviewIndex(loadAnnotations());
  const parts = analyses.map(({ curated: c, analysis: a }) => resolutionRows(c, a, review));
  const cat = <K extends keyof ResolutionRows>(k: K): ResolutionRows[K] => parts.flatMap((p) => p[k] as unknown[]) as ResolutionRows[K];
  const reuse = compareResolutions(
    analyses
      .filter(({ curated: c }) => c.completeness !== 'metadata-only')
      .map(({ curated: c, analysis: a }) => ({ id: c.id, provisions: a.provisions.map((p) => ({ id: p.id, text: p.text, measures: p.measures })) })),
  );
  const sources: PackageSource[] = analyses.map(({ curated: c }) => ({
    title: `${c.metadata.council.value ?? c.id} ${c.metadata.number.value ?? ''}`.trim(),
    path: `data/raw/${c.raw_file}`,
    ...(c.metadata.source_url.value ? { url: c.metadata.source_url.value } : {}),
  })) as unknown as PackageSource[];
  return {
    tables: {
      resolutions: cat('resolutions'),
      provisions: cat('provisions'),
      legal_bases: cat('legal_bases'),
      corrections: cat('corrections'),
      provision_measures: cat('provision_measures'),
      objectives: cat('objectives'),
      funding: cat('funding'),
      supervision: cat('supervision'),
      jurisdictions: jurisdictionRows(reference.jurisdictions),
      taxonomy: taxonomyRows(reference.taxonomy),
      similarity: reuse.similarity as unknown as RowOf<'similarity'>[],
      shared_passages: reuse.passages as unknown as RowOf<'shared_passages'>[],
    },
    analyses,
    sources,
    disagreements: analyses.flatMap(({ curated: c, analysis: a }) => metadataDisagreements(c, a)),
  };
}
