/**
 * npm start runs this after the build: node scripts/serve.ts [DIR] [--port N]
 * Serves the built site (dist/, or DIR) on http://127.0.0.1:4321/ as production does: the precompressed .br and .gz
 * files that scripts/precompress.ts wrote (the 34 MB query engine travels as about 5 MB of brotli), directory
 * index.html, byte ranges (the explorer's Parquet reads) and dist/404.html for an unknown address. The server is
 * scripts/lib/serve.ts, the one the browser tests and the benchmarks use, so what they measure is what `npm start`
 * gives. `npm run preview` (astro preview) stays for checking Astro's own output; it sends files uncompressed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveDir } from './lib/serve.ts';
import { ROOT } from '../src/node/paths.ts';

const { values, positionals } = parseArgs({ options: { port: { type: 'string', default: '4321' } }, allowPositionals: true });
const dir = resolve(positionals[0] ?? process.env.SITE_OUT_DIR ?? resolve(ROOT, 'dist'));
const port = Number(values.port);
if (!existsSync(resolve(dir, 'index.html'))) {
  console.error(`${dir}: no index.html; hint: run \`npm run build\` first`);
  process.exit(2);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: not a port number`);
  process.exit(2);
}
const { url } = await serveDir(dir, port);
console.log(`Serving ${dir} at ${url}/ (precompressed .br/.gz, 404.html for unknown addresses). Ctrl+C stops.`);
