/**
 * /data/site/index.json: the compare page's picker index (id, labels in both languages, level, completeness, folded
 * search key), written at build time from the published resolutions table. The page loads only this and the
 * records of the resolutions a reader picks.
 */
import type { APIRoute } from 'astro';
import { compareIndex } from '../../../lib/views/compare.ts';
import { dataset } from '../../../node/published.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(compareIndex(dataset().resolutions)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
