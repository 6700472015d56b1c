/**
 * /data/site/resolutions/<id>.json: one resolution's record for the compare page (provisions grouped by measure
 * code, objectives, funding, supervision, legal bases, shared passages as offsets), written at build time.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteResolution } from '../../../../lib/views/compare.ts';
import { compareTablesOf, dataset } from '../../../../node/published.ts';

export const getStaticPaths = (() => dataset().resolutions.map((r) => ({ params: { id: r.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(siteResolution(String(params.id), compareTablesOf(String(params.id)))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
