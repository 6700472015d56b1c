/**
 * Real Chromium for the browser tests (Debian's /usr/bin/chromium driven by playwright-core): a fresh browser per
 * file, pages that record every request so a test can prove nothing reached another host, and axe-core run in the
 * page for accessibility. The site itself is built and served by global-setup.ts.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

export function siteUrl(path = '/'): string {
  return `${inject('siteUrl')}${path}`;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** A new page (phone width by default) that records requests and errors; requests to other hosts are blocked. */
export async function openPage(browser: Browser, path: string, opts: { width?: number; height?: number } = {}): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 360, height: opts.height ?? 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const origin = new URL(siteUrl('/')).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl(path), { waitUntil: 'load' });
  return { page, context, requests, errors };
}

/** Requests that went to another host than the site's. */
export function foreignRequests(r: RecordedPage): string[] {
  const origin = new URL(siteUrl('/')).origin;
  return r.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the current page. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
