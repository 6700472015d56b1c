/**
 * The compare page as a reader uses it, in real Chromium: pick three resolutions by typing their names without
 * diacritics, see three columns, find the choice in the address, reload and get the same columns; open an English
 * link with two ids; the static example without a choice; nothing from another host, no serious axe violation, no
 * horizontal page scroll at 360 px, and the page loads only the index and the records it shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations, siteUrl } from './harness.ts';

const LANG_SON = 'lang-son-08-2024-nq-hdnd';
const SON_LA = 'son-la-2024-04-17-nq-hdnd';
const AN_PHU = 'an-giang-an-phu-47-nq-hdnd-2024';
const HAI_PHONG = 'hai-phong-99-nq-hdnd-2024';
const BAC_GIANG = 'bac-giang-46-nq-hdnd-2024';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const columnIds = (page: Page) => page.locator('[data-testid="compare-column"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));

async function pick(page: Page, query: string, name: RegExp) {
  await page.getByLabel(/Tìm theo tên|Search by place/).fill(query);
  await page.getByRole('checkbox', { name }).check();
}

describe('compare', () => {
  it('picks three resolutions typed without diacritics, keeps them in the URL, restores them on reload', async () => {
    const r = await openPage(browser, '/compare/');
    const { page } = r;
    // Before any choice: the static example, three columns.
    expect(await columnIds(page)).toHaveLength(3);
    await page.waitForFunction(() => document.querySelectorAll('#cmp-options input').length > 0);
    await pick(page, 'lang son', /Lạng Sơn/);
    await pick(page, 'son la', /tỉnh Sơn La/);
    await pick(page, 'an phu', /An Phú/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-column"]').length === 3 && !document.querySelector('#cmp-grid[aria-busy]'));
    await expect.poll(() => columnIds(page), { timeout: 15_000 }).toEqual([LANG_SON, SON_LA, AN_PHU]);
    const url = new URL(page.url());
    expect(url.search).toBe(`?ids=${LANG_SON},${SON_LA},${AN_PHU}`);
    expect(await page.locator('#cmp-share').getAttribute('href')).toBe(`/compare/?ids=${LANG_SON},${SON_LA},${AN_PHU}`);
    // Shared passages between the three are marked, with a note naming the other resolution.
    expect(await page.locator('[data-id="lang-son-08-2024-nq-hdnd"] mark').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-id="lang-son-08-2024-nq-hdnd"] .cmp-shared').first().textContent()).toMatch(/Sơn La|An Phú/);

    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => columnIds(page), { timeout: 15_000 }).toEqual([LANG_SON, SON_LA, AN_PHU]);
    expect(await page.getByRole('checkbox', { name: /Lạng Sơn/ }).isChecked()).toBe(true);

    // Only the index and the three records were fetched: never the whole corpus.
    const data = r.requests.filter((u) => u.includes('/data/'));
    expect(data.every((u) => /\/data\/site\/(index|resolutions\/[a-z0-9-]+)\.json$/.test(u))).toBe(true);
    expect(new Set(data.filter((u) => u.includes('/resolutions/'))).size).toBe(3);

    // Unchecking one updates the columns and the address.
    await page.getByRole('checkbox', { name: /tỉnh Sơn La/ }).uncheck();
    await expect.poll(() => columnIds(page), { timeout: 15_000 }).toEqual([LANG_SON, AN_PHU]);
    expect(new URL(page.url()).search).toBe(`?ids=${LANG_SON},${AN_PHU}`);

    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await r.context.close();
  });

  it('opens an English link with two ids: two columns with English labels', async () => {
    const r = await openPage(browser, `/en/compare/?ids=${HAI_PHONG},${BAC_GIANG}`, { width: 1280 });
    await expect.poll(() => columnIds(r.page), { timeout: 15_000 }).toEqual([HAI_PHONG, BAC_GIANG]);
    const heads = await r.page.locator('[data-testid="compare-column"] h3').allTextContents();
    expect(heads).toEqual(['Hải Phòng city, 99/NQ-HĐND', 'Bắc Giang province, 46/NQ-HĐND']);
    // An opening: measures not seen are unknown, not absent.
    const bg = r.page.locator(`[data-id="${BAC_GIANG}"]`);
    expect(await bg.locator('[data-row="M2"]').getAttribute('data-state')).toBe('unknown');
    expect(await bg.locator('[data-row="M2"]').textContent()).toContain('Unknown');
    expect(await bg.locator('[data-row="M1"]').getAttribute('data-state')).toBe('found');
    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(r.page)).toEqual([]);
    await r.context.close();
  });

  it('shows the picker and an example without JavaScript, within 360 px', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(siteUrl('/compare/'));
    expect(await page.getByLabel('Tìm theo tên địa phương hoặc số hiệu').count()).toBe(1);
    expect(await columnIds(page)).toHaveLength(3);
    expect(await page.locator('[data-testid="compare-column"] [data-row="M1"] li').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('is axe clean and fits 360 px before any choice', async () => {
    const r = await openPage(browser, '/compare/');
    await r.page.waitForFunction(() => document.querySelectorAll('#cmp-options input').length > 0);
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(await r.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });
});
