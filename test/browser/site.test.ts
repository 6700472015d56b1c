/**
 * Every page a reader opens first, in Vietnamese and English, at phone and desktop width: it loads, shows its
 * heading, reaches no other host, has no serious accessibility violation, and links to its twin in the other language.
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

const ROUTES = ['/', '/en/'];

describe.each(ROUTES)('%s', (path) => {
  it('loads with a heading, no errors, nothing from another host, axe clean', async () => {
    const r = await openPage(browser, path);
    expect(await r.page.locator('h1').first().textContent()).toBeTruthy();
    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(await seriousViolations(r.page)).toEqual([]);
    const width = await r.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await r.context.close();
  });

  it('switches language to the same page', async () => {
    const r = await openPage(browser, path, { width: 1280 });
    await r.page.getByTestId('lang-switch').click();
    await r.page.waitForLoadState('load');
    const lang = await r.page.evaluate(() => document.documentElement.lang);
    expect(lang).toBe(path.startsWith('/en/') ? 'vi' : 'en');
    await r.context.close();
  });
});

describe('Content-Security-Policy', () => {
  it('allows no third-party origin, and the browser enforces it', async () => {
    const r = await openPage(browser, '/benchmark/');
    const csp = await r.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    // A script from another origin, added by whatever means, is refused by the policy before any request is made.
    const blocked = await r.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
          const s = document.createElement('script');
          s.src = 'https://cdn.example.org/evil.js';
          document.head.append(s);
          setTimeout(() => resolve(false), 2000);
        }),
    );
    expect(blocked).toBe(true);
    expect(foreignRequests(r)).toEqual([]);
    await r.context.close();
  });
});
