// The overview's tile-grid maps as shown: one row per tile of the 34- and the 63-province map.
import type { APIRoute } from 'astro';
import { mapCsv } from '../../../lib/views/map.ts';
import { overviewMaps } from '../../../site/tile-map.ts';

export const GET: APIRoute = () => new Response(mapCsv(overviewMaps()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
