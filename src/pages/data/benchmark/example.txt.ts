// The example draft the benchmark page offers ("Try an example draft"): an invented text, see data/examples/README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';

export const GET: APIRoute = () =>
  new Response(readFileSync(join(process.cwd(), 'data', 'examples', 'draft-missing-measures-2026.txt'), 'utf8'), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
