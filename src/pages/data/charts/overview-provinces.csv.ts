// The overview's provinces before and after the 2025 reform, one row per province-level unit from 1 July 2025.
import type { APIRoute } from 'astro';
import { lineageCsv, provinceLineage } from '../../../lib/views/overview.ts';
import { dataset } from '../../../node/published.ts';

export const GET: APIRoute = () => {
  const d = dataset();
  return new Response(lineageCsv(provinceLineage(d.jurisdictions, d.resolutions)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
