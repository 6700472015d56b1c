/**
 * A commune official on /benchmark/, on a 360 px phone and a 1280 px desktop, in Vietnamese and English: she opens her
 * commune draft (dated 2026, citing the 2015 local-government law, naming the district level) and a published
 * resolution (Linh Sơn's, as a PDF). After opening, the summary is in view and focus is on the result's heading; the
 * page's text carries no internal code or id (every code of the vocabulary and taxonomy, lint codes, register and
 * resolution ids, provision ids); it says what the medians are computed over; the superseded law's date is the
 * register's, not the day of judging; the published resolution is recognised and left out of its own peers. A
 * damaged file's error sits beside the file control, in the page's language, with focus on it. axe finds nothing
 * serious; the printed PDF names the draft, the file and the dataset version.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { foreignRequests, launch, openPage, seriousViolations } from './harness.ts';
import { MEASURE_CODES } from '../../src/lib/reference/vocabulary.ts';
import { knownCodes } from '../../src/lib/views/code-words.ts';
import { formatDate } from '../../src/lib/views/i18n.ts';
import { loadCurated, loadReference } from '../../src/node/reference.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const DRAFT = `${ROOT}data/examples/draft-missing-measures-2026.txt`;
const PUBLISHED = `${ROOT}test/fixtures/formats/thai-nguyen-linh-son-36-nq-hdnd-2025.pdf`;
const reference = loadReference();
const register = reference.register;
const LINT_CODES = ['outdated_legal_basis', 'abolished_district_level', 'no_funding_clause', 'no_supervision_clause', 'no_effect_clause', 'missing_core_basis'];

/** Every internal code or id a reader must never see on the page. */
const CODES = [
  ...MEASURE_CODES,
  // Codes that are also plain English words (committees, delegates, other) are left to the other checks.
  ...knownCodes('actor').filter((c) => c.includes('_')),
  ...knownCodes('source'),
  ...LINT_CODES,
  ...reference.taxonomy.entries.flatMap((t) => [t.code, ...t.rules.map((r) => r.id)]),
  ...register.map((d) => d.id),
  ...loadCurated().map((c) => c.id),
];

function codesIn(text: string): string[] {
  const found = CODES.filter((c) => new RegExp(`(^|[^\\p{L}\\p{N}_.-])${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_-])`, 'u').test(text));
  // Provision ids ("dieu-1.khoan-3.diem-c") and legal-basis ids.
  if (/dieu-\d|khoan-\d|legal-basis-\d/.test(text)) found.push('provision id');
  return found;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function inView(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight - 40;
  });
}

const WORDS = {
  vi: { path: '/benchmark/', level: 'cấp xã', noSame: 'Không có nghị quyết cấp xã nào', damaged: 'bị hỏng hoặc bị cắt cụt', saveAgain: 'lưu lại' },
  en: { path: '/en/benchmark/', level: 'commune-level', noSame: 'No published commune-level resolution', damaged: 'damaged or truncated', saveAgain: 'save it as .docx' },
} as const;

describe.each([
  ['vi', 360], ['vi', 1280], ['en', 360], ['en', 1280],
] as const)('/benchmark/ (%s, %i px)', (lang, width) => {
  const w = WORDS[lang];

  it('a commune draft: summary in view, no codes, peers stated, the register\'s dates', async () => {
    const r = await openPage(browser, w.path, { width });
    await r.page.getByTestId('draft-file').setInputFiles(DRAFT);
    await r.page.getByTestId('scorecard').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await r.page.evaluate(() => document.activeElement?.id)).toBe('scorecard-title');
    expect(await inView(r.page, 'scorecard-summary')).toBe(true);
    const text = await r.page.getByTestId('scorecard').innerText();
    expect(codesIn(text)).toEqual([]);
    expect(text).toContain(lang === 'vi' ? 'Điều 1 khoản 1 điểm b' : 'Article 1(1)(b)');
    // The peer base: one commune-level resolution, named.
    const base = await r.page.getByTestId('peer-base').innerText();
    expect(base).toContain(w.level);
    expect(base).toContain('Linh Sơn 36/NQ-HĐND');
    // The 2015 law stopped applying when its replacement came into force (register), not on the judging day.
    const law = await r.page.locator('.lint li[data-code="outdated_legal_basis"] .law').innerText();
    const replacement = register.find((d) => d.id === 'luat-65-2025-qh15');
    const latest = register.find((d) => d.id === 'luat-72-2025-qh15');
    expect(law).toContain(formatDate(lang, replacement?.effective_from ?? null));
    expect(law).toContain(latest?.number ?? '?');
    expect(law).toContain(formatDate(lang, latest?.effective_from ?? null));
    expect(law).not.toContain(formatDate(lang, '2026-03-10'));
    expect(law).not.toContain(formatDate(lang, new Date().toISOString().slice(0, 10)));
    // No suggestion repeats the district level; suggestions for a measure the draft has are ways to strengthen it.
    const suggestions = await r.page.locator('.suggestion').evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-kind'), measure: e.getAttribute('data-measure'), text: e.textContent ?? '' })));
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.filter((g) => /cấp huyện|huyện/i.test(g.text))).toEqual([]);
    const present = await r.page.locator('.measure[data-status="present"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-measure')));
    for (const g of suggestions) expect(g.kind).toBe(present.includes(g.measure) ? 'strengthen' : 'add');
    expect(await seriousViolations(r.page)).toEqual([]);
    expect(foreignRequests(r)).toEqual([]);
    expect(r.errors).toEqual([]);
    await r.context.close();
  });

  it('a published resolution is recognised, said, and left out of its own peers', async () => {
    const r = await openPage(browser, w.path, { width });
    await r.page.getByTestId('draft-file').setInputFiles(PUBLISHED);
    await r.page.getByTestId('scorecard').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await inView(r.page, 'scorecard-summary')).toBe(true);
    expect(await r.page.getByTestId('matched-source').innerText()).toContain('Linh Sơn 36/NQ-HĐND');
    const base = await r.page.getByTestId('peer-base').innerText();
    expect(base).toContain(w.noSame);
    expect(base).toContain('4');
    expect(base).not.toContain('Linh Sơn');
    // The file's own name (the reader's, in the header) may be anything.
    expect(codesIn((await r.page.getByTestId('scorecard').innerText()).replace('thai-nguyen-linh-son-36-nq-hdnd-2025.pdf', ''))).toEqual([]);
    expect(await seriousViolations(r.page)).toEqual([]);
    await r.context.close();
  });

  it('a damaged file: the error is beside the file control, in the page\'s language, focused and in view', async () => {
    const bytes = readFileSync(`${ROOT}test/fixtures/formats/draft-copied-from-an-phu.doc`).subarray(0, 3000);
    const r = await openPage(browser, w.path, { width });
    await r.page.getByTestId('draft-file').setInputFiles({ name: 'cut.doc', mimeType: 'application/msword', buffer: Buffer.from(bytes) });
    const error = r.page.getByTestId('draft-error');
    await error.filter({ hasText: w.damaged }).waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toContain(w.saveAgain);
    expect(await r.page.evaluate(() => document.activeElement?.id)).toBe('draft-error');
    expect(await inView(r.page, 'draft-error')).toBe(true);
    // Beside the control: the element right before it holds the file input.
    expect(await error.evaluate((e) => e.previousElementSibling?.querySelector('#draft-file') !== null)).toBe(true);
    if (lang === 'vi') expect(await error.innerText()).not.toMatch(/damaged|truncated|the \.doc/);
    expect(await seriousViolations(r.page)).toEqual([]);
    await r.context.close();
  });
});

describe('/benchmark/ printed', () => {
  it('the PDF Chromium prints names the draft, its file and the dataset version', async () => {
    const r = await openPage(browser, '/benchmark/', { width: 1280 });
    await r.page.getByTestId('draft-file').setInputFiles(DRAFT);
    await r.page.getByTestId('scorecard').waitFor({ state: 'visible', timeout: 30_000 });
    const dir = mkdtempSync(join(tmpdir(), 'bench-print-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await r.page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const version = (JSON.parse(readFileSync(`${ROOT}dist/data/datapackage.json`, 'utf8')) as { version: string }).version;
    expect(text).toContain('12/NQ-HĐND');
    expect(text).toContain('draft-missing-measures-2026.txt');
    expect(text).toContain('Phiên bản dữ liệu');
    expect(text).toContain(version);
    expect(text).toContain('không được gửi đi');
    expect(codesIn(text)).toEqual([]);
    await r.context.close();
  });
});
