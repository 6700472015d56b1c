/**
 * A small static file server for the built site (dist/), used by the browser tests and the benchmarks: serves files
 * with their content type, directory index.html, brotli/gzip variants when present and accepted, and nothing else.
 * Listens on 127.0.0.1 only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm', '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8', '.ico': 'image/x-icon',
};

export function serveDir(root: string, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      // The English 404 page for an unknown English address (dist/en/404.html), the Vietnamese one otherwise.
      const en = join(root, 'en', '404.html');
      const notFound = url.pathname.startsWith('/en/') && existsSync(en) ? en : join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] ?? '' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const size = statSync(path).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const headers: Record<string, string> = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) });
      createReadStream(path, { start, end }).pipe(res);
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (accept.includes(enc) && existsSync(path + ext)) {
        res.writeHead(200, { ...headers, 'content-encoding': enc, vary: 'accept-encoding', 'content-length': String(statSync(path + ext).size) });
        createReadStream(path + ext).pipe(res);
        return;
      }
    }
    res.writeHead(200, { ...headers, 'content-length': String(size) });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}` });
    });
  });
}
