/** Data of the roles chart (/themes/supervision/), as shown: resolutions giving each body each role. */
import type { APIRoute } from 'astro';
import { roleCounts } from '../../../lib/views/themes.ts';
import { chartCsv } from '../../../lib/publish/csv-text.ts';
import { dataset } from '../../../node/published.ts';

export const GET: APIRoute = () => {
  const rows = roleCounts(dataset()).map((c) => [c.role, c.actor, c.n_resolutions, c.n_full, c.resolution_ids.join(';')]);
  return new Response(chartCsv(['role', 'actor', 'n_resolutions', 'n_full_texts', 'resolution_ids'], rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
