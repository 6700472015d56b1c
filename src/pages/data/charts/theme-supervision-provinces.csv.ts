// Data of the supervision page's table by province (shown above PER_RESOLUTION_MAX resolutions, src/lib/views/scale.ts):
// per province, its resolutions and how many of them give each body a role.
import type { APIRoute } from 'astro';
import { scaleCsv } from '../../../site/scale-views.ts';

export const GET: APIRoute = () => new Response(scaleCsv.supervision(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
