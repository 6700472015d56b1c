/**
 * Data of the measures heat-map (/themes/measures/), as shown: one row per resolution and measure code. At scale
 * (src/lib/views/scale.ts) the page shows, and this holds, the counts per province.
 */
import type { APIRoute } from 'astro';
import { measureCells, orderedResolutions } from '../../../lib/views/themes.ts';
import { chartCsv } from '../../../lib/publish/csv-text.ts';
import { dataset } from '../../../node/published.ts';
import { pagesAtScale, scaleCsv } from '../../../site/scale-views.ts';

export const GET: APIRoute = () => {
  if (pagesAtScale()) return new Response(scaleCsv.measures(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const d = dataset();
  const refs = new Map(orderedResolutions(d.resolutions).map((r) => [r.id, r]));
  const rows = measureCells(d).map((c) => {
    const r = refs.get(c.id);
    return [c.id, r?.label_vi, r?.label_en, r?.completeness, c.code, c.n_provisions, c.status];
  });
  const header = ['resolution_id', 'resolution_vi', 'resolution_en', 'completeness', 'code', 'n_provisions', 'status'];
  return new Response(chartCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
