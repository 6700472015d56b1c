/**
 * The lists of resolutions that hold at national scale: each province's list page (/resolutions/province/<slug>/,
 * in both languages) shows that province's resolutions with links to them, axe clean, within 360 px; the compare
 * page's first view fetches no picker index (it grows with the corpus) until the reader reaches for the picker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([['/resolutions/province/lang-son/', 'Nghị quyết ở Lạng Sơn'], ['/en/resolutions/province/lang-son/', 'Resolutions in Lạng Sơn']])('%s', (path, heading) => {
  it('lists the province\'s resolutions, axe clean, within 360 px', async () => {
    const r = await openPage(browser, path);
    expect(await r.page.locator('h1').textContent()).toBe(heading);
    const ids = await r.page.locator('tr[data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual(['lang-son-08-2024-nq-hdnd']);
    expect(await r.page.locator('tr[data-id] a').getAttribute('href')).toBe(`${path.startsWith('/en/') ? '/en' : ''}/resolutions/lang-son-08-2024-nq-hdnd/`);
    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(await r.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await r.context.close();
  });
});

describe('compare picker index', () => {
  it('is not part of the first view, and loads when the reader focuses the search box', async () => {
    const r = await openPage(browser, '/compare/');
    await r.page.waitForTimeout(300);
    expect(r.requests.filter((u) => u.includes('/data/site/index.json'))).toEqual([]);
    await r.page.locator('#cmp-q').focus();
    await expect.poll(() => r.requests.filter((u) => u.includes('/data/site/index.json')).length).toBe(1);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });
});
