/**
 * Dev-only, rerunnable: npx node scripts/fixtures-pdf.ts [ID…]
 * Makes the project's own PDF fixtures from the five full sources in data/raw (nothing is taken from elsewhere):
 * each source is laid out like a printed resolution (the two-column header table, a Times-metric serif, justified
 * paragraphs with a first-line indent, the page number in the footer and a running header) and printed to an A4
 * text PDF by Chromium; that PDF is then rasterised with pdftoppm (150 dpi, grey, JPEG) and each page image, turned
 * by a slight skew, is printed back into an image-only PDF — a scan with no text layer. Writes
 * test/fixtures/formats/<id>.pdf and <id>.scanned.pdf. The source's line breaks are kept as <br> (a line break in
 * the source is a line break on paper) so the extracted text can be compared with the source.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { cleanLine } from '../src/lib/text/lines.ts';
import { ROOT } from '../src/node/paths.ts';

export const FULL_SEEDS = [
  'an-giang-an-phu-47-nq-hdnd-2024',
  'hai-phong-99-nq-hdnd-2024',
  'lang-son-08-2024-nq-hdnd',
  'son-la-2024-04-17-nq-hdnd',
  'thai-nguyen-linh-son-36-nq-hdnd-2025',
];
const OUT = join(ROOT, 'test', 'fixtures', 'formats');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One source line as HTML: markdown emphasis becomes <b>/<i>, struck text <s>, heading hashes and tabs go. */
function inline(line: string): string {
  return esc(line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\t+/g, '  ').replace(/\s+$/, ''))
    .replace(/~~(.+?)~~/g, '<s>$1</s>')
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
    .replace(/(^|[\s(])\*(\S.*?)\*(?=$|[\s).,;:])/g, '$1<i>$2</i>')
    .replace(/\*|~~/g, '');
}

/** Source paragraphs: runs of non-blank lines. */
function paragraphs(lines: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}

const para = (p: string[], cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${p.map(inline).join('<br>')}</p>`;

/** The printed page of one source: header table (left: council, number; right: motto, place and date), body. */
export function resolutionHtml(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const title = lines.findIndex((l) => /^NGHỊ QUYẾT$/.test(cleanLine(l).clean));
  const head = paragraphs(lines.slice(0, Math.max(0, title)));
  const right = head.filter((p) => /CỘNG HÒA|Độc lập|ngày\s+\d+\s+tháng/.test(p.map((l) => cleanLine(l).clean).join(' ')));
  const left = head.filter((p) => !right.includes(p));
  const body = paragraphs(lines.slice(Math.max(0, title)));
  // The title block (NGHỊ QUYẾT, its subject, the council and session) is centred up to the first legal basis.
  const firstBasis = body.findIndex((p) => /^(Căn cứ|Xét)\s/.test(cleanLine(p[0] ?? '').clean));
  const html = body.map((p, k) => {
    const clean = cleanLine(p[0] ?? '').clean;
    const centred = (k < firstBasis) || /^QUYẾT NGHỊ/.test(clean);
    return para(p, centred ? 'c' : '');
  });
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 22mm 20mm 22mm 30mm; }
    body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13.5pt; line-height: 1.35; margin: 0; }
    p { margin: 0 0 7pt; text-align: justify; text-indent: 1cm; }
    p.c { text-align: center; text-indent: 0; font-weight: bold; }
    table.head { width: 100%; border-collapse: collapse; margin-bottom: 14pt; }
    table.head td { vertical-align: top; text-align: center; padding: 0; }
    table.head td.l { width: 38%; } table.head p { text-align: center; text-indent: 0; margin-bottom: 5pt; font-size: 13pt; }
  </style></head><body>
  ${head.length ? `<table class="head"><tr><td class="l">${left.map((p) => para(p)).join('')}</td><td>${right.map((p) => para(p)).join('')}</td></tr></table>` : ''}
  ${html.join('\n')}
  </body></html>`;
}

/** The running header: the resolution's number when the source gives one. */
function runningHeader(source: string): string {
  const n = /Số:\s*\**\s*([0-9]+)\**\s*(\/[0-9A-ZĐ/-]+)/u.exec(source);
  return n ? `Nghị quyết số ${n[1]}${n[2]}` : 'Nghị quyết của Hội đồng nhân dân';
}

/** Width and height of a baseline or progressive JPEG, from its SOF marker. */
function jpegSize(b: Buffer): { w: number; h: number; components: number } {
  let p = 2;
  while (p < b.length) {
    const marker = b[p + 1] ?? 0;
    const len = b.readUInt16BE(p + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { h: b.readUInt16BE(p + 5), w: b.readUInt16BE(p + 7), components: b[p + 9] ?? 1 };
    p += 2 + len;
  }
  throw new Error('no JPEG frame header');
}

/**
 * An image-only A4 PDF written by hand: each JPEG is embedded as it is (DCTDecode, no re-encoding) and drawn
 * over the whole page, turned by `skew[k]` degrees about the page centre. No text layer, no fonts.
 */
export function imagePdf(jpegs: Buffer[], skew: number[]): Buffer {
  const W = 595.28;
  const H = 841.89;
  const objects: (string | Buffer)[][] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages; then per page: page, content, image.
  jpegs.forEach((jpg, k) => {
    const base = 3 + k * 3;
    pageIds.push(base);
    // pdftoppm -gray still writes three-component JPEGs: the colour space follows the frame header.
    const { w, h, components } = jpegSize(jpg);
    const t = ((skew[k] ?? 0) * Math.PI) / 180;
    const [c, s] = [Math.cos(t), Math.sin(t)];
    const e = W / 2 - (c * W / 2 - s * H / 2);
    const f = H / 2 - (s * W / 2 + c * H / 2);
    const content = `q ${c.toFixed(5)} ${s.toFixed(5)} ${(-s).toFixed(5)} ${c.toFixed(5)} ${e.toFixed(2)} ${f.toFixed(2)} cm ${W} 0 0 ${H} 0 0 cm /Im Do Q`;
    objects[base] = [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /XObject << /Im ${base + 2} 0 R >> >> /Contents ${base + 1} 0 R >>`];
    objects[base + 1] = [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`];
    objects[base + 2] = [`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /${components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpg.length} >>\nstream\n`, jpg, '\nendstream'];
  });
  objects[1] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  objects[2] = [`<< /Type /Pages /Kids [${pageIds.map((i) => `${i} 0 R`).join(' ')}] /Count ${pageIds.length} >>`];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = offset;
    const chunk = Buffer.concat([Buffer.from(`${i} 0 obj\n`), ...(objects[i] ?? []).map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : x)), Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    offset += chunk.length;
  }
  const xref = `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

async function main(): Promise<void> {
  const ids = process.argv.slice(2).length ? process.argv.slice(2) : FULL_SEEDS;
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const id of ids) {
      const source = readFileSync(join(ROOT, 'data', 'raw', `${id}.txt`), 'utf8');
      const page = await browser.newPage();
      await page.setContent(resolutionHtml(source), { waitUntil: 'load' });
      const textPdf = join(OUT, `${id}.pdf`);
      const small = 'font-family: Liberation Serif, serif; font-size: 9pt; width: 100%; margin: 0 20mm 0 30mm;';
      await page.pdf({
        path: textPdf, format: 'A4', preferCSSPageSize: true, displayHeaderFooter: true,
        headerTemplate: `<div style="${small} text-align: right; font-style: italic;">${esc(runningHeader(source))}</div>`,
        footerTemplate: `<div style="${small} text-align: center;"><span class="pageNumber"></span></div>`,
      });
      await page.close();
      const tmp = mkdtempSync(join(tmpdir(), 'scan-'));
      try {
        const r = spawnSync('pdftoppm', ['-r', '150', '-gray', '-jpeg', '-jpegopt', 'quality=60', textPdf, join(tmp, 'p')], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`pdftoppm failed on ${textPdf}: ${r.stderr}`);
        const images = readdirSync(tmp).filter((f) => f.endsWith('.jpg')).sort();
        // A slight, page-varying skew, as a sheet fed by hand into a scanner sits.
        const jpegs = images.map((f) => readFileSync(join(tmp, f)));
        writeFileSync(join(OUT, `${id}.scanned.pdf`), imagePdf(jpegs, jpegs.map((_, k) => ((k % 3) - 1) * 0.35 + 0.15)));
        process.stdout.write(`${id}: ${images.length} pages\n`);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    process.stderr.write(`fixtures-pdf: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
