/**
 * Tesseract's TSV → positioned lines for pdf-text.ts: words of one line become one run, the header table's two
 * columns (same baseline, far apart) stay two runs, the page size comes from the page row. (The OCR itself, on a
 * real scanned fixture, is exercised through the command line in test/scripts/cli.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { pagesToText } from '../../src/lib/read/pdf-layout.ts';
import { tsvToPage } from '../../scripts/lib/ocr.ts';

const header = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (block: number, line: number, n: number, left: number, top: number, width: number, text: string) => `5\t1\t${block}\t1\t${line}\t${n}\t${left}\t${top}\t${width}\t40\t96\t${text}`;

describe('tsvToPage', () => {
  it('joins the words of a line and keeps far-apart columns apart', () => {
    const tsv = [header, '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      word(1, 1, 1, 200, 200, 100, 'HỘI'), word(1, 1, 2, 310, 200, 120, 'ĐỒNG'), word(1, 1, 3, 440, 200, 120, 'NHÂN'), word(1, 1, 4, 570, 200, 90, 'DÂN'),
      word(2, 1, 1, 800, 200, 130, 'CỘNG'), word(2, 1, 2, 940, 200, 90, 'HÒA'),
      word(1, 2, 1, 260, 260, 50, 'Số:'), word(1, 2, 2, 320, 260, 220, '47/NQ-HĐND'),
      word(2, 2, 1, 820, 262, 60, 'Độc'), word(2, 2, 2, 890, 262, 60, 'lập'),
      word(3, 1, 1, 700, 400, 250, 'NGHỊ'), word(3, 1, 2, 960, 400, 250, 'QUYẾT'),
    ].join('\n');
    const page = tsvToPage(tsv);
    expect(page).toMatchObject({ width: 1654, height: 2339 });
    expect(page.items.map((i) => i.str)).toEqual(['HỘI ĐỒNG NHÂN DÂN', 'CỘNG HÒA', 'Số: 47/NQ-HĐND', 'Độc lập', 'NGHỊ QUYẾT']);
    expect(pagesToText([page]).split('\n').filter(Boolean)).toEqual(['HỘI ĐỒNG NHÂN DÂN', 'Số: 47/NQ-HĐND', 'CỘNG HÒA', 'Độc lập', 'NGHỊ QUYẾT']);
  });

  it('an empty or malformed TSV gives an empty page, not an exception', () => {
    expect(tsvToPage('').items).toEqual([]);
    expect(tsvToPage(`${header}\nnot\ta\trow`).items).toEqual([]);
  });
});
