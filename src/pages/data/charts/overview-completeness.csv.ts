// The overview's completeness groups exactly as listed (full texts, openings, catalogue entries).
import type { APIRoute } from 'astro';
import { completenessCsv, completenessGroups } from '../../../lib/views/overview.ts';
import { dataset } from '../../../node/published.ts';

export const GET: APIRoute = () =>
  new Response(completenessCsv(completenessGroups(dataset().resolutions)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
