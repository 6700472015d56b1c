/**
 * Data of the targets chart (/themes/objectives/), as shown: targets by measure code ('' = uncoded) and unit ('' =
 * count).
 */
import type { APIRoute } from 'astro';
import { targetsByMeasure } from '../../../lib/views/themes.ts';
import { chartCsv } from '../../../lib/publish/csv-text.ts';
import { dataset } from '../../../node/published.ts';

export const GET: APIRoute = () => {
  const rows = targetsByMeasure(dataset()).map((c) => [c.code, c.unit, c.n_targets, c.n_resolutions]);
  return new Response(chartCsv(['code', 'unit', 'n_targets', 'n_resolutions'], rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
