/**
 * `npm start` serves the built site as production does: it runs `npm run serve` (scripts/serve.ts) after the build,
 * which answers the query engine (DuckDB-WASM, 34 MB) with its precompressed brotli file and Content-Encoding br,
 * gzip to a client that only takes gzip, the plain file to one that takes neither, byte ranges, and the 404 page for
 * an unknown address. Started here as npm starts it, on a free port, against the dist/ the browser tests built.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';

const DIST = join(ROOT, 'dist');
let child: ChildProcess;
let origin = '';

function request(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
      });
    }).on('error', reject);
  });
}

beforeAll(async () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.start).toBe('npm run build && npm run serve');
  expect(pkg.scripts.serve).toBe('node scripts/serve.ts');
  child = spawn(process.execPath, ['scripts/serve.ts', DIST, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`scripts/serve.ts exited with ${code}`)));
  });
});
afterAll(() => {
  child?.kill();
});

describe('npm start', () => {
  const wasm = readdirSync(join(DIST, '_astro')).find((f) => /duckdb-eh.*\.wasm$/.test(f));

  it('answers the query engine with its brotli file, Content-Encoding br', async () => {
    expect(wasm).toBeTruthy();
    const path = `/_astro/${wasm}`;
    const br = await request(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/wasm');
    expect(br.bytes).toBe(statSync(join(DIST, '_astro', `${wasm}.br`)).size);
    expect(br.bytes).toBeLessThan(statSync(join(DIST, '_astro', wasm!)).size / 4);
    const gz = await request(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await request(path, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes).toBe(statSync(join(DIST, '_astro', wasm!)).size);
  });

  it('serves pages compressed, byte ranges of Parquet, and the 404 page for an unknown address', async () => {
    const home = await request('/en/', { 'accept-encoding': 'br' });
    expect(home.status).toBe(200);
    expect(home.headers['content-encoding']).toBe('br');
    const range = await request('/data/resolutions.parquet', { range: 'bytes=0-3' });
    expect(range.status).toBe(206);
    expect(range.body.toString('latin1')).toBe('PAR1');
    const missing = await request('/no-such-page/', {});
    expect(missing.status).toBe(404);
    if (existsSync(join(DIST, '404.html'))) expect(missing.body.toString('utf8')).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
  });
});
