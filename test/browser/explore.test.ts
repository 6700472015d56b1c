/**
 * The SQL explorer in real Chromium, as a journalist uses it: the first view loads no DuckDB; a query typed and run
 * shows its rows with Vietnamese intact; the CSV download is exactly the result (BOM, header, one line per row);
 * a bad query shows DuckDB's message, not a stack; nothing reaches another host. Also: every table loaded in the
 * browser (Parquet → hyparquet → Arrow → DuckDB) reads back cell for cell as its published CSV, and the time from
 * the click to the first answer, and to load all tables at once, is printed.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations } from './harness.ts';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import { TABLES } from '../../src/lib/publish/schema.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// 13 today; read from the published file so the test follows the corpus.
const N_RESOLUTIONS = parseCsv('resolutions', readFileSync(new URL('../../public/data/resolutions.csv', import.meta.url), 'utf8')).length;

const duckdbRequests = (requests: string[]) => requests.filter((u) => /duckdb|\.parquet/i.test(u));

async function runSql(page: Page, sql: string): Promise<void> {
  await page.getByTestId('sql-input').fill(sql);
  await page.getByTestId('sql-run').click();
  await page.getByTestId('sql-run').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
}

const cells = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').replace(/\r\n$/, ''), { newline: '\r\n' }).data;

async function downloadCsv(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sql-csv').click()]);
  return readFileSync((await download.path())!);
}

describe.each(['/explore/', '/en/explore/'])('%s first view', (path) => {
  it('is static: no DuckDB, no data, axe clean, fits 360 px, examples and schema present', async () => {
    const r = await openPage(browser, path);
    expect(duckdbRequests(r.requests)).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(await r.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await r.page.locator('button[data-example-sql]').count()).toBeGreaterThanOrEqual(7);
    expect(await r.page.locator('.schema-browser details').count()).toBe(TABLES.length);
    expect(await r.page.getByTestId('sql-result').count()).toBe(0);
    expect(foreignRequests(r)).toEqual([]);
    await r.context.close();
  });
});

describe('/explore/ queries', () => {
  it('runs a typed query: one row per resolution (13), Vietnamese intact, exact CSV, readable errors, no foreign requests', async () => {
    const r = await openPage(browser, '/explore/', { width: 1280 });
    const { page } = r;
    await page.getByTestId('sql-input').fill('SELECT jurisdiction, n_measures FROM resolutions ORDER BY jurisdiction');
    const clicked = Date.now();
    await page.getByTestId('sql-run').click();
    await page.locator('[data-testid="sql-result"] tbody tr').first().waitFor({ timeout: 60_000 });
    const firstAnswerMs = Date.now() - clicked;
    const rows = page.locator('[data-testid="sql-result"] tbody tr');
    expect(await rows.count()).toBe(N_RESOLUTIONS);
    expect(await page.getByTestId('sql-result').textContent()).toContain('Lạng Sơn');
    const status = await page.getByTestId('sql-status').textContent();
    expect(status).toMatch(/Công cụ sẵn sàng sau [\d.]+ ms/);
    console.log(`explore: click → first answer ${firstAnswerMs} ms (cold engine); status: ${status}`);

    const csv = await downloadCsv(page);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('jurisdiction,n_measures');
    expect(lines.slice(1)).toHaveLength(N_RESOLUTIONS);
    expect(lines.some((l) => /^Lạng Sơn,\d+$/.test(l))).toBe(true);

    const warm = Date.now();
    await runSql(page, 'SELECT "end", measures FROM provisions ORDER BY resolution_id, ord LIMIT 2');
    console.log(`explore: warm query on a new table ${Date.now() - warm} ms`);
    expect(await rows.count()).toBe(2);

    await runSql(page, 'SELEC jurisdiction FROM resolutions');
    const error = page.getByTestId('sql-error');
    expect(await error.isVisible()).toBe(true);
    const message = (await error.textContent()) ?? '';
    expect(message).toMatch(/Parser Error: syntax error at or near "SELEC"/);
    expect(message).not.toMatch(/\n\s+at\s/);

    await runSql(page, 'SELECT * FROM no_such_table');
    expect(await error.textContent()).toMatch(/Catalog Error: Table with name no_such_table does not exist/);

    await runSql(page, 'SELECT 1 AS ok');
    expect(await error.isVisible()).toBe(false);
    expect(r.errors).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    await r.context.close();
  });

  it('answers an example question with a quick chart in English', async () => {
    const r = await openPage(browser, '/en/explore/');
    await r.page.locator('button[data-example-id="who-supervises"]').click();
    // The build's answer first, then the live one (which reports the engine's start).
    await r.page.locator('[data-testid="sql-source"][data-source="live"]').waitFor({ timeout: 60_000 });
    await r.page.locator('figure.explore-chart svg').waitFor({ timeout: 60_000 });
    expect(await r.page.locator('figure.explore-chart svg').getAttribute('aria-label')).toMatch(/n_resolutions by actor/);
    expect(await r.page.getByTestId('sql-status').textContent()).toMatch(/Engine ready in [\d,]+ ms/);
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(await r.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(foreignRequests(r)).toEqual([]);
    await r.context.close();
  });

  it('reads every table back as its published CSV, cell for cell', async () => {
    const r = await openPage(browser, '/en/explore/', { width: 1280 });
    const all = Date.now();
    await runSql(r.page, 'SHOW TABLES');
    console.log(`explore: engine + all ${TABLES.length} tables loaded ${Date.now() - all} ms; ${await r.page.getByTestId('sql-status').textContent()}`);
    expect(await r.page.locator('[data-testid="sql-result"] tbody tr').count()).toBe(TABLES.length);
    for (const t of TABLES) {
      await runSql(r.page, `SELECT * FROM ${t.name} ORDER BY ${t.primaryKey.map((k) => `"${k}"`).join(', ')}`);
      const published = readFileSync(new URL(`../../public/data/${t.name}.csv`, import.meta.url), 'utf8');
      // Cells, not bytes: papaparse quotes a cell with surrounding spaces, the published writer does not.
      expect(cells((await downloadCsv(r.page)).toString('utf8')), t.name).toEqual(cells(published));
    }
    expect(foreignRequests(r)).toEqual([]);
    await r.context.close();
  });
});

describe('/explore/ example questions', () => {
  it('answer at once from the build, labelled so, show the engine download progress, then the same rows live', async () => {
    for (const [path, width] of [['/explore/', 360], ['/en/explore/', 1280]] as const) {
      const r = await openPage(browser, path, { width });
      const { page } = r;
      const rowsText = () => page.locator('[data-testid="sql-result"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
      await page.locator('button[data-example-id="per-measure"]').click();
      // The build's answer is on screen before the engine's wasm has even arrived.
      await page.locator('[data-testid="sql-source"][data-source="precomputed"]').waitFor({ timeout: 5_000 });
      expect(await page.getByTestId('sql-source').textContent()).toMatch(/khi dựng trang|when the site was built/);
      const built = await rowsText();
      expect(built).toHaveLength(N_RESOLUTIONS);
      expect(Number(await page.getByTestId('sql-status').getAttribute('data-first-answer-ms'))).toBeLessThan(1_000);
      // While the engine downloads: a progress bar of its bytes, next to the buttons.
      await page.getByTestId('engine-progress').waitFor({ state: 'visible', timeout: 30_000 });
      const max = Number(await page.getByTestId('engine-progress').getAttribute('max'));
      expect(max).toBeGreaterThan(1_000_000);
      // Then live, the same rows.
      await page.locator('[data-testid="sql-source"][data-source="live"]').waitFor({ timeout: 60_000 });
      expect(await rowsText()).toEqual(built);
      expect(await page.getByTestId('engine-progress').isVisible()).toBe(false);
      expect(r.errors).toEqual([]);
      expect(foreignRequests(r)).toEqual([]);
      await r.context.close();
    }
  }, 180_000);

  it('every example\'s build-time answer is the live answer (same SQL, same data)', async () => {
    const r = await openPage(browser, '/explore/', { width: 1280 });
    const { page } = r;
    const pre = JSON.parse((await page.locator('[data-explore]').getAttribute('data-precomputed')) ?? '{}') as Record<string, { result: { rows: unknown[][] }; total: number }>;
    const nullText = (JSON.parse((await page.locator('[data-explore]').getAttribute('data-strings')) ?? '{}') as { nullText?: string }).nullText ?? '';
    expect(nullText).toBe('không rõ');
    const ids = await page.locator('button[data-example-id]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-example-id') ?? ''));
    expect(Object.keys(pre).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      await page.locator('[data-output]').evaluate((e) => e.replaceChildren());
      await page.locator(`button[data-example-id="${id}"]`).click();
      await page.locator('[data-testid="sql-source"][data-source="live"]').waitFor({ timeout: 60_000 });
      await page.getByTestId('sql-run').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
      const live = await page.locator('[data-testid="sql-result"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
      // A NULL reads as the page's word for unknown ("không rõ"), as the live table shows it.
      const built = (pre[id]?.result.rows ?? []).map((row) => row.map((c) => (c === null ? nullText : Array.isArray(c) ? c.join('; ') : String(c))));
      expect(live, id).toEqual(built);
    }
    await r.context.close();
  }, 180_000);
});
