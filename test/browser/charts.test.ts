/**
 * Charts that answer back, in real Chromium at 360 and 1280 px, in Vietnamese and English: on every page of the
 * built site that draws an SVG, no text is cut by its SVG's edge, none is drawn over another, and none renders
 * smaller than 11 px; a cell of the similarity heat-map is a link to the compare page of its pair; a cell of the
 * overview matrix lands on the list of all the provisions it counts, with the list's heading in view; the tiles of the
 * province map lead to the province's resolutions (map 63: its list page; map 34: its row of the lineage table).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import { ROOT } from '../../src/node/paths.ts';
import { launch, openPage, siteUrl } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Routes of the built site whose HTML draws an SVG chart or map (resolution pages draw none). */
function chartRoutes(): string[] {
  const dist = join(ROOT, 'dist');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html' && readFileSync(p, 'utf8').includes('<svg')) out.push(`/${relative(dist, dir)}/`.replace(/\/+$/, '/').replace(/^\/\/$/, '/'));
    }
  };
  walk(dist);
  return out.sort();
}

interface TextProblem { svg: string; text: string; problem: string }

/** Every visible <text> of every visible SVG: inside the SVG's box, not over another text, at least 11 px as drawn. */
function textProblems(page: Page): Promise<TextProblem[]> {
  return page.evaluate(() => {
    const problems: { svg: string; text: string; problem: string }[] = [];
    const svgs = [...document.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg') && s.getBoundingClientRect().width > 0);
    svgs.forEach((svg, k) => {
      const box = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      const scale = vb && vb.width ? box.width / vb.width : 1;
      const name = svg.id || svg.closest('figure')?.id || `svg #${k + 1}`;
      const rects: { r: DOMRect; t: string }[] = [];
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        const text = (t.textContent ?? '').trim();
        if (!text || r.width === 0 || getComputedStyle(t).display === 'none') continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          problems.push({ svg: name, text, problem: `outside the SVG (${Math.round(r.left - box.left)},${Math.round(r.top - box.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${Math.round(box.width)}×${Math.round(box.height)})` });
        }
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < 10.95) problems.push({ svg: name, text, problem: `${px.toFixed(1)} px as drawn` });
        for (const o of rects) {
          const w = Math.min(r.right, o.r.right) - Math.max(r.left, o.r.left);
          const h = Math.min(r.bottom, o.r.bottom) - Math.max(r.top, o.r.top);
          if (w > 2 && h > 2) problems.push({ svg: name, text, problem: `drawn over "${o.t}"` });
        }
        rects.push({ r, t: text });
      }
    });
    return problems;
  });
}

describe('every chart of the built site', () => {
  const routes = chartRoutes();
  it('finds the charts (home, themes, both languages)', () => {
    expect(routes).toEqual(expect.arrayContaining(['/', '/en/', '/themes/measures/', '/en/themes/reuse/']));
  });
  for (const width of [360, 1280]) {
    it(`has no text cut by its SVG, overprinted or under 11 px at ${width} px`, async () => {
      const found: string[] = [];
      for (const route of routes) {
        const r = await openPage(browser, route, { width });
        for (const p of await textProblems(r.page)) found.push(`${route} ${p.svg}: "${p.text}" ${p.problem}`);
        await r.context.close();
      }
      expect(found).toEqual([]);
    }, 180_000);
  }
});

describe('cells are links to what they count', () => {
  it('a similarity heat-map cell opens the compare page of its pair, in both languages', async () => {
    for (const prefix of ['', '/en']) {
      const r = await openPage(browser, `${prefix}/themes/reuse/`, { width: 1280 });
      const cell = r.page.locator('#chart-reuse svg a[href*="/compare/?ids="]').first();
      const href = (await cell.getAttribute('href')) ?? '';
      const ids = new URL(href, siteUrl('/')).searchParams.get('ids')?.split(',') ?? [];
      expect(ids).toHaveLength(2);
      expect(href.startsWith(`${prefix}/compare/`)).toBe(true);
      // The cell's tooltip names the pair and its score.
      expect(await cell.locator('title').textContent()).toMatch(/×.*\d/);
      await Promise.all([r.page.waitForURL(/\/compare\/\?ids=/), cell.click()]);
      await r.page.waitForFunction((want) => {
        const cols = [...document.querySelectorAll('[data-testid="compare-column"]')].map((e) => e.getAttribute('data-id'));
        return want.every((id) => cols.includes(id));
      }, ids);
      await r.context.close();
    }
  });

  it('a matrix cell with N provisions lands on the list of all N, its heading in view, at 360 and 1280 px', async () => {
    const provisions = parseCsv('provisions', await (await fetch(siteUrl('/data/provisions.csv'))).text());
    const RES = 'lang-son-08-2024-nq-hdnd';
    const want = provisions.filter((p) => p.resolution_id === RES && p.measures.includes('M2')).map((p) => p.provision_id).sort();
    expect(want.length).toBeGreaterThan(1);
    for (const [prefix, width] of [['', 360], ['/en', 1280]] as const) {
      const r = await openPage(browser, `${prefix}/`, { width });
      const link = r.page.locator(`tr[data-id="${RES}"] td[data-code="M2"] a`);
      expect(await link.textContent()).toBe(String(want.length));
      await link.scrollIntoViewIfNeeded();
      await Promise.all([r.page.waitForURL(/#measure-M2$/), link.click()]);
      const landed = await r.page.evaluate(() => {
        const el = document.getElementById(location.hash.slice(1));
        const h = el?.querySelector('h3')?.getBoundingClientRect();
        return {
          ids: [...(el?.querySelectorAll('li[data-provision]') ?? [])].map((li) => li.getAttribute('data-provision')).sort(),
          linked: [...(el?.querySelectorAll('li a[href^="#"]') ?? [])].every((a) => document.getElementById(a.getAttribute('href')!.slice(1)) !== null),
          headingInView: !!h && h.top >= 0 && h.bottom <= innerHeight,
        };
      });
      expect(landed.ids).toEqual(want);
      expect(landed.linked).toBe(true);
      expect(landed.headingInView).toBe(true);
      await r.context.close();
    }
  });

  it('the province map\'s tiles lead to the province\'s resolutions, on both maps, in both languages', async () => {
    for (const [prefix, width] of [['', 360], ['/en', 1280]] as const) {
      const r = await openPage(browser, `${prefix}/`, { width });
      const { page } = r;
      // Map 34 (shown first): a tile with N resolutions leads to its lineage row listing N.
      const t34 = await page.locator('#pmap-34 a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', n: Number(a.querySelector('[data-n]')?.getAttribute('data-n')) })));
      expect(t34.length).toBeGreaterThan(0);
      for (const t of t34) {
        expect(t.href).toMatch(/^#where-/);
        expect(await page.locator(`${t.href} ul.res a`).count(), t.href).toBe(t.n);
      }
      await page.locator('#pmap-34 a').first().click();
      expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('TR');
      // Map 63, switched with the radio button (no script): each tile leads to the province's list page.
      await page.locator('label:has(#pmap-y63)').click();
      expect(await page.locator('#pmap-63').isVisible()).toBe(true);
      expect(await page.locator('#pmap-34').isVisible()).toBe(false);
      const t63 = await page.locator('#pmap-63 a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', n: Number(a.querySelector('[data-n]')?.getAttribute('data-n')), name: a.querySelector(':scope > title')?.textContent ?? '' })));
      expect(t63.length).toBeGreaterThan(0);
      for (const t of prefix ? t63.slice(0, 2) : t63) {
        expect(t.href.startsWith(`${prefix}/resolutions/province/`), t.href).toBe(true);
        const list = await openPage(browser, t.href, { width });
        expect(await list.page.locator('h1').textContent()).toContain(t.name.split(':')[0]);
        expect(await list.page.locator('main a[href*="/resolutions/"][href$="/"]:not([href*="/province/"])').evaluateAll((as) => new Set(as.map((a) => a.getAttribute('href'))).size), t.href).toBeGreaterThanOrEqual(t.n);
        await list.context.close();
      }
      // The reading switch recolours every tile with CSS alone: each rect takes its tile's completeness colour.
      await page.locator('label:has(#pmap-completeness)').click();
      const mismatched = await page.locator('#pmap-63 .tile').evaluateAll((gs) => gs.filter((g) => {
        const hex = getComputedStyle(g).getPropertyValue('--f-completeness').trim();
        const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
        return getComputedStyle(g.querySelector('rect')!).fill !== rgb;
      }).length);
      expect(mismatched).toBe(0);
      expect(await page.locator('.pmap .legend-completeness').isVisible()).toBe(true);
      expect(await page.locator('.pmap .legend-resolutions').isVisible()).toBe(false);
      await r.context.close();
    }
  }, 180_000);
});

describe('print', () => {
  it('keeps the home matrix and every chart whole on an A4 page, in both languages', async () => {
    for (const prefix of ['', '/en']) {
      // A4 at 96 dpi less 1.5 cm margins: about 680 px of printable width.
      const r = await openPage(browser, `${prefix}/`, { width: 680 });
      await r.page.emulateMedia({ media: 'print' });
      const overflow = await r.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('table.heat, figure svg')]
          .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > width + 1)
          .map((e) => `${e.tagName} ${Math.round(e.getBoundingClientRect().right)} > ${width}`);
      });
      expect(overflow, prefix || '/').toEqual([]);
      await r.context.close();
    }
  });
});
