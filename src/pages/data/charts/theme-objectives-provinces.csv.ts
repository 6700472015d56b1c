// Data of the objectives page's table by province (shown above PER_RESOLUTION_MAX resolutions, src/lib/views/scale.ts):
// per province, its resolutions and how many of them set at least one numeric target.
import type { APIRoute } from 'astro';
import { scaleCsv } from '../../../site/scale-views.ts';

export const GET: APIRoute = () => new Response(scaleCsv.objectives(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
