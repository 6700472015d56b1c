/**
 * Search as a reader uses it, in real Chromium: type a phrase with and without diacritics in the header box of
 * another page, land on /search/?q=…, see the hits (the expected ones, computed here by scanning the published
 * provisions' folded texts), follow one to its provision's anchor on the resolution page; the English page links to
 * /en/resolutions/…; filters narrow the hits and go into the address; Back returns to the previous search; the CSV
 * download holds every hit; empty queries and a missing index say so; no first view loads the index; axe clean,
 * nothing from another host, no sideways scroll at 360 px.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import { foldText } from '../../src/lib/text/fold.ts';
import type { RowOf } from '../../src/lib/publish/schema.ts';
import { provisionText } from '../../src/lib/search/indexer.ts';
import { foreignRequests, launch, openPage, seriousViolations, siteUrl } from './harness.ts';

const DIST = new URL('../../dist/', import.meta.url);
let browser: Browser;
let provisions: RowOf<'provisions'>[];
let resolutions: RowOf<'resolutions'>[];
beforeAll(async () => {
  browser = await launch();
  provisions = parseCsv('provisions', readFileSync(new URL('data/provisions.csv', DIST), 'utf8'));
  resolutions = parseCsv('resolutions', readFileSync(new URL('data/resolutions.csv', DIST), 'utf8'));
});
afterAll(async () => {
  await browser?.close();
});

const key = (p: { resolution_id: string; provision_id: string }) => `${p.resolution_id}#${p.provision_id}`;
const holding = (phrase: string) => provisions.filter((p) => ` ${foldText(provisionText(p)).replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${phrase} `));
const hitKeys = (page: Page) => page.getByTestId('search-result').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-resolution')}#${e.getAttribute('data-provision')}`));
const indexRequests = (requests: readonly string[]) => requests.filter((u) => u.includes('/data/search/'));
const settled = (page: Page) => page.waitForFunction(() => !/Đang tìm|Searching/.test(document.querySelector('#search-status')?.textContent ?? ''));

describe('search', () => {
  it('finds "hương ước" typed without diacritics in the header box, and follows a hit to its provision', async () => {
    const expected = holding('huong uoc').map(key).sort();
    expect(expected.length).toBeGreaterThan(0);
    // The header's box is in the header row on a wide screen (a phone has a search link instead).
    const r = await openPage(browser, '/resolutions/', { width: 1280 });
    const { page } = r;
    expect(indexRequests(r.requests)).toEqual([]);
    await page.getByTestId('search-input').fill('"huong uoc"');
    await page.getByTestId('search-input').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('"huong uoc"');
    await settled(page);
    expect((await hitKeys(page)).sort()).toEqual(expected);
    expect(await page.getByTestId('search-status').textContent()).toContain(String(expected.length));
    // The words are highlighted as printed, with their diacritics.
    const marks = await page.locator('[data-testid="search-result"] mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(expected.length);
    expect(marks.every((m) => foldText(m) === 'huong uoc')).toBe(true);
    expect(marks.some((m) => /ư/.test(m))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const first = page.getByTestId('search-result').first();
    const pid = await first.getAttribute('data-provision');
    const rid = await first.getAttribute('data-resolution');
    await first.getByRole('link').click();
    await page.waitForURL(`**/resolutions/${rid}/#${pid}`);
    expect(new URL(page.url()).pathname).toBe(`/resolutions/${rid}/`);
    expect(await page.evaluate((id) => document.getElementById(id!)?.matches(':target') ?? false, pid)).toBe(true);
    expect(foldText((await page.locator(`[id="${pid}"]`).textContent()) ?? '')).toContain('huong uoc');
    expect(foreignRequests(r)).toEqual([]);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });

  it('gives the same hits with diacritics; words need not be adjacent, phrases must', async () => {
    const r = await openPage(browser, '/search/?q=h%C6%B0%C6%A1ng%20%C6%B0%E1%BB%9Bc');
    await settled(r.page);
    const both = new Set(provisions.filter((p) => ['huong', 'uoc'].every((w) => ` ${foldText(provisionText(p)).replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${w} `))).map(key));
    const shown = await hitKeys(r.page);
    expect(shown.length).toBe(Math.min(20, both.size));
    expect(shown.every((k) => both.has(k))).toBe(true);
    expect(both.size).toBeGreaterThanOrEqual(holding('huong uoc').length);
    await r.context.close();
  });

  it('on the English page links to the English resolution page', async () => {
    const r = await openPage(browser, '/en/', { width: 1280 });
    await r.page.getByTestId('search-input').fill('hương ước');
    await r.page.getByTestId('search-input').press('Enter');
    await r.page.waitForURL(/\/en\/search\/\?q=/);
    await settled(r.page);
    const href = await r.page.getByTestId('search-result').first().getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/en\/resolutions\/[a-z0-9-]+\/#[a-z0-9.-]+$/);
    expect(await r.page.getByTestId('search-status').textContent()).toMatch(/provisions? match/);
    expect(await seriousViolations(r.page)).toEqual([]);
    await r.context.close();
  });

  it('filters narrow the hits, go into the address, and Back returns to the previous search', async () => {
    const r = await openPage(browser, '/search/?q=d%C3%A2n', { width: 1280 });
    const { page } = r;
    await settled(page);
    const all = holding('dan');
    expect(await page.getByTestId('search-result').count()).toBe(Math.min(20, all.length));
    const byId = new Map(resolutions.map((x) => [x.id, x]));
    const level = 'commune';
    const expected = all.filter((p) => byId.get(p.resolution_id)!.level === level && p.measures.includes('M2')).map(key).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    await page.getByTestId('search-level').selectOption(level);
    await page.getByTestId('search-measure').selectOption('M2');
    // Filters apply on change: no need to press Search.
    await expect.poll(() => new URL(page.url()).searchParams.get('m'), { timeout: 15_000 }).toBe('M2');
    await settled(page);
    const params = new URL(page.url()).searchParams;
    expect([params.get('q'), params.get('m'), params.get('level')]).toEqual(['dân', 'M2', 'commune']);
    while (await page.locator('#search-more:not([hidden])').count()) {
      await page.locator('#search-more').click();
      await settled(page);
      await page.waitForFunction(() => !(document.querySelector('#search-more') as HTMLButtonElement).disabled);
    }
    expect((await hitKeys(page)).sort()).toEqual(expected);

    // The CSV holds every hit: one line each, with its URL.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('search-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFresolution_id,provision_id,measures,text,url\r\n')).toBe(true);
    const ids = [...csv.matchAll(/^([a-z0-9-]+),([a-z0-9.-]+),/gm)].map((m) => `${m[1]}#${m[2]}`).sort();
    expect(ids).toEqual(expected);
    expect(csv).toContain(`${siteUrl('/resolutions/')}${expected[0]!.replace('#', '/#')}`);

    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('level='));
    await settled(page);
    expect(await page.getByTestId('search-level').inputValue()).toBe('');
    expect(await page.getByTestId('search-result').count()).toBe(Math.min(20, all.length));
    await r.context.close();
  });

  it('says so for an empty query and for no hits, and when the index cannot be loaded', async () => {
    const r = await openPage(browser, '/search/');
    const { page } = r;
    expect(await page.getByTestId('search-status').textContent()).toMatch(/Gõ từ cần tìm/);
    await page.getByTestId('search-input').fill('  ,, ');
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(() => page.getByTestId('search-status').textContent(), { timeout: 15_000 }).toMatch(/ít nhất một từ/);
    await page.getByTestId('search-input').fill('xyzzyqq');
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(() => page.getByTestId('search-status').textContent(), { timeout: 15_000 }).toMatch(/Không có điều khoản nào khớp với “xyzzyqq”/);
    await r.context.close();

    const broken = await browser.newContext();
    await broken.route('**/data/search/**', (route) => route.fulfill({ status: 503, body: 'down' }));
    const p2 = await broken.newPage();
    await p2.goto(siteUrl('/search/?q=huong'), { waitUntil: 'load' });
    await expect.poll(() => p2.getByTestId('search-status').textContent(), { timeout: 15_000 }).toMatch(/Không tải được chỉ mục tìm kiếm/);
    await broken.close();
  });

  it('no first view fetches the index: the search page without a query, and other pages', async () => {
    for (const path of ['/search/', '/en/search/', '/', '/resolutions/', '/compare/']) {
      const r = await openPage(browser, path);
      await r.page.waitForTimeout(200);
      expect(indexRequests(r.requests), path).toEqual([]);
      expect(await r.page.getByTestId('search-input').count(), path).toBe(1);
      if (path.endsWith('search/')) expect(await seriousViolations(r.page)).toEqual([]);
      await r.context.close();
    }
  });
});
