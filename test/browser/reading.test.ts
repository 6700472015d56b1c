/**
 * The site as a reader on a phone and a desktop meets it (issue 19, part A), in real Chromium at 360 and 1280 px in
 * both languages: the header is one short row on a phone with a menu that opens without JavaScript and search one tap
 * away; every compare choice is visible without typing, the page ends at its footer, a phone reads one measure at a
 * time with no 2-D scroll window, unknown ids are named; the language switch keeps ?q, ?ids and the #fragment; the
 * search marks the words as typed first and offers ways out of nothing; and no Vietnamese text node of any English
 * page (every page of the built site, crawled) is outside lang="vi".
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, seriousViolations, siteUrl } from './harness.ts';
import { ROOT } from '../../src/node/paths.ts';
import { VI_SPECIFIC } from '../../src/lib/text/vi-runs.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const WIDTHS = [360, 1280] as const;
const LANGS = [['vi', ''], ['en', '/en']] as const;
const LANG_SON = 'lang-son-08-2024-nq-hdnd';
const HAI_PHONG = 'hai-phong-99-nq-hdnd-2024';

/** Page height minus the bottom of the footer: 0 when the document ends at its content. */
const tailBelowFooter = (page: Page) => page.evaluate(() => {
  const f = document.querySelector('footer')!.getBoundingClientRect();
  return document.documentElement.scrollHeight - Math.ceil(f.bottom + scrollY);
});

describe('header', () => {
  for (const [lang, pre] of LANGS) {
    it(`${lang}: at 360 px one row of at most 64 px, a menu that opens, search one tap away; at 1280 px the links in the row`, async () => {
      for (const path of ['/', '/compare/', `/resolutions/${LANG_SON}/`, '/search/']) {
        const r = await openPage(browser, `${pre}${path}`);
        const { page } = r;
        const height = await page.locator('header.site-header').evaluate((e) => e.getBoundingClientRect().height);
        expect(height, path).toBeLessThanOrEqual(64);
        const nav = page.getByRole('navigation', { name: lang === 'vi' ? 'Điều hướng chính' : 'Main navigation' });
        expect(await nav.isVisible(), path).toBe(false);
        await page.getByTestId('menu-button').click();
        expect(await nav.getByRole('link').count()).toBe(8);
        expect(await nav.getByRole('link').last().isVisible()).toBe(true);
        if (path !== '/search/') {
          await page.getByTestId('search-link').click();
          await page.waitForURL(/\/search\/$/);
          expect(await page.getByTestId('search-input').isVisible()).toBe(true);
        }
        expect(r.errors).toEqual([]);
        await r.context.close();
      }
      const wide = await openPage(browser, `${pre}/`, { width: 1280 });
      expect(await wide.page.getByTestId('menu-button').isVisible()).toBe(false);
      expect(await wide.page.locator('.site-menu nav a').last().isVisible()).toBe(true);
      expect(await wide.page.getByTestId('search-input').isVisible()).toBe(true);
      expect(await seriousViolations(wide.page)).toEqual([]);
      await wide.context.close();
    });
  }

  it('the menu opens and closes without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(siteUrl('/'));
    const link = page.locator('.site-menu nav a').last();
    expect(await link.isVisible()).toBe(false);
    await page.getByTestId('menu-button').click();
    expect(await link.isVisible()).toBe(true);
    await page.getByTestId('menu-button').click();
    expect(await link.isVisible()).toBe(false);
    await context.close();
  });
});

describe('compare', () => {
  for (const [lang, pre] of LANGS) {
    for (const width of WIDTHS) {
      it(`${lang} at ${width} px: every choice visible without typing, and the page ends at its footer`, async () => {
        const r = await openPage(browser, `${pre}/compare/`, { width });
        const { page } = r;
        const n = Number(/\d+/.exec((await page.locator('#cmp-status').textContent()) ?? '')?.[0]);
        const boxes = page.locator('#cmp-options input[type="checkbox"]');
        expect(await boxes.count()).toBe(n);
        for (const box of await boxes.all()) {
          // Visible, and not clipped by a scrolling box: the element at its centre, once scrolled to, is itself.
          await box.scrollIntoViewIfNeeded();
          expect(await box.evaluate((e) => {
            const b = e.getBoundingClientRect();
            return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2) === e;
          })).toBe(true);
        }
        expect(await tailBelowFooter(page)).toBeLessThanOrEqual(1);
        expect(r.errors).toEqual([]);
        await r.context.close();
      });
    }
  }

  it('on a phone: one block per measure, the cells of every resolution stacked, no scroll window', async () => {
    const r = await openPage(browser, `/en/compare/?ids=${LANG_SON},${HAI_PHONG}`);
    const { page } = r;
    await expect.poll(() => page.locator('[data-testid="compare-column"]').count(), { timeout: 15_000 }).toBe(2);
    const box = await page.locator('.cmp-scroll').evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight }));
    expect(box.sw).toBeLessThanOrEqual(box.cw);
    expect(box.sh).toBeLessThanOrEqual(box.ch);
    // In reading order on screen: M1's label, then both resolutions' M1 cells, then M2's label.
    const tops = await page.evaluate(() => {
      const top = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().top);
      return { m1: top('.cmp-rowlabel[data-row="M1"]'), cells: top('.cmp-cell[data-row="M1"]'), m2: top('.cmp-rowlabel[data-row="M2"]') };
    });
    expect(tops.cells).toHaveLength(2);
    expect(Math.min(...tops.cells)).toBeGreaterThan(tops.m1[0]!);
    expect(Math.max(...tops.cells)).toBeLessThan(tops.m2[0]!);
    expect(await page.locator('.cmp-cell[data-row="M1"] .cmp-who').allTextContents()).toEqual(['Lạng Sơn province, 08/2024/NQ-HĐND', 'Hải Phòng city, 99/NQ-HĐND']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await tailBelowFooter(page)).toBeLessThanOrEqual(1);
    await r.context.close();
  });

  it('names the ids of the address that the dataset does not hold', async () => {
    const r = await openPage(browser, `/compare/?ids=nope,${LANG_SON},${HAI_PHONG}`, { width: 1280 });
    await expect.poll(() => r.page.getByTestId('compare-unknown').textContent(), { timeout: 15_000 }).toContain('“nope”');
    expect(await r.page.getByTestId('compare-unknown').isVisible()).toBe(true);
    await expect.poll(() => r.page.locator('[data-testid="compare-column"]').count(), { timeout: 15_000 }).toBe(2);
    const only = await openPage(browser, '/en/compare/?ids=nope');
    await expect.poll(() => only.page.getByTestId('compare-unknown').textContent(), { timeout: 15_000 }).toMatch(/No resolution .* “nope”/);
    await r.context.close();
    await only.context.close();
  });
});

describe('the language switch keeps the page\'s state', () => {
  it('?q on the search page, ?ids on compare (also after picking), #fragment on a resolution', async () => {
    const r = await openPage(browser, '/search/?q=h%C6%B0%C6%A1ng%20%C6%B0%E1%BB%9Bc', { width: 1280 });
    await r.page.getByTestId('lang-switch').click();
    await r.page.waitForURL(/\/en\/search\//);
    expect(new URL(r.page.url()).searchParams.get('q')).toBe('hương ước');
    expect(await r.page.getByTestId('search-input').inputValue()).toBe('hương ước');

    await r.page.goto(siteUrl('/en/compare/'));
    await r.page.waitForFunction(() => document.querySelectorAll('#cmp-options input').length > 0);
    await r.page.getByRole('checkbox', { name: /Lạng Sơn/ }).check();
    await r.page.getByRole('checkbox', { name: /Hải Phòng/ }).check();
    await r.page.waitForURL(/\?ids=/);
    await r.page.getByTestId('lang-switch').click();
    await r.page.waitForURL(/^[^?]*\/compare\/\?ids=/);
    expect(new URL(r.page.url()).pathname).toBe('/compare/');
    expect(new URL(r.page.url()).search).toBe(`?ids=${LANG_SON},${HAI_PHONG}`);
    await expect.poll(() => r.page.locator('[data-testid="compare-column"]').count(), { timeout: 15_000 }).toBe(2);

    const frag = '#dieu-4.khoan-2';
    await r.page.goto(siteUrl(`/resolutions/${LANG_SON}/${frag}`));
    await r.page.getByTestId('lang-switch').click();
    await r.page.waitForURL(/\/en\/resolutions\//);
    expect(new URL(r.page.url()).hash).toBe(frag);
    await r.context.close();
  });
});

describe('search', () => {
  it('"hương ước" marks "hương ước", never "hưởng", in every hit; each hit shows a mark', async () => {
    const r = await openPage(browser, '/search/?q=h%C6%B0%C6%A1ng%20%C6%B0%E1%BB%9Bc', { width: 1280 });
    await expect.poll(() => r.page.getByTestId('search-status').getAttribute('data-state'), { timeout: 15_000 }).toMatch(/done|more/);
    const hits = r.page.getByTestId('search-result');
    expect(await hits.count()).toBeGreaterThan(0);
    for (const hit of await hits.all()) {
      const marks = await hit.locator('mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.map((m) => m.toLowerCase()).filter((m) => m.includes('hưởng'))).toEqual([]);
    }
    await r.context.close();
  });

  it('a filter applies on change; nothing found offers ways out that find something', async () => {
    const r = await openPage(browser, '/en/search/?q=h%C6%B0%C6%A1ng%20%C6%B0%E1%BB%9Bc', { width: 360 });
    const { page } = r;
    const status = page.getByTestId('search-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/done|more/);
    const before = await page.getByTestId('search-result').count();
    await page.getByTestId('search-level').selectOption('commune');
    await expect.poll(() => new URL(page.url()).searchParams.get('level'), { timeout: 15_000 }).toBe('commune');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/done|more|empty/);
    expect(await page.getByTestId('search-result').count()).toBeLessThan(before);

    await page.goto(siteUrl('/en/search/?q=%22%C6%B0%E1%BB%9Bc%20h%C6%B0%C6%A1ng%22&y=2024'));
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await page.getByTestId('search-result').count()).toBe(0);
    expect(await page.getByTestId('search-ways').isVisible()).toBe(true);
    await page.getByTestId('search-way-quotes').click();
    await expect.poll(() => page.getByTestId('search-result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('search-ways').isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await r.context.close();
  });
});

describe('English pages mark their Vietnamese', () => {
  it('no text node with Vietnamese letters outside lang="vi", on every English page of the built site', async () => {
    const dir = join(ROOT, 'dist', 'en');
    const pages: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f === 'index.html') pages.push(`/en/${relative(dir, d)}/`.replace(/\/+/g, '/'));
      }
    };
    walk(dir);
    expect(pages.length).toBeGreaterThan(30);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(siteUrl(path), { waitUntil: 'load' });
      const bad = await page.evaluate((source) => {
        const vi = new RegExp(source);
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('script, style') || !vi.test(n.textContent ?? '')) continue;
          if (el.closest('[lang]')?.getAttribute('lang') !== 'vi') out.push((n.textContent ?? '').trim().slice(0, 60));
        }
        return out;
      }, VI_SPECIFIC.source);
      found.push(...bad.map((t) => `${path}: ${t}`));
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
