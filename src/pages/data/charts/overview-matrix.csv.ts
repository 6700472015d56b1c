// The overview's measures matrix exactly as shown (one row per resolution, per code status, count, first provision).
import type { APIRoute } from 'astro';
import { matrixCsv, measureMatrix } from '../../../lib/overview.ts';
import { dataset } from '../../../site/published.ts';

export const GET: APIRoute = () => {
  const d = dataset();
  return new Response(matrixCsv(measureMatrix(d.resolutions, d.provisions, d.taxonomy)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
