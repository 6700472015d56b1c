/**
 * Data of the cited-documents chart (/themes/legal-bases/), as shown: one row per cited document with the number of
 * resolutions citing it and its status in the project's legal-documents register (data/reference).
 */
import type { APIRoute } from 'astro';
import registerCsv from '../../../../data/reference/legal-documents.csv?raw';
import { parseRegister } from '../../../lib/reference/legal-register.ts';
import { citedDocuments } from '../../../lib/views/themes.ts';
import { chartCsv } from '../../../lib/publish/csv-text.ts';
import { dataset } from '../../../node/published.ts';

export const GET: APIRoute = () => {
  const { documents, problems } = parseRegister(registerCsv);
  if (problems.length) throw new Error(`data/reference/legal-documents.csv: ${problems.join('; ')}`);
  const rows = citedDocuments(dataset(), documents).map((d) => [
    d.ref, d.number, d.kind, d.title_vi, d.title_en, d.n_resolutions, d.status, d.replaced_by.map((x) => x.number).join(';') || null,
    d.n_superseded, d.n_unknown, d.resolution_ids.join(';'),
  ]);
  const header = ['ref', 'number', 'kind', 'title_vi', 'title_en', 'n_resolutions', 'status', 'replaced_by', 'n_cited_when_superseded', 'n_cited_unknown', 'resolution_ids'];
  return new Response(chartCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
