// Everything the in-browser benchmark needs, built once: the reference (jurisdictions, legal-documents register,
// taxonomy) and the peers (the full texts' provisions with their measures). Served as a static JSON file.
import type { APIRoute } from 'astro';
import { loadPeers } from '../../../node/peers.ts';
import { loadReference } from '../../../node/reference.ts';
import { benchmarkContext } from '../../../lib/draft/context.ts';

export const GET: APIRoute = () => {
  const reference = loadReference();
  return new Response(JSON.stringify(benchmarkContext(reference, loadPeers(reference))), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
