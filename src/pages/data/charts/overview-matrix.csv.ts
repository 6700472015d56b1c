// The overview's measures matrix exactly as shown (one row per resolution, per code status, count, first provision).
// At scale (src/lib/views/scale.ts) the page shows, and this holds, the counts per province.
import type { APIRoute } from 'astro';
import { matrixCsv, measureMatrix } from '../../../lib/views/overview.ts';
import { dataset } from '../../../node/published.ts';
import { pagesAtScale, scaleCsv } from '../../../site/scale-views.ts';

export const GET: APIRoute = () => {
  if (pagesAtScale()) return new Response(scaleCsv.measures(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const d = dataset();
  return new Response(matrixCsv(measureMatrix(d.resolutions, d.provisions, d.taxonomy)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
