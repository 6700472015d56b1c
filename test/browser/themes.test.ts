/**
 * Every thematic page, in Vietnamese and English, in real Chromium: it loads with its heading and no script
 * errors, its charts are figures with a caption and a text alternative (a table), each chart's CSV link works (UTF-8
 * with BOM, the expected header), nothing is requested from another host, axe finds nothing serious, and it fits
 * 360 px without horizontal page scroll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations, siteUrl } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Each theme with the first columns of its charts' CSV files, in order. */
const THEMES: [string, string[]][] = [
  ['measures', ['resolution_id,resolution_vi,resolution_en,completeness,code,n_provisions,status', 'code,parent_code,label_vi,label_en,n_provisions,n_resolutions']],
  ['objectives', ['code,unit,n_targets,n_resolutions']],
  ['funding', ['resolution_id,resolution_vi,resolution_en,completeness,source,status,provision_ids']],
  ['supervision', ['role,actor,n_resolutions,n_full_texts,resolution_ids']],
  ['legal-bases', ['ref,number,kind,title_vi,title_en,n_resolutions,status,replaced_by,n_cited_when_superseded,n_cited_unknown,resolution_ids']],
  ['reuse', ['resolution_a,resolution_b,score,n_shared_passages']],
];
const ROUTES = THEMES.flatMap(([slug, headers]) => [[`/themes/${slug}/`, headers], [`/en/themes/${slug}/`, headers]] as const);

describe.each(ROUTES)('%s', (path, headers) => {
  it('has captioned figures with a table and a working CSV, no foreign request, axe clean, fits 360 px', async () => {
    const r = await openPage(browser, path);
    const { page } = r;
    expect(await page.locator('h1').textContent()).toBeTruthy();
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBe(headers.length);
    for (let i = 0; i < headers.length; i++) {
      const fig = figures.nth(i);
      expect((await fig.locator('figcaption').textContent())?.trim().length).toBeGreaterThan(20);
      expect(await fig.locator('svg').count()).toBeGreaterThan(0);
      expect(await fig.locator('table caption').count()).toBe(1);
      expect(await fig.locator('table tbody tr').count()).toBeGreaterThan(0);
      const href = await fig.getByTestId('chart-csv').getAttribute('href');
      expect(href).toMatch(/^\/data\/charts\/theme-[a-z-]+\.csv$/);
      const res = await fetch(siteUrl(href ?? ''));
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text.split('\r\n')[0]).toBe(headers[i]);
      expect(text.split('\r\n').filter(Boolean).length).toBeGreaterThan(1);
    }
    // The page's first view needs no script: charts and tables are in the HTML. The one script is the site-wide
    // one of every page (language switch keeping the address's state, menu on a wide screen, wide-table hints).
    const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src') ?? ''));
    expect(scripts.filter((src) => !/\/_astro\/Layout\.astro_astro_type_script/.test(src))).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await r.context.close();
  });
});

describe('themes index', () => {
  it.each(['/themes/', '/en/themes/'])('%s links to the six themes', async (path) => {
    const r = await openPage(browser, path);
    const links = await r.page.locator('main .theme-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(6);
    expect(await seriousViolations(r.page)).toEqual([]);
    await r.context.close();
  });
});
