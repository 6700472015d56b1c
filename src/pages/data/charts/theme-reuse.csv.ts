/**
 * Data of the similarity heat-map (/themes/reuse/), as shown: every off-diagonal cell, both ways round. At scale
 * (src/lib/views/scale.ts) the page shows, and this holds, the histogram of pair scores.
 */
import type { APIRoute } from 'astro';
import { similarityCells } from '../../../lib/views/themes.ts';
import { chartCsv } from '../../../lib/publish/csv-text.ts';
import { dataset } from '../../../node/published.ts';
import { pagesAtScale, scaleCsv } from '../../../site/scale-views.ts';

export const GET: APIRoute = () => {
  if (pagesAtScale()) return new Response(scaleCsv.reuse(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const rows = similarityCells(dataset()).cells.map((c) => [c.a, c.b, c.score, c.n_shared_passages]);
  return new Response(chartCsv(['resolution_a', 'resolution_b', 'score', 'n_shared_passages'], rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
