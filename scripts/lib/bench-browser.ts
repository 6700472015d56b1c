/**
 * Measurements in real Chromium for scripts/bench-site.ts: a fresh browser context per measurement (cold cache), as
 * a desktop or as a throttled phone (CDP: 1.6 Mbps down, 750 kbps up, 150 ms RTT, CPU 4× slower, 360 × 800 at 2×);
 * a page's first view (bytes of every response up to the load event, decoded and as transferred, from the Resource
 * Timing API), the time to its first visible chart and to load, and the page's physical minimum (its visible text
 * and chart SVG, in UTF-8 bytes); the explorer's click-to-answer, DuckDB's own query time and the Parquet bytes
 * fetched; the compare picker's first search (its index loads on the first keystroke); the benchmark page's time to
 * a scorecard for a pasted draft.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export type Profile = 'desktop' | 'mobile';

export const MOBILE = { downloadKbps: 1600, uploadKbps: 750, rttMs: 150, cpuSlowdown: 4 } as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A cold page for one measurement; requests to any other host than `origin` are refused. With origin null nothing is
 * intercepted (routing every request through the Node process adds its own latency to pages of many small files).
 */
export async function coldPage(browser: Browser, origin: string | null, profile: Profile): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(profile === 'mobile'
    ? { viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
    : { viewport: { width: 1280, height: 900 } });
  if (origin !== null) await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const page = await context.newPage();
  if (profile === 'mobile') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: MOBILE.rttMs, downloadThroughput: (MOBILE.downloadKbps * 1000) / 8, uploadThroughput: (MOBILE.uploadKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpuSlowdown });
  }
  return { context, page };
}

export interface FirstViewMeasure {
  route: string;
  /** Response bodies up to the load event: decoded, and as transferred (brotli where the server had it). */
  raw: number;
  transferred: number;
  requests: number;
  /** Milliseconds from navigation start. */
  loadMs: number;
  /** First figure's <svg> visible; null for a page without a chart. */
  firstChartMs: number | null;
  /** Visible text (innerText) and chart SVG (outerHTML), UTF-8 bytes: what a page cannot be smaller than. */
  minimum: number;
}

/** Opens a route cold and measures its first view. */
export async function measureFirstView(browser: Browser, origin: string, route: string, profile: Profile): Promise<FirstViewMeasure> {
  const { context, page } = await coldPage(browser, origin, profile);
  try {
    // Every frame until one shows a chart: the time its SVG was first laid out (the init script runs outside the
    // page's Content-Security-Policy, through the DevTools protocol).
    await page.addInitScript(() => {
      const w = window as unknown as { __firstChart?: number };
      const tick = () => {
        const shown = [...document.querySelectorAll('figure svg')].some((svg) => {
          const box = svg.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && getComputedStyle(svg).visibility !== 'hidden';
        });
        if (shown) w.__firstChart = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(origin + route, { waitUntil: 'load', timeout: 180_000 });
    const hasChart = (await page.locator('figure svg').count()) > 0;
    if (hasChart) await page.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart !== undefined, null, { timeout: 60_000 }).catch(() => undefined);
    const firstChartMs = hasChart ? await page.evaluate(() => (window as unknown as { __firstChart?: number }).__firstChart ?? null) : null;
    return await page.evaluate(({ route, firstChartMs }) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const loadEnd = nav.loadEventEnd || performance.now();
      const entries = [nav, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime <= loadEnd)];
      const enc = new TextEncoder();
      const svgs = [...document.querySelectorAll('figure svg')].reduce((n, s) => n + enc.encode(s.outerHTML).length, 0);
      return {
        route,
        raw: entries.reduce((n, e) => n + e.decodedBodySize, 0),
        transferred: entries.reduce((n, e) => n + e.encodedBodySize, 0),
        requests: entries.length,
        loadMs: Math.round(loadEnd),
        firstChartMs: firstChartMs === null ? null : Math.round(firstChartMs),
        minimum: enc.encode(document.body.innerText).length + svgs,
      };
    }, { route, firstChartMs });
  } finally {
    await context.close();
  }
}

export interface QueryMeasure {
  sql: string;
  /** Click on Run to the answer on screen, the engine already running and this query's tables not yet loaded. */
  firstAnswerMs: number;
  /** The same query run again, its tables loaded. */
  warmAnswerMs: number;
  /** DuckDB's own time for the query, tables already loaded (the warm run's). */
  duckdbMs: number;
  rows: number;
  /** Parquet bytes this query's first run brought over the network, and the size of the files they came from. */
  parquetFetched: number;
  parquetFilesBytes: number;
}

export interface ExploreMeasure {
  /** The reader's first click: from Run to the answer of ENGINE_QUERY, starting the engine (DuckDB-WASM) on the way. */
  engine: { sql: string; clickToAnswerMs: number } | { sql: string; error: string };
  /** Then every query on the running engine (the budget: a typical query within 2 s of the engine being ready). */
  queries: (QueryMeasure | { sql: string; error: string })[];
}

/**
 * A query on the smallest table (21 rows, 8 KB): its answer times the engine's start. A query naming no table would
 * load every table, as the explorer does when it cannot tell which tables a query needs.
 */
export const ENGINE_QUERY = 'SELECT count(*) AS n FROM taxonomy';

/**
 * On /explore/ in one fresh page: ENGINE_QUERY starts the engine (timed from the click), then each query is run
 * twice on it, first with its tables still to load (by range requests: the bytes are counted), then warm. One
 * engine start per profile: under a phone's CPU and network it takes minutes, and it is the same for every query.
 */
export async function measureExplore(browser: Browser, origin: string, queries: readonly string[], profile: Profile, timeoutMs = 600_000): Promise<ExploreMeasure> {
  const { context, page } = await coldPage(browser, origin, profile);
  // Counted from the headers as each response arrives (reading bodies would land after the answer is timed).
  const parquet = new Map<string, { fetched: number; size: number }>();
  page.on('response', (res) => {
    const url = res.url();
    if (!url.endsWith('.parquet')) return;
    const headers = res.headers();
    const range = /\/(\d+)$/.exec(headers['content-range'] ?? '');
    const length = Number(headers['content-length'] ?? 0);
    const p = parquet.get(url) ?? { fetched: 0, size: 0 };
    p.fetched += length;
    p.size = range ? Number(range[1]) : Math.max(p.size, length);
    parquet.set(url, p);
  });
  const run = async (sql: string) => {
    await page.getByTestId('sql-input').fill(sql);
    const before = await page.getByTestId('sql-status').getAttribute('data-answer-ms');
    const t0 = Date.now();
    await page.getByTestId('sql-run').click();
    await page.waitForFunction((prev) => {
      const s = document.querySelector<HTMLElement>('[data-testid="sql-status"]');
      return !!s?.dataset.answerMs && s.dataset.answerMs !== prev;
    }, before, { timeout: timeoutMs });
    const wall = Date.now() - t0;
    const d = await page.getByTestId('sql-status').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    return { wall: Math.max(wall, Math.round(Number(d.answerMs))), queryMs: Number(d.queryMs), parquetBytes: Number(d.parquetBytes ?? 0) };
  };
  const error = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] ?? 'failed' : String(e));
  try {
    await page.goto(`${origin}/explore/`, { waitUntil: 'load', timeout: 180_000 });
    let engine: ExploreMeasure['engine'];
    try {
      engine = { sql: ENGINE_QUERY, clickToAnswerMs: (await run(ENGINE_QUERY)).wall };
    } catch (e) {
      return { engine: { sql: ENGINE_QUERY, error: error(e) }, queries: [] };
    }
    const out: ExploreMeasure['queries'] = [];
    for (const sql of queries) {
      const seen = new Map([...parquet].map(([u, f]) => [u, f.fetched]));
      try {
        const before = Number((await page.getByTestId('sql-status').getAttribute('data-parquet-bytes')) ?? 0);
        const first = await run(sql);
        // The page counts the bytes it read (data-parquet-bytes); network events, which name the files, may trail the answer.
        await page.waitForTimeout(500);
        const grown = [...parquet].filter(([u, f]) => f.fetched > (seen.get(u) ?? 0));
        const warm = await run(sql);
        const rows = await page.locator('[data-testid="sql-result"] tbody tr').count();
        out.push({
          sql, firstAnswerMs: first.wall, warmAnswerMs: warm.wall, duckdbMs: warm.queryMs, rows,
          parquetFetched: first.parquetBytes - before, parquetFilesBytes: grown.reduce((n, [, f]) => n + f.size, 0),
        });
      } catch (e) {
        out.push({ sql, error: error(e) });
      }
    }
    return { engine, queries: out };
  } finally {
    await context.close();
  }
}

export interface ExampleMeasure {
  id: string;
  /** From the click to the answer on screen: the one computed at build time when there is one (budget ≤ 1 s desktop, ≤ 3 s phone). */
  firstAnswerMs: number;
  /** Whether that first answer was the build's (data-source="precomputed") or already the live one. */
  firstSource: string;
  /** From the click to the live answer (DuckDB-WASM in the page; the first example starts the engine). */
  liveAnswerMs: number;
}

/**
 * On /explore/ in one fresh page: press each example question in turn (the first on a cold engine) and time, from
 * the click, the first answer on screen and the live one. The output is emptied before each click, so each wait
 * sees only its own answer.
 */
export async function measureExamples(browser: Browser, origin: string, ids: readonly string[], profile: Profile, timeoutMs = 600_000): Promise<ExampleMeasure[] | { error: string }> {
  const { context, page } = await coldPage(browser, origin, profile);
  try {
    await page.goto(`${origin}/explore/`, { waitUntil: 'load', timeout: 180_000 });
    const out: ExampleMeasure[] = [];
    for (const id of ids) {
      await page.locator('[data-output]').evaluate((e) => e.replaceChildren());
      await page.getByTestId('sql-run').and(page.locator(':enabled')).waitFor({ timeout: timeoutMs });
      const t0 = Date.now();
      await page.locator(`button[data-example-id="${id}"]`).click();
      const first = page.getByTestId('sql-source');
      await first.waitFor({ timeout: timeoutMs });
      const firstAnswerMs = Date.now() - t0;
      const firstSource = (await first.getAttribute('data-source')) ?? '';
      await page.locator('[data-testid="sql-source"][data-source="live"]').waitFor({ timeout: timeoutMs });
      out.push({ id, firstAnswerMs, firstSource, liveAnswerMs: Date.now() - t0 });
    }
    return out;
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] ?? 'failed' : String(e) };
  } finally {
    await context.close();
  }
}

/** On /benchmark/: paste the draft, press Run, wait for the scorecard; from the click. */
export async function measureScorecard(browser: Browser, origin: string, draft: string, profile: Profile): Promise<{ chars: number; scorecardMs: number }> {
  const { context, page } = await coldPage(browser, origin, profile);
  try {
    await page.goto(`${origin}/benchmark/`, { waitUntil: 'load', timeout: 180_000 });
    await page.getByTestId('draft-text').fill(draft);
    const t0 = Date.now();
    await page.getByTestId('draft-run').click();
    await page.getByTestId('scorecard').waitFor({ state: 'visible', timeout: 300_000 });
    return { chars: draft.length, scorecardMs: Date.now() - t0 };
  } finally {
    await context.close();
  }
}

/** On /compare/: type a place name into the picker; from the first keystroke to the matching options, and the index's bytes. */
export async function measurePickerSearch(browser: Browser, origin: string, query: string, profile: Profile): Promise<{ query: string; searchMs: number; indexTransferred: number; indexRaw: number }> {
  const { context, page } = await coldPage(browser, origin, profile);
  try {
    await page.goto(`${origin}/compare/`, { waitUntil: 'load', timeout: 180_000 });
    const before = await page.locator('#cmp-status').textContent();
    const t0 = Date.now();
    await page.locator('#cmp-q').pressSequentially(query);
    await page.waitForFunction((prev) => document.querySelector('#cmp-status')?.textContent !== prev && !!document.querySelector('#cmp-options input'), before, { timeout: 180_000 });
    const searchMs = Date.now() - t0;
    const index = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith('/data/site/index.json')));
    return { query, searchMs, indexTransferred: index?.encodedBodySize ?? 0, indexRaw: index?.decodedBodySize ?? 0 };
  } finally {
    await context.close();
  }
}
