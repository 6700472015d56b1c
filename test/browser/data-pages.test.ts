/**
 * /data/ and /methodology/ in Vietnamese and English, at phone width: they load without errors or requests to other
 * hosts, are axe clean and fit 360 px; the data dictionary has a section for every declared table with every
 * column; every download link answers 200 with the size datapackage.json states; the methodology page shows the
 * taxonomy, the rules and either the agreement figures (one row per scored code, links to the provisions) or the
 * notice that they are not available.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations, siteUrl } from './harness.ts';
import { TABLES } from '../../src/lib/publish/schema.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const datapackage = JSON.parse(readFileSync(new URL('../../public/data/datapackage.json', import.meta.url), 'utf8')) as {
  version: string;
  resources: { path: string; bytes: number }[];
};
const bytesOf = new Map(datapackage.resources.map((r) => [r.path, r.bytes]));

describe.each(['/data/', '/en/data/'])('%s', (path) => {
  it('loads, is axe clean, fits 360 px, and has the dictionary of every table', async () => {
    const r = await openPage(browser, path);
    const { page } = r;
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const t of TABLES) {
      const section = page.locator(`section#table-${t.name}`);
      expect(await section.count(), t.name).toBe(1);
      const columns = await section.locator('tbody th[scope="row"] code').allTextContents();
      expect(columns, t.name).toEqual(t.fields.map((f) => f.name));
    }
    expect(await page.locator('[data-testid="downloads"] tbody tr').count()).toBe(TABLES.length);
    expect(await page.getByTestId('citation').textContent()).toContain(datapackage.version);
    expect(await page.locator('.changelog h3').count()).toBeGreaterThan(0);
    await r.context.close();
  });

  it('has download links that answer 200 with the stated size', async () => {
    const r = await openPage(browser, path, { width: 1280 });
    const hrefs = await r.page.locator('a[data-download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    expect(hrefs).toHaveLength(TABLES.length * 2 + 1);
    for (const href of hrefs) {
      const res = await r.context.request.get(siteUrl(href));
      expect(res.status(), href).toBe(200);
      const name = href.split('/').pop() ?? '';
      if (bytesOf.has(name)) expect((await res.body()).length, href).toBe(bytesOf.get(name));
    }
    await r.context.close();
  });
});

const annotated = existsSync(new URL('../../data/curated/annotations.csv', import.meta.url));

describe.each(['/methodology/', '/en/methodology/'])('%s', (path) => {
  it('loads, is axe clean, fits 360 px, shows taxonomy, rules and agreement', async () => {
    const r = await openPage(browser, path);
    const { page } = r;
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const code of ['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']) expect(await page.locator(`tr#code-${code}`).count(), code).toBe(1);
    expect(await page.locator('.rules code', { hasText: 'M1.boi-duong' }).count()).toBe(1);
    if (annotated) {
      expect(await page.locator('[data-testid="agreement"] tbody tr').count()).toBe(8);
      const links = await page.locator('[data-testid="disagreements"] li a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect(l).toMatch(/\/resolutions\/[a-z0-9-]+\/#dieu-\d+/);
    } else {
      expect(await page.getByTestId('agreement-unavailable').count()).toBe(1);
    }
    await r.context.close();
  });
});
