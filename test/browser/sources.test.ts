/**
 * A journalist can get every source, cite every figure and trust every count, on the built site:
 * - every published resolution's raw file is in dist/data/raw/, linked from its page in both languages, and its
 *   SHA-256 equals the sidecar's, the resolutions table's and datapackage.json's; the page shows the source address
 *   or says how the text was received and that the official copy is still to be found;
 * - every headline card (home) and every chart's base (home, theme pages) adds up: known + unknown = base, and the
 *   resolutions table has no 0 where a count is unknown;
 * - /data/ shows the readers' release notes and a citation with the datapackage's version, year and address;
 * - an unknown address shows the 404 page, in Vietnamese and in English, with the search box and the main links.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { foreignRequests, launch, openPage, seriousViolations, siteUrl } from './harness.ts';
import { ROOT } from '../../src/node/paths.ts';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import { DATA_VERSION, releaseYear } from '../../src/lib/publish/release.ts';

const DIST = join(ROOT, 'dist');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const html = (route: string) => parseHTML(readFileSync(join(DIST, route, 'index.html'), 'utf8')).document;
const resolutions = parseCsv('resolutions', readFileSync(join(DIST, 'data', 'resolutions.csv'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8')) as {
  version: string; created: string; homepage: string; citation: string; resources: { name: string; path: string; hash?: string; bytes?: number }[];
};

describe('every source obtainable', () => {
  it.each(resolutions.map((r) => [r.id, r] as const))('%s: raw file published, linked, SHA-256 = sidecar = table = datapackage', (id, r) => {
    const bytes = readFileSync(join(DIST, 'data', 'raw', r.raw_file));
    const side = JSON.parse(readFileSync(join(DIST, 'data', 'raw', `${id}.source.json`), 'utf8')) as { sha256: string; file: string; source_url: string | null };
    expect(side.file).toBe(r.raw_file);
    expect(sha(bytes)).toBe(side.sha256);
    expect(sha(bytes)).toBe(r.raw_sha256);
    expect(sha(bytes)).toBe(sha(readFileSync(join(ROOT, 'data', 'raw', r.raw_file))));
    const resource = pkg.resources.find((x) => x.path === `raw/${r.raw_file}`);
    expect(resource?.hash).toBe(`sha256:${side.sha256}`);
    expect(resource?.bytes).toBe(bytes.length);
    for (const prefix of ['', 'en/']) {
      const doc = html(`${prefix}resolutions/${id}`);
      const link = doc.querySelector(`[data-testid="raw-source"] a[data-raw-file="${r.raw_file}"]`);
      expect(link?.getAttribute('href'), `${prefix}${id}`).toBe(`/data/raw/${r.raw_file}`);
      const block = doc.querySelector('[data-testid="raw-source"]')?.textContent ?? '';
      if (r.source_url) expect(block).toContain(r.source_url);
      else expect(doc.querySelector('[data-testid="no-source-url"]')?.textContent ?? '').toMatch(prefix ? /official copy .* still to be found/ : /Bản chính thức .* chưa được tìm thấy/);
    }
  });

  it('Lạng Sơn 08/2024: the third-party copy is shown as such, never as the source', () => {
    const r = resolutions.find((x) => x.id === 'lang-son-08-2024-nq-hdnd');
    expect(r?.source_url).toBeNull();
    const copy = html('en/resolutions/lang-son-08-2024-nq-hdnd').querySelector('[data-testid="third-party-copy"]');
    expect(copy?.textContent).toMatch(/Third-party copy \(not the official source\)/);
    expect(copy?.querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\/thuviennhadat\.vn\//);
  });

  it('a raw file downloads from its page in Chromium, byte for byte', async () => {
    const browser = await launch();
    try {
      const r = resolutions.find((x) => x.completeness === 'full' && x.source_url === null)!;
      const { page, context } = await openPage(browser, `/resolutions/${r.id}/`);
      const res = await page.request.get(siteUrl(`/data/raw/${r.raw_file}`));
      expect(res.status()).toBe(200);
      expect(sha(await res.body())).toBe(r.raw_sha256);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe('counts that add up', () => {
  const pages = ['', 'en/', 'themes/measures', 'themes/objectives', 'themes/funding', 'themes/supervision', 'themes/legal-bases', 'themes/reuse',
    'en/themes/measures', 'en/themes/funding'];
  it.each(pages)('/%s: every card and chart base: known + unknown = base', (route) => {
    const doc = html(route);
    const cards = [...doc.querySelectorAll('[data-base]')];
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      const [base, known, unknown] = ['data-base', 'data-known', 'data-unknown'].map((a) => Number(c.getAttribute(a)));
      expect(known! + unknown!, c.textContent ?? '').toBe(base);
      expect(base).toBe(resolutions.length);
      const yes = c.getAttribute('data-yes');
      if (yes !== null) expect(Number(yes)).toBeLessThanOrEqual(known!);
    }
    // Every chart on the page counts its base.
    expect(doc.querySelectorAll('figure.chart').length).toBe(doc.querySelectorAll('figure.chart [data-testid="count-base"]').length);
  });

  it('the home page\'s cards say "k of known" and "u: unknown" with the numbers of their base', () => {
    for (const c of html('en/').querySelectorAll('[data-fact]')) {
      const text = c.textContent ?? '';
      expect(text).toContain(`${c.getAttribute('data-yes')} of ${c.getAttribute('data-known')}`);
      if (c.getAttribute('data-unknown') !== '0') expect(text).toContain(`${c.getAttribute('data-unknown')} resolution`);
      expect(text).toContain(`Base: ${c.getAttribute('data-base')} resolutions = ${c.getAttribute('data-known')} known + ${c.getAttribute('data-unknown')} unknown`);
    }
  });

  it('no 0 where a count is unknown: openings\' and catalogue entries\' measure and target counts are null', () => {
    for (const r of resolutions) {
      if (r.completeness === 'full') {
        expect(r.n_measures).not.toBeNull();
        expect(r.n_objectives).not.toBeNull();
      } else {
        expect(r.n_measures, r.id).toBeNull();
        expect(r.n_objectives, r.id).toBeNull();
      }
      expect(r.n_legal_bases === null, r.id).toBe(r.completeness === 'metadata-only');
    }
  });
});

describe('names that tell rows apart', () => {
  it.each(['resolutions', 'en/resolutions', '', 'en/'])('/%s: within each table, no two resolutions share a name', (route) => {
    const tables = [...html(route).querySelectorAll('table')]
      .map((t) => [...t.querySelectorAll('tbody th[scope="row"] a[href*="/resolutions/"]')].map((a) => a.textContent?.trim() ?? ''))
      .filter((names) => names.length > 1);
    expect(tables.length).toBeGreaterThan(0);
    for (const names of tables) expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    if (route.includes('resolutions')) expect(tables.flat().filter((n) => n.includes('Hồ Chí Minh')).length).toBe(2);
  });
});

describe('/data/ and the 404 page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([['/data/', 'Ghi chú phát hành', 'phiên bản'], ['/en/data/', 'Release notes', 'version']])('%s shows the readers\' release notes and the citation of this version', async (path, heading, word) => {
    const r = await openPage(browser, path, { width: 1280 });
    const notes = r.page.getByTestId('release-notes');
    expect(await notes.locator('h2').textContent()).toBe(heading);
    const versions = await notes.locator('h3').allTextContents();
    expect(versions[0]).toContain(DATA_VERSION);
    expect(await notes.textContent()).not.toMatch(/npm run|src\/lib|data-testid/);
    const cite = r.page.getByTestId('citation');
    const text = (await cite.textContent()) ?? '';
    expect(text).toContain(`${word} ${pkg.version}`);
    expect(text).toContain(`(${releaseYear()})`);
    expect(Number(pkg.created.slice(0, 4))).toBe(releaseYear());
    expect(await cite.getAttribute('data-version')).toBe(pkg.version);
    const url = await cite.getAttribute('data-url');
    expect(url && text.includes(url) && pkg.citation.includes(url)).toBe(true);
    expect(url?.startsWith(pkg.homepage)).toBe(true);
    expect(await r.page.locator('link[rel="canonical"]').getAttribute('href')).toBe(new URL(path, pkg.homepage).href);
    await r.context.close();
  });

  it('/en/explore/: a query\'s result reads "unknown" for an unknown count and carries its citation', async () => {
    const r = await openPage(browser, '/en/explore/', { width: 1280 });
    const sql = 'SELECT id, n_measures FROM resolutions ORDER BY id';
    await r.page.getByTestId('sql-input').fill(sql);
    await r.page.getByTestId('sql-run').click();
    await r.page.locator('[data-testid="sql-result"] tbody tr').first().waitFor({ timeout: 120_000 });
    const row = r.page.locator('[data-testid="sql-result"] tbody tr', { hasText: 'bac-giang-46-nq-hdnd-2024' });
    expect(await row.locator('td').nth(1).textContent()).toBe('unknown');
    const cite = (await r.page.getByTestId('sql-citation').textContent()) ?? '';
    expect(cite).toContain(`“${sql}”`);
    expect(cite).toContain(`version ${DATA_VERSION}`);
    expect(cite).toContain(new URL('/en/explore/', pkg.homepage).href);
    await r.context.close();
  });

  it.each([
    ['/khong-co-trang-nay/', 'vi', 'Không tìm thấy trang', 'Tìm'],
    ['/en/no-such-page/', 'en', 'Page not found', 'Search'],
  ])('%s shows the 404 page (%s) with the search box and the main links', async (path, lang, h1, go) => {
    const r = await openPage(browser, path);
    const res = await r.page.request.get(siteUrl(path));
    expect(res.status()).toBe(404);
    expect((await r.page.locator('h1').textContent())?.trim()).toBe(h1);
    const first = r.page.locator('[data-testid="not-found"] section').first();
    expect(await first.getAttribute('lang')).toBe(lang);
    const box = r.page.getByTestId(`not-found-search-${lang}`);
    await box.fill('tiếp công dân');
    await Promise.all([r.page.waitForURL(/\/search\/\?q=/), box.press('Enter')]);
    expect(r.page.url()).toContain(lang === 'en' ? '/en/search/?q=' : '/search/?q=');
    await r.page.goBack();
    const links = await r.page.locator('[data-testid="not-found"] section').first().locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(lang === 'en' ? ['/en/', '/en/resolutions/', '/en/data/'] : ['/', '/resolutions/', '/data/']));
    // The page itself answers 404, which Chromium logs; nothing else may fail.
    expect(r.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(await r.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await r.context.close();
  });
});

// `npm start` serves dist/ with `astro preview` today (another static server may replace it): it answers every
// unknown address with dist/404.html, so an unknown English address gets the Vietnamese file, whose English half
// comes first there (public/not-found.js).
describe('the 404 page through astro preview (npm start)', () => {
  let browser: Browser;
  let server: ChildProcess | undefined;
  let origin = '';
  beforeAll(async () => {
    browser = await launch();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // --ignore-lock: start beside any preview server already running for this project, without touching its lock.
    server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
      cwd: ROOT, stdio: 'ignore', detached: true, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    for (let i = 0; i < 480; i++) {
      if (await fetch(`${origin}/`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('astro preview did not start');
  });
  afterAll(async () => {
    if (server?.pid) process.kill(-server.pid);
    await browser?.close();
  });

  it.each([['/khong-co/', 'vi', 'Không tìm thấy trang'], ['/en/nothing-here/', 'en', 'Page not found']])('%s → 404, %s first', async (path, lang, h1) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const res = await page.goto(`${origin}${path}`);
    expect(res?.status()).toBe(404);
    expect((await page.locator('h1').textContent())?.trim()).toBe(h1);
    expect(await page.locator('[data-testid="not-found"] section').first().getAttribute('lang')).toBe(lang);
    expect(await page.getByTestId(`not-found-search-${lang}`).count()).toBe(1);
    await context.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
