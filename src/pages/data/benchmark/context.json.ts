// Everything the in-browser benchmark needs, built once: the reference (jurisdictions, legal-documents register,
// taxonomy), the peers (the full texts' provisions with their measures), the curated sources' keys with their
// corrections (so a published resolution is recognised as on the command line) and the edition. Served as static JSON.
import type { APIRoute } from 'astro';
import { loadPeers } from '../../../node/peers.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../../../node/reference.ts';
import { edition } from '../../../node/edition.ts';
import { benchmarkContext } from '../../../lib/draft/context.ts';

export const GET: APIRoute = async () => {
  const reference = loadReference();
  const curated = loadCurated();
  const context = benchmarkContext(reference, loadPeers(reference), loadSourceKeys(curated), new Map(curated.map((c) => [c.id, c.corrections])), await edition());
  return new Response(JSON.stringify(context), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
