// The overview's adoption timeline exactly as shown (dated resolutions in date order, then the undated ones).
import type { APIRoute } from 'astro';
import { timeline, timelineCsv } from '../../../lib/overview.ts';
import { dataset } from '../../../site/published.ts';

export const GET: APIRoute = () =>
  new Response(timelineCsv(timeline(dataset().resolutions)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
