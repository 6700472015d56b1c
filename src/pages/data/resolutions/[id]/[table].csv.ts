// /data/resolutions/<id>/<table>.csv: the rows of one published table that concern one resolution, in the published
// CSV layout (UTF-8 with BOM, declared columns, CRLF), for the downloads on the resolution's page. The rows come
// from the resolution's slice (byResolution, indexed once per build), not from a scan of the whole table.
import type { APIRoute } from 'astro';
import { toCsv } from '../../../../lib/publish/csv.ts';
import { RESOLUTION_TABLES, isResolutionTable, rowsOfResolution } from '../../../../lib/views/resolution.ts';
import { byResolution, dataset } from '../../../../node/published.ts';

export const getStaticPaths = () =>
  dataset().resolutions.flatMap((r) => RESOLUTION_TABLES.map((table) => ({ params: { id: r.id, table } })));

export const GET: APIRoute = ({ params }) => {
  const { id, table } = params;
  if (!id || !table || !isResolutionTable(table)) throw new Error(`unexpected route params ${JSON.stringify(params)}`);
  const csv = toCsv(table, rowsOfResolution(byResolution()(id), table, id), { validated: true });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
