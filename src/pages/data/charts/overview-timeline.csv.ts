// The overview's adoption timeline exactly as shown (dated resolutions in date order, then the undated ones).
// At scale (src/lib/views/scale.ts) the page shows, and this holds, the adoptions per month and level.
import type { APIRoute } from 'astro';
import { timeline, timelineCsv } from '../../../lib/views/overview.ts';
import { dataset } from '../../../node/published.ts';
import { pagesAtScale, scaleCsv } from '../../../site/scale-views.ts';

export const GET: APIRoute = () =>
  pagesAtScale() ? new Response(scaleCsv.timeline(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(timelineCsv(timeline(dataset().resolutions)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
