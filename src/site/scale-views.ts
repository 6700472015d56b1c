/**
 * The per-province views of the overview and theme pages at scale (src/lib/views/scale.ts, src/lib/views/aggregates.ts),
 * computed once per build from the published tables and shared by the pages (both languages) and the CSV of each
 * chart, so that what a chart shows and what its download holds are the same numbers.
 */
import { foundKeys, histogramCsv, monthlyAdoptions, monthlyCsv, provinceCounts, provinceCountsCsv, scoreHistogram, topPairs, type ProvinceCounts } from '../lib/views/aggregates.ts';
import { atScale } from '../lib/views/scale.ts';
import { ACTORS, CODES, FUNDING_SOURCES, fundingCells, measureCells, supervisionCells } from '../lib/views/themes.ts';
import { provinces } from './lists.ts';
import { dataset } from '../node/published.ts';

const memo = new Map<string, unknown>();
function once<T>(key: string, f: () => T): T {
  if (!memo.has(key)) memo.set(key, f());
  return memo.get(key) as T;
}

/** True when the overview and theme pages aggregate by province. */
export function pagesAtScale(): boolean {
  return atScale(dataset().resolutions.length);
}

export const measureCounts = (): ProvinceCounts => once('measures', () => {
  const keys = foundKeys(measureCells(dataset()), (c) => c.code);
  return provinceCounts(provinces(), CODES, (id, c) => keys.has(`${id} ${c}`));
});

export const fundingCounts = (): ProvinceCounts => once('funding', () => {
  const keys = foundKeys(fundingCells(dataset()), (c) => c.source);
  return provinceCounts(provinces(), FUNDING_SOURCES, (id, c) => keys.has(`${id} ${c}`));
});

export const supervisionCounts = (): ProvinceCounts => once('supervision', () => {
  const keys = foundKeys(supervisionCells(dataset()), (c) => c.actor);
  return provinceCounts(provinces(), ACTORS, (id, c) => keys.has(`${id} ${c}`));
});

export const targetCounts = (): ProvinceCounts => once('objectives', () => {
  const withTargets = new Set(dataset().objectives.map((o) => o.resolution_id));
  return provinceCounts(provinces(), ['targets'], (id) => withTargets.has(id));
});

export const adoptionsByMonth = () => once('months', () => monthlyAdoptions(dataset().resolutions));
export const similarityBins = () => once('bins', () => scoreHistogram(dataset().similarity));
export const mostSimilarPairs = () => once('pairs', () => topPairs(dataset().similarity, 20));

/** The CSV of each at-scale chart, by the chart's CSV name. */
export const scaleCsv = {
  measures: () => provinceCountsCsv(measureCounts()),
  funding: () => provinceCountsCsv(fundingCounts()),
  supervision: () => provinceCountsCsv(supervisionCounts()),
  objectives: () => provinceCountsCsv(targetCounts(), 'n_with_'),
  timeline: () => monthlyCsv(adoptionsByMonth()),
  reuse: () => histogramCsv(similarityBins()),
};
