/**
 * Reading PDFs: each of the five full sources, printed to a text PDF by scripts/fixtures-pdf.ts, is read back by
 * pdf.js and pdf-text.ts and analysed exactly as its .txt source (see analysis-diff.ts for the two things set aside
 * and why); its scanned twin is recognised as a scan; damaged, truncated, fake and password-protected PDFs get a
 * coded one-line refusal. The layout rules of pdf-text.ts are also pinned on small hand-placed pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { analysisDiff } from '../../scripts/lib/analysis-diff.ts';
import { characterErrorRate } from '../../scripts/lib/edit-distance.ts';
import { readInput } from '../../src/lib/read/input.ts';
import type { PdfJs } from '../../src/lib/read/pdf-pages.ts';
import { MAX_PDF_PAGES } from '../../src/lib/read/budget.ts';
import { pagesToText, type PageItem, type PageText } from '../../src/lib/read/pdf-layout.ts';
import { loadReference } from '../../src/node/reference.ts';
import { FULL_SEEDS } from '../../scripts/fixtures-pdf.ts';
import { ROOT } from '../../src/node/paths.ts';

const load = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
const reference = loadReference();
const bytes = (p: string) => new Uint8Array(readFileSync(`${ROOT}${p}`));

describe('text PDFs of the five full sources', () => {
  it.each(FULL_SEEDS)('%s: same analysis as the .txt, same reading text', async (id) => {
    const r = await readInput(bytes(`test/fixtures/formats/${id}.pdf`), `${id}.pdf`, undefined, load);
    expect(r.ok && r.kind).toBe('pdf');
    if (!r.ok) return;
    const source = readFileSync(`${ROOT}data/raw/${id}.txt`, 'utf8');
    expect(analysisDiff(analyzeResolution(r.text, reference), analyzeResolution(source, reference))).toEqual([]);
    expect(characterErrorRate(r.text, source)).toBeLessThan(0.002);
    // The running header and the page numbers are furniture, not text.
    expect(r.text).not.toMatch(/^Nghị quyết số \d+\/|^\d+$/m);
  });

  it('the header table is read column by column, as the source has it', async () => {
    const r = await readInput(bytes('test/fixtures/formats/an-giang-an-phu-47-nq-hdnd-2024.pdf'), 'x.pdf', undefined, load);
    expect(r.ok && r.text.split('\n').slice(0, 7)).toEqual([
      'HỘI ĐỒNG NHÂN DÂN', 'HUYỆN AN PHÚ', '', 'Số: 47/NQ-HĐND', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc',
    ]);
  });

  it('a scanned PDF is recognised as a scan, with a coded message', async () => {
    const r = await readInput(bytes('test/fixtures/formats/son-la-2024-04-17-nq-hdnd.scanned.pdf'), 'scan.pdf', undefined, load);
    expect(r).toMatchObject({ ok: false, code: 'scanned_pdf' });
    expect(!r.ok && r.message).toMatch(/no text layer \(4 pages/);
  });
});

describe('bad PDFs: a coded refusal, never an exception', () => {
  const full = bytes('test/fixtures/formats/son-la-2024-04-17-nq-hdnd.pdf');
  const encrypted = new TextEncoder().encode([
    '%PDF-1.4', '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj', '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `4 0 obj << /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >> endobj`,
    `trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>`, '%%EOF', '',
  ].join('\n'));
  const cases: [string, Uint8Array, string][] = [
    ['truncated to half', full.slice(0, full.length / 2), 'corrupt_pdf'],
    ['only its first 2 kB', full.slice(0, 2000), 'corrupt_pdf'],
    ['a header and nothing else', new TextEncoder().encode('%PDF-1.7\nhello'), 'corrupt_pdf'],
    ['text named .pdf', new TextEncoder().encode('Nghị quyết'), 'corrupt_pdf'],
    ['password-protected', encrypted, 'encrypted_pdf'],
  ];
  it.each(cases)('%s', async (_name, b, code) => {
    const r = await readInput(b, 'bad.pdf', undefined, load);
    expect(r).toMatchObject({ ok: false, code });
    expect(!r.ok && r.message).not.toContain('\n');
  });

  it('more pages than MAX_PDF_PAGES: refused before any page is read', async () => {
    const n = MAX_PDF_PAGES + 1;
    const objs = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: n }, (_, k) => `${k + 3} 0 R`).join(' ')}] /Count ${n} >>`,
      ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')];
    let pdf = '%PDF-1.4\n';
    const offsets = objs.map((o, k) => {
      const at = pdf.length;
      pdf += `${k + 1} 0 obj ${o} endobj\n`;
      return at;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${n + 3}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer << /Size ${n + 3} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const r = await readInput(new TextEncoder().encode(pdf), 'many.pdf', undefined, load);
    expect(r).toMatchObject({ ok: false, code: 'too_many_pages' });
    expect(!r.ok && r.message).toContain(`${n} pages; the limit is ${MAX_PDF_PAGES}`);
  });

  it('never throws on random bytes behind a PDF header', async () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 30; k++) {
      const b = Uint8Array.from({ length: 20 + Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256));
      b.set(new TextEncoder().encode('%PDF-1.4\n'));
      // Some of them keep a real trailer so pdf.js goes further before it fails.
      const r = await readInput(k % 2 ? b : new Uint8Array([...b, ...full.subarray(full.length - 400)]), 'x.pdf', undefined, load);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    }
  });

  it('without a PDF reader (no loader passed) a PDF is refused, not misread as text', async () => {
    expect(await readInput(full, 'x.pdf')).toMatchObject({ ok: false, code: 'unsupported' });
    expect(await readInput(full, 'no-extension')).toMatchObject({ ok: false, code: 'unsupported' });
  });
});

describe('pagesToText layout rules', () => {
  // A4 in points; body from x = 85 to 538, 13 pt type, 18 pt between lines.
  const item = (str: string, x: number, y: number, width: number, size = 13): PageItem => ({ str, x, y, width, size });
  const page = (items: PageItem[]): PageText => ({ width: 595, height: 842, items });
  const body = (lines: [string, number, number][], y0 = 200) => lines.map(([s, x, w], k) => item(s, x, y0 + 18 * k, w));

  it('joins a full justified line with the next, keeps the break after a short one and before an element', () => {
    const text = pagesToText([page(body([
      ['Điều 1. Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa', 113, 425],
      ['bàn tỉnh, như sau:', 85, 120],
      ['1. Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm', 113, 425],
      ['vụ tổ chức thực hiện pháp luật;', 85, 200],
      ['Căn cứ Luật Tổ chức chính quyền địa phương.', 85, 300],
    ]))]);
    expect(text).toBe('Điều 1. Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh, như sau:\n1. Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật;\nCăn cứ Luật Tổ chức chính quyền địa phương.\n');
  });

  it('undoes a hyphen at a wrap, and a wider gap becomes a blank line', () => {
    const items = [...body([['Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật; nâng cao nhận-', 85, 453], ['thức cộng đồng.', 85, 100], ['Nghiêm cấm các hành vi xâm phạm.', 113, 200]])];
    items[2] = { ...items[2]!, y: (items[2]?.y ?? 0) + 12 };
    expect(pagesToText([page(items)])).toBe('Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật; nâng cao nhậnthức cộng đồng.\n\nNghiêm cấm các hành vi xâm phạm.\n');
  });

  it('drops a running header repeated on most pages and lone page numbers, joins a sentence across pages', () => {
    const furniture = (n: number) => [item('Nghị quyết số 47/NQ-HĐND', 431, 23, 107, 9), item(String(n), 310, 824, 5, 10)];
    const p1 = page([...furniture(1), ...body([['Các cơ quan, đơn vị, địa phương chủ động xây dựng và triển khai kế hoạch, chương trình', 85, 453]], 700)]);
    const p2 = page([...furniture(2), ...body([['phổ biến, giáo dục pháp luật.', 85, 150]], 76)]);
    const p3 = page([...furniture(3), ...body([['Điều 2. Tổ chức thực hiện', 113, 150]], 76)]);
    expect(pagesToText([p1, p2, p3])).toBe('Các cơ quan, đơn vị, địa phương chủ động xây dựng và triển khai kế hoạch, chương trình phổ biến, giáo dục pháp luật.\n\nĐiều 2. Tổ chức thực hiện\n');
  });

  it('reads a header table left column first, even when both columns share baselines', () => {
    const text = pagesToText([page([
      item('HỘI ĐỒNG NHÂN DÂN', 102, 75, 137), item('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 268, 75, 259),
      item('TỈNH SƠN LA', 130, 92, 80), item('Độc lập - Tự do - Hạnh phúc', 317, 92, 161),
      item('Số: 30/NQ-HĐND', 121, 115, 120), item('Sơn La, ngày 17 tháng 4 năm 2024', 305, 115, 184),
      item('NGHỊ QUYẾT', 268, 160, 86),
    ])]);
    expect(text.split('\n')).toEqual(['HỘI ĐỒNG NHÂN DÂN', 'TỈNH SƠN LA', '', 'Số: 30/NQ-HĐND', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', 'Sơn La, ngày 17 tháng 4 năm 2024', '', 'NGHỊ QUYẾT', '']);
  });

  it('pages with no text give no text', () => {
    expect(pagesToText([page([]), page([item('   ', 85, 100, 10)])])).toBe('');
  });
});
