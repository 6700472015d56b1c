/**
 * A drafter in Chromium: paste a draft and press the button, or open a real .docx or .doc and see the scorecard at once; the browser and the command line
 * agree on the same file; hostile input (a zip bomb, HTML in the text) is handled safely; nothing leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function cli(file: string) {
  const r = spawnSync(process.execPath, ['scripts/benchmark.ts', file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  expect(r.status, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as { coverage: Record<string, boolean>; lint: { code: string; provision: string | null }[]; similar: { id: string; shared_passages: unknown[] }[] };
  // The page lists the resolutions that share a passage; the JSON keeps every score.
  return { ...doc, similar: doc.similar.filter((s) => s.shared_passages.length > 0) };
}

async function scorecard(page: Page) {
  await page.getByTestId('scorecard').waitFor({ state: 'visible', timeout: 30_000 });
  const measures = await page.locator('[data-testid="scorecard"] [data-measure][data-status]').evaluateAll((els) =>
    Object.fromEntries(els.filter((e) => e.classList.contains('measure')).map((e) => [e.getAttribute('data-measure'), e.getAttribute('data-status') === 'present'])),
  );
  const lint = await page.locator('[data-testid="scorecard"] .lint li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  const similar = await page.locator('[data-testid="scorecard"] .similar > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  return { measures, lint, similar };
}

describe('/benchmark/', () => {
  it('pasted draft: the scorecard agrees with the command line, nothing leaves the machine', async () => {
    const file = `${ROOT}data/examples/draft-missing-measures-2026.txt`;
    const r = await openPage(browser, '/benchmark/', { width: 1280 });
    await r.page.getByTestId('draft-text').fill(readFileSync(file, 'utf8'));
    // Pasted text waits for the button.
    await r.page.waitForTimeout(1_500);
    expect(await r.page.getByTestId('scorecard').isHidden()).toBe(true);
    await r.page.getByTestId('draft-run').click();
    const got = await scorecard(r.page);
    const want = cli(file);
    expect(got.measures).toEqual(want.coverage);
    expect([...got.lint].sort()).toEqual(want.lint.map((l) => l.code).sort()); // the page lists them by weight
    expect(got.similar).toEqual(want.similar.map((s) => s.id));
    expect(got.measures.M3).toBe(false);
    expect(foreignRequests(r)).toEqual([]);
    expect(r.requests.some((u) => u.includes('duckdb'))).toBe(false);
    // Pasted text loads neither format's reader.
    expect(r.requests.some((u) => /\/word-doc[.-][^/]*\.js$/.test(u) || /\/lib\.[^/]*\.js$/.test(u))).toBe(false);
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });

  it('a real .docx opened in English: the scorecard appears at once, the same findings as the command line, An Phú first', async () => {
    const file = `${ROOT}test/fixtures/draft-copied-from-an-phu.docx`;
    const r = await openPage(browser, '/en/benchmark/');
    await r.page.getByTestId('draft-file').setInputFiles(file);
    // No button: opening the file runs the scorecard.
    const got = await scorecard(r.page);
    const want = cli(file);
    expect(got.measures).toEqual(want.coverage);
    expect([...got.lint].sort()).toEqual(want.lint.map((l) => l.code).sort()); // the page lists them by weight
    expect(got.similar[0]).toBe('an-giang-an-phu-47-nq-hdnd-2024');
    expect(await r.page.getByTestId('scorecard').textContent()).toContain('Dân tin - Đảng cử');
    expect(foreignRequests(r)).toEqual([]);
    await r.context.close();
  });

  it('the same draft as a legacy Word .doc: the scorecard appears on opening, as for the .docx and the command line', async () => {
    const file = `${ROOT}test/fixtures/formats/draft-copied-from-an-phu.doc`;
    const r = await openPage(browser, '/benchmark/');
    await r.page.getByTestId('draft-file').setInputFiles(file);
    const got = await scorecard(r.page);
    const want = cli(file);
    expect(got.measures).toEqual(want.coverage);
    expect([...got.lint].sort()).toEqual(want.lint.map((l) => l.code).sort()); // the page lists them by weight
    expect(got.similar).toEqual(want.similar.map((s) => s.id));
    const asDocx = cli(`${ROOT}test/fixtures/draft-copied-from-an-phu.docx`);
    expect([want.coverage, want.lint, want.similar]).toEqual([asDocx.coverage, asDocx.lint, asDocx.similar]);
    expect(got.similar[0]).toBe('an-giang-an-phu-47-nq-hdnd-2024');
    // The .doc reader is its own chunk, fetched from this site when a .doc is opened; mammoth is not.
    expect(r.requests.some((u) => /\/word-doc[.-][^/]*\.js$/.test(u))).toBe(true);
    expect(r.requests.some((u) => /\/lib\.[^/]*\.js$/.test(u))).toBe(false);
    expect(foreignRequests(r)).toEqual([]);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });

  it('a damaged .doc is refused with one message naming the problem', async () => {
    const bytes = readFileSync(`${ROOT}test/fixtures/formats/draft-copied-from-an-phu.doc`).subarray(0, 3000);
    const r = await openPage(browser, '/benchmark/');
    await r.page.getByTestId('draft-file').setInputFiles({ name: 'cut.doc', mimeType: 'application/msword', buffer: Buffer.from(bytes) });
    await r.page.getByTestId('draft-error').filter({ hasText: 'bị hỏng hoặc bị cắt cụt' }).waitFor({ timeout: 10_000 });
    expect(await r.page.getByTestId('scorecard').isHidden()).toBe(true);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });

  it('a zip bomb is refused with a message, before anything is unpacked', async () => {
    const r = await openPage(browser, '/benchmark/');
    await r.page.getByTestId('draft-file').setInputFiles(`${ROOT}test/fixtures/zip-bomb.docx`);
    await r.page.getByTestId('draft-error').filter({ hasText: 'không an toàn' }).waitFor({ timeout: 10_000 });
    expect(await r.page.getByTestId('scorecard').isHidden()).toBe(true);
    expect(r.requests.some((u) => /\/lib\.[^/]*\.js$/.test(u))).toBe(false);
    await r.context.close();
  });

  it('HTML in a draft is shown as text, never run or inserted as markup', async () => {
    const text = readFileSync(`${ROOT}data/examples/draft-missing-measures-2026.txt`, 'utf8').replace(
      'a) Tuyên truyền trên hệ thống loa',
      'a) Tuyên truyền <img src=x onerror="window.__pwned=1"> trên hệ thống loa',
    );
    const r = await openPage(browser, '/benchmark/');
    await r.page.getByTestId('draft-text').fill(text);
    await r.page.getByTestId('draft-run').click();
    await scorecard(r.page);
    expect(await r.page.locator('[data-testid="scorecard"] img').count()).toBe(0);
    expect(await r.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await r.context.close();
  });

  it('text that is not a resolution gets the same judgement as the command line', async () => {
    const r = await openPage(browser, '/benchmark/');
    await r.page.getByTestId('draft-text').fill('Cách nấu phở bò\n\n1. Ninh xương bò trong 6 giờ.');
    await r.page.getByTestId('draft-run').click();
    await r.page.getByTestId('draft-error').filter({ hasText: 'không giống một nghị quyết' }).waitFor({ timeout: 10_000 });
    expect(await r.page.getByTestId('scorecard').isHidden()).toBe(true);
    await r.context.close();
  });
});
