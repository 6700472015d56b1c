/** Data of the practice-tags bar chart (/themes/measures/), as shown: one row per practice tag, most used first. */
import type { APIRoute } from 'astro';
import { practiceCounts } from '../../../lib/views/themes.ts';
import { chartCsv } from '../../../lib/publish/csv-text.ts';
import { dataset } from '../../../node/published.ts';

export const GET: APIRoute = () => {
  const rows = practiceCounts(dataset()).map((p) => [p.code, p.parent_code, p.label_vi, p.label_en, p.n_provisions, p.n_resolutions]);
  const header = ['code', 'parent_code', 'label_vi', 'label_en', 'n_provisions', 'n_resolutions'];
  return new Response(chartCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
