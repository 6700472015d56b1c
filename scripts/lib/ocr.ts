/**
 * OCR of a scanned PDF on the command line: each page rasterised by pdftoppm (poppler-utils) and read by Tesseract
 * with its Vietnamese data (tesseract-ocr, tesseract-ocr-vie), one page at a time in a temporary directory that is
 * always removed, each step under a timeout. Tesseract's words come back with their boxes (TSV), become positioned
 * lines, and are assembled into reading text by the same src/lib/read/pdf-layout.ts as a PDF's text layer; Tesseract's
 * one systematic error (marked lower-case vowels read as capitals) is undone by src/lib/read/ocr-case.ts. Returns the
 * text or one line saying what is missing or what failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagesToText, type PageItem, type PageText } from '../../src/lib/read/pdf-layout.ts';
import { fixOcrCase } from '../../src/lib/read/ocr-case.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { MAX_OCR_PIXELS, RSS_MB } from '../../src/lib/read/budget.ts';

/** OCR takes seconds a page: past this many pages a scan is refused rather than left running for minutes. */
export const MAX_OCR_PAGES = 60;
// The fixtures are 150 dpi scans. Sơn La at 200 against 300 dpi: CER 0.11 % against 0.07 %; 14 against 33 s a page in
// one run, 17 against 17 in another (the machine was shared), so 200 is kept for its smaller images, not proven faster.
export const OCR_DPI = 200;
const PAGE_TIMEOUT_MS = 180_000;

/** `unfixed`: the text before ocr-case.ts, kept so the bench can show what the case fix is worth. */
export type OcrResult = { ok: true; text: string; unfixed: string; pages: number; ms: number } | { ok: false; message: string };

/**
 * A tool run under a timeout and, through the shell's ulimit, a cap on its address space (RSS_MB): the budget's
 * watcher (budget-run.ts) sees only the Node process, and pdftoppm inflating an image bomb must not escape it.
 */
function run(cmd: string, args: string[], timeout = PAGE_TIMEOUT_MS) {
  if (process.platform === 'win32') return spawnSync(cmd, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const r = spawnSync('sh', ['-c', `ulimit -v ${RSS_MB * 1024} 2>/dev/null; command -v "$0" >/dev/null || exit 127; exec "$0" "$@"`, cmd, ...args], { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' });
  // The shell stands in for the tool: "not installed" is its exit 127, as spawning the tool would have failed.
  return r.status === 127 ? { ...r, error: r.error ?? new Error(`${cmd}: not found`) } : r;
}

/** Null when tesseract with Vietnamese data and pdftoppm are installed; otherwise what to install. */
export function ocrMissing(): string | null {
  const langs = run('tesseract', ['--list-langs'], 20_000);
  if (langs.error) return 'is a scan (no text layer) and OCR needs tesseract, which is not installed (hint: apt-get install tesseract-ocr tesseract-ocr-vie)';
  if (!/^vie$/m.test(`${langs.stdout}\n${langs.stderr}`)) return 'is a scan (no text layer) and OCR needs tesseract\'s Vietnamese data, which is not installed (hint: apt-get install tesseract-ocr-vie)';
  if (run('pdftoppm', ['-v'], 20_000).error) return 'is a scan (no text layer) and OCR needs pdftoppm, which is not installed (hint: apt-get install poppler-utils)';
  return null;
}

/**
 * Tesseract TSV of one page → positioned lines. Words of one Tesseract line are joined into one item, split where
 * a gap is wider than two line heights (the two columns of the header table); size ≈ the line box over 1.3.
 */
export function tsvToPage(tsv: string): PageText {
  let width = 0;
  let height = 0;
  const lines = new Map<string, { left: number; top: number; width: number; height: number; text: string }[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, w, h] = f.slice(0, 10).map(Number);
    const text = f.slice(11).join('\t').trim();
    if (level === 1) [width, height] = [w ?? 0, h ?? 0];
    if (level !== 5 || text === '') continue;
    const key = `${block}.${par}.${line}`;
    lines.set(key, [...(lines.get(key) ?? []), { left: left ?? 0, top: top ?? 0, width: w ?? 0, height: h ?? 0, text }]);
  }
  const items: PageItem[] = [];
  for (const words of lines.values()) {
    const bottom = Math.max(...words.map((w) => w.top + w.height));
    const box = bottom - Math.min(...words.map((w) => w.top));
    let cur: PageItem | null = null;
    for (const w of words.sort((a, b) => a.left - b.left)) {
      if (!cur || w.left - (cur.x + cur.width) > 1.1 * box) {
        cur = { str: w.text, x: w.left, y: bottom, width: w.width, size: box / 1.3 };
        items.push(cur);
      } else {
        cur.str += ` ${w.text}`;
        cur.width = w.left + w.width - cur.x;
      }
    }
  }
  return { width, height, items };
}

/** Page count of a PDF from pdfinfo, or null when it cannot tell. */
function pageCount(file: string): number | null {
  const r = run('pdfinfo', [file], 30_000);
  const n = /^Pages:\s+(\d+)/m.exec(r.stdout ?? '');
  return n ? Number(n[1]) : null;
}

/**
 * The first page of 1..n whose raster at `dpi` would exceed MAX_OCR_PIXELS, with its pixel count, or null when all
 * fit (pdfinfo reads each page's size in points, 1/72 inch, without drawing anything).
 */
export function oversizedPage(file: string, n: number, dpi: number): { page: number; pixels: number } | null {
  const r = run('pdfinfo', ['-f', '1', '-l', String(n), file], 30_000);
  const sizes = [...(r.stdout ?? '').matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gm)];
  if (sizes.length < n) return { page: sizes.length + 1, pixels: NaN };
  for (const m of sizes) {
    const pixels = ((Number(m[2]) * dpi) / 72) * ((Number(m[3]) * dpi) / 72);
    if (!(pixels <= MAX_OCR_PIXELS)) return { page: Number(m[1]), pixels };
  }
  return null;
}

/** Reading text of a scanned PDF by OCR, or the reason it could not be read. */
export function ocrPdf(file: string, opts: { dpi?: number; lang?: string; tmp?: string; onStart?: (pages: number) => void } = {}): OcrResult {
  const missing = ocrMissing();
  if (missing) return { ok: false, message: missing };
  const n = pageCount(file);
  if (n === null) return { ok: false, message: 'is a scan whose pages cannot be counted (pdfinfo failed); the PDF may be damaged' };
  if (n > MAX_OCR_PAGES) return { ok: false, message: `is a scan of ${n} pages; OCR reads at most ${MAX_OCR_PAGES} (split the file)` };
  const dpi = opts.dpi ?? OCR_DPI;
  const big = oversizedPage(file, n, dpi);
  if (big) {
    return { ok: false, message: Number.isNaN(big.pixels) ? `is a scan whose page ${big.page} has no readable size; the PDF may be damaged` : `is a scan whose page ${big.page} would be ${Math.round(big.pixels / 1e6)} million pixels at ${dpi} dpi; OCR reads pages up to ${MAX_OCR_PIXELS / 1e6} million (A3 is 18.5)` };
  }
  opts.onStart?.(n);
  const started = performance.now();
  const tmp = mkdtempSync(join(opts.tmp ?? tmpdir(), 'ocr-'));
  try {
    const pages: PageText[] = [];
    for (let p = 1; p <= n; p++) {
      const png = join(tmp, `p${p}`);
      const r = run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', '-f', String(p), '-l', String(p), file, png]);
      if (r.status !== 0) return { ok: false, message: `page ${p} could not be rasterised for OCR (${r.error ? 'timed out' : (r.stderr ?? '').trim().split('\n')[0]})` };
      const t = run('tesseract', [`${png}.png`, 'stdout', '-l', opts.lang ?? 'vie', 'tsv']);
      if (t.status !== 0) return { ok: false, message: `OCR failed on page ${p} (${t.error ? 'timed out' : (t.stderr ?? '').trim().split('\n').pop()})` };
      pages.push(tsvToPage(t.stdout));
      rmSync(`${png}.png`, { force: true });
    }
    const unfixed = normalizeText(pagesToText(pages));
    if (unfixed.trim() === '') return { ok: false, message: 'is a scan in which OCR found no text' };
    return { ok: true, text: normalizeText(fixOcrCase(unfixed)), unfixed, pages: n, ms: performance.now() - started };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
