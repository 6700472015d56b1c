/**
 * The overview matrix and the resolution pages in real Chromium: a matrix cell leads to the provisions it counts,
 * every resolution page loads in both languages without errors, foreign requests or horizontal scroll at 360 px,
 * representative pages (a full text, an opening, the catalogue-only entry) are axe clean, badges explain
 * themselves on keyboard focus, the corrections of An Phú show the stamp removed, and the per-resolution CSVs
 * download with a BOM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import type { RowOf } from '../../src/lib/publish/schema.ts';
import { foreignRequests, launch, openPage, seriousViolations, siteUrl } from './harness.ts';

let browser: Browser;
let resolutions: RowOf<'resolutions'>[];
let provisions: RowOf<'provisions'>[];
const LANG_SON = 'lang-son-08-2024-nq-hdnd';
const AN_PHU = 'an-giang-an-phu-47-nq-hdnd-2024';
const OPENING = 'bac-giang-46-nq-hdnd-2024';
const CATALOGUE = 'ha-tinh-146-2025-nq-hdnd';

// The tables the site was built from, as the site serves them.
const table = async <N extends 'resolutions' | 'provisions'>(name: N) =>
  parseCsv(name, await (await fetch(siteUrl(`/data/${name}.csv`))).text());

beforeAll(async () => {
  browser = await launch();
  resolutions = await table('resolutions');
  provisions = await table('provisions');
});
afterAll(async () => {
  await browser?.close();
});

describe('overview matrix → resolution page', () => {
  it('Lạng Sơn × M2 leads to the list of its M2 provisions, whose first leads to the provision, targeted', async () => {
    const first = provisions.filter((p) => p.resolution_id === LANG_SON && p.measures.includes('M2')).sort((a, b) => a.ord - b.ord)[0];
    expect(first).toBeDefined();
    const r = await openPage(browser, '/', { width: 1280 });
    const link = r.page.locator(`tr[data-id="${LANG_SON}"] td[data-code="M2"] a`);
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await Promise.all([r.page.waitForURL(/\/resolutions\/lang-son-08-2024-nq-hdnd\/#measure-M2$/), link.click()]);
    const item = r.page.locator('#measure-M2 li').first();
    expect(await item.getAttribute('data-provision')).toBe(first?.provision_id);
    await item.locator('a').click();
    const landed = await r.page.evaluate(() => {
      const id = decodeURIComponent(location.hash.slice(1));
      const el = document.getElementById(id);
      return { hash: location.hash, text: el?.textContent ?? null, targeted: el?.matches(':target') ?? false };
    });
    expect(landed.hash).toBe(`#${first?.provision_id}`);
    expect(landed.text).toMatch(/tuyên truyền/);
    expect(landed.targeted).toBe(true);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });

  it('says unknown, not absent, for an opening, and absent only in full texts', async () => {
    const r = await openPage(browser, '/en/', { width: 1280 });
    expect(await r.page.locator(`tr[data-id="${OPENING}"] td[data-status="absent"]`).count()).toBe(0);
    expect(await r.page.locator(`tr[data-id="${CATALOGUE}"] td[data-status="unknown"]`).count()).toBe(7);
    expect(await r.page.locator(`tr[data-id="${CATALOGUE}"] td[data-status="unknown"]`).first().textContent()).toMatch(/unknown/);
    await r.context.close();
  });
});

describe('every resolution page', () => {
  it('loads in Vietnamese and English with its provisions, no errors, nothing foreign, no horizontal scroll at 360 px', async () => {
    expect(resolutions.length).toBeGreaterThan(0);
    for (const res of resolutions) {
      for (const prefix of ['', '/en']) {
        const r = await openPage(browser, `${prefix}/resolutions/${res.id}/`);
        const where = `${prefix}/resolutions/${res.id}/`;
        expect(await r.page.locator('h1').textContent(), where).toBe(res.title);
        expect(await r.page.locator('#text .prov').count(), where).toBe(res.n_provisions);
        expect(r.errors, where).toEqual([]);
        expect(foreignRequests(r), where).toEqual([]);
        expect(await r.page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(360);
        await r.context.close();
      }
    }
  }, 240_000); // 26 pages one after the other: minutes on a busy 2-core machine, not a performance assertion

  it.each([
    ['/resolutions/lang-son-08-2024-nq-hdnd/'],
    ['/en/resolutions/bac-giang-46-nq-hdnd-2024/'],
    ['/resolutions/ha-tinh-146-2025-nq-hdnd/'],
    ['/resolutions/'],
    ['/en/resolutions/'],
  ])('%s is axe clean', async (path) => {
    const r = await openPage(browser, path);
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(await r.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await r.context.close();
  });

  it('shows an opening as stopping, and what is unknown', async () => {
    const r = await openPage(browser, `/en/resolutions/${OPENING}/`);
    await expect.poll(() => r.page.locator('#text .stops').textContent()).toMatch(/stops here/);
    expect(await r.page.locator('#funding').textContent()).toMatch(/unknown/);
    await r.context.close();
  });

  it('explains a measure badge on keyboard focus', async () => {
    const r = await openPage(browser, `/resolutions/${LANG_SON}/`, { width: 1280 });
    const badge = r.page.locator('#text .badge').first();
    const tip = r.page.locator(`[id="${await badge.getAttribute('aria-describedby')}"]`);
    expect(await tip.isVisible()).toBe(false);
    await badge.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/quy tắc|Do người rà soát/);
    await r.context.close();
  });
});

describe('corrections and downloads', () => {
  it('shows An Phú\'s corrections with the incoming-mail stamp removed', async () => {
    const r = await openPage(browser, `/resolutions/${AN_PHU}/`);
    const table = r.page.getByTestId('corrections');
    expect(await table.locator('caption').textContent()).toMatch(/Đính chính/);
    const stamp = table.locator('tr[data-kind="stamp"]', { hasText: 'DÉN' });
    expect(await stamp.count()).toBe(1);
    expect(await stamp.locator('td').nth(2).textContent()).toMatch(/xóa/);
    expect(await stamp.locator('td').nth(3).textContent()).toMatch(/stamp/);
    await r.context.close();
  });

  it('serves each table\'s rows of a resolution as CSV with a BOM', async () => {
    // Response.text() would drop the BOM while decoding; look at the bytes.
    const bytes = new Uint8Array(await (await fetch(siteUrl(`/data/resolutions/${LANG_SON}/provisions.csv`))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parseCsv('provisions', text);
    expect(rows.length).toBe(resolutions.find((x) => x.id === LANG_SON)?.n_provisions);
    expect(new Set(rows.map((x) => x.resolution_id))).toEqual(new Set([LANG_SON]));
    const matrix = new Uint8Array(await (await fetch(siteUrl('/data/charts/overview-matrix.csv'))).arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(matrix).startsWith('\uFEFFresolution_id,')).toBe(true);
  });
});
