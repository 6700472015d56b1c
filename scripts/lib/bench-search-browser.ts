/**
 * The search page measured in real Chromium for scripts/bench-search.ts, cold (a fresh context per measurement) on
 * the desktop or phone profile of bench-browser.ts: (1) /search/ loaded, the query and filters typed into its
 * form, Search pressed: time to the first results on screen, and what that search fetched from /data/search/
 * (bytes as transferred, i.e. brotli where the server has it, and as decoded, and requests); (2) the same address
 * opened as a link: time from navigation start to the results.
 */
import type { Browser, Page } from 'playwright-core';
import { coldPage, type Profile } from './bench-browser.ts';

export interface SearchMeasure {
  address: string;
  /** Pressing Search on the loaded page → first hits (or the no-hit message) on screen. */
  firstResultsMs: number;
  /** The page's own count (data-query-ms): start of the search → hits rendered. */
  pageMs: number;
  transferred: number;
  decoded: number;
  requests: number;
  shown: number;
  /** Opening the address cold → results on screen, from navigation start (page load included). */
  fromLinkMs: number;
  state: string;
}

// Pages are opened without request interception (coldPage with origin null): it added 50–300 ms to each of a
// search's up to 40 small requests on a loaded machine. The page's CSP (connect-src 'self') keeps it on the site.
const answered = (page: Page) => page.waitForFunction(() => /^(done|more|error)$/.test(document.querySelector<HTMLElement>('#search-status')?.dataset.state ?? ''), null, { timeout: 120_000 });

export async function measureSearch(browser: Browser, origin: string, address: string, profile: Profile): Promise<SearchMeasure> {
  const params = new URL(address, origin).searchParams;
  let first: Omit<SearchMeasure, 'fromLinkMs'>;
  {
    const { context, page } = await coldPage(browser, null, profile);
    try {
      await page.goto(`${origin}/search/`, { waitUntil: 'load', timeout: 180_000 });
      const fields = Object.fromEntries(params);
      const t0 = await page.evaluate((f) => {
        const form = document.querySelector<HTMLFormElement>('#search-form')!;
        for (const [k, v] of Object.entries(f)) {
          const el = form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
          if (!el) continue;
          if (el instanceof HTMLSelectElement && ![...el.options].some((o) => o.value === v)) el.append(new Option(v, v));
          el.value = v;
        }
        const t = performance.now();
        form.requestSubmit();
        return t;
      }, fields);
      await answered(page);
      first = await page.evaluate(({ t0, address }) => {
        const now = performance.now();
        const status = document.querySelector<HTMLElement>('#search-status')!;
        const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('/data/search/') && e.startTime >= t0);
        return {
          address, firstResultsMs: Math.round(now - t0), pageMs: Number(status.dataset.queryMs ?? NaN),
          transferred: entries.reduce((n, e) => n + e.encodedBodySize, 0), decoded: entries.reduce((n, e) => n + e.decodedBodySize, 0),
          requests: entries.length, shown: document.querySelectorAll('[data-testid="search-result"]').length, state: status.dataset.state ?? '',
        };
      }, { t0, address });
    } finally {
      await context.close();
    }
  }
  const { context, page } = await coldPage(browser, null, profile);
  try {
    await page.goto(origin + address, { waitUntil: 'commit', timeout: 180_000 });
    await answered(page);
    const fromLinkMs = await page.evaluate(() => Math.round(performance.now()));
    return { ...first, fromLinkMs };
  } finally {
    await context.close();
  }
}
