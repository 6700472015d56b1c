/**
 * A drafter opens a PDF on /benchmark/: a text PDF gives the same scorecard as the command line on the same file,
 * with pdf.js and its worker fetched from this site only and only once a PDF is opened; a scanned PDF gets the
 * message that it is a scan, in the page's language. (Opening a file does not yet run the scorecard by itself on
 * this branch — the `office` branch makes it so — so the test presses the button, as for the .docx.)
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pdfjsRequests = (urls: string[]) => urls.filter((u) => /pdf(\.worker)?[^/]*\.m?js$/.test(u));

describe('/benchmark/ with a PDF', () => {
  it('a text PDF: the scorecard agrees with the command line; pdf.js loads only then, from this site', async () => {
    const file = `${ROOT}test/fixtures/formats/thai-nguyen-linh-son-36-nq-hdnd-2025.pdf`;
    const r = await openPage(browser, '/benchmark/', { width: 1280 });
    expect(pdfjsRequests(r.requests)).toEqual([]);
    await r.page.getByTestId('draft-file').setInputFiles(file);
    await r.page.getByTestId('draft-run').click();
    await r.page.getByTestId('scorecard').waitFor({ state: 'visible', timeout: 60_000 });
    const measures = await r.page.locator('[data-testid="scorecard"] .measure[data-measure]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-measure'), e.getAttribute('data-status') === 'present'])));
    const lint = await r.page.locator('[data-testid="scorecard"] .lint li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    const cli = spawnSync(process.execPath, ['scripts/benchmark.ts', file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(cli.status, cli.stderr).toBe(0);
    const want = JSON.parse(cli.stdout) as { coverage: Record<string, boolean>; lint: { code: string }[] };
    expect(measures).toEqual(want.coverage);
    expect([...lint].sort()).toEqual(want.lint.map((l) => l.code).sort());
    expect(pdfjsRequests(r.requests).length).toBeGreaterThanOrEqual(2);
    expect(r.requests.some((u) => u.includes('worker'))).toBe(true);
    expect(foreignRequests(r)).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(await seriousViolations(r.page)).toEqual([]);
    await r.context.close();
  });

  it.each([
    ['/benchmark/', 'bản quét'],
    ['/en/benchmark/', 'is a scan'],
  ])('%s: a scanned PDF gets the message that it is a scan, and no scorecard', async (path, words) => {
    const r = await openPage(browser, path);
    await r.page.getByTestId('draft-file').setInputFiles(`${ROOT}test/fixtures/formats/son-la-2024-04-17-nq-hdnd.scanned.pdf`);
    await r.page.getByTestId('draft-run').click();
    await r.page.getByTestId('draft-error').filter({ hasText: words }).waitFor({ timeout: 30_000 });
    expect(await r.page.getByTestId('scorecard').isHidden()).toBe(true);
    expect(foreignRequests(r)).toEqual([]);
    await r.context.close();
  });
});
