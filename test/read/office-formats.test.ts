/**
 * The office formats against the sources they were made from (test/fixtures/formats, see README-office.md): every
 * .doc, portal page, TCVN3 and VNI copy of the five full sources reads back to the source's text and is analysed
 * the same (both without curated corrections). Only these fields may differ, each for a stated reason:
 * - provisions' start/end: offsets into the read text, which differs in white space and, for a portal page, by the
 *   catalogue block placed before the text;
 * - for TCVN3, the case of capitals with a tone mark (Ủ, Ứ, Ở …): TCVN3 has no bytes for them, so the case of the
 *   few that neither open a sentence nor sit in an all-capital line is lost (mid-sentence "Ủy viên" → "ủy viên").
 */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { readInput } from '../../src/lib/read/input.ts';
import type { InputResult } from '../../src/lib/read/result.ts';
import { toAnalyzeJson } from '../../src/lib/analyze/report.ts';
import { fullSources, tcvn3Source } from '../../scripts/fixtures-office.ts';
import { loadReference } from '../../src/node/reference.ts';
import { ROOT } from '../../src/node/paths.ts';

const DIR = `${ROOT}test/fixtures/formats/`;
const reference = loadReference();
const sources = fullSources();

const docx = async (b: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value;
async function read(file: string): Promise<Extract<InputResult, { ok: true }>> {
  const r = await readInput(new Uint8Array(readFileSync(DIR + file)), file, docx);
  if (!r.ok) throw new Error(`${file}: ${r.message}`);
  return r;
}

// The capitals TCVN3 cannot hold: every Vietnamese capital carrying a tone mark.
const TONED_CAPITALS = /[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/gu;
const foldToned = (s: string) => s.replace(TONED_CAPITALS, (c) => c.toLocaleLowerCase('vi'));

function analysed(text: string, fold = false) {
  const json = toAnalyzeJson(analyzeResolution(text, reference));
  const out = JSON.parse(JSON.stringify({ ...json, provisions: json.provisions.map(({ start: _s, end: _e, ...p }) => p) }));
  return fold ? JSON.parse(foldToned(JSON.stringify(out))) : out;
}
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the five full sources in each office format', () => {
  it('there are five full sources, each with its four fixtures', () => {
    expect(sources.map((s) => s.id)).toHaveLength(5);
  });

  describe.each(sources.map((s) => [s.id, s] as const))('%s', (id, source) => {
    const want = analysed(source.text);

    it('.doc (Word 97): the same text and the same analysis', async () => {
      const r = await read(`${id}.doc`);
      expect(r.kind).toBe('doc');
      expect(words(r.text)).toBe(words(source.text));
      expect(analysed(r.text)).toEqual(want);
    });

    it('.doc: the same text as word-extractor reads', async () => {
      const r = await read(`${id}.doc`);
      const theirs = (await new WordExtractor().extract(DIR + `${id}.doc`)).getBody();
      // word-extractor turns curly quotes and dashes into ASCII ones; this reader keeps them, as the source has them.
      const ascii = (t: string) => t.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').trimEnd();
      expect(ascii(r.text)).toBe(ascii(theirs.normalize('NFC')));
    });

    it.each(['portal.html', 'tvpl.html'])('portal page (%s): the document text without the site, its attribute table as the catalogue block', async (ext) => {
      const r = await read(`${id}.${ext}`);
      expect(r.kind).toBe('html');
      const lines = r.text.split('\n');
      const block = lines.slice(0, lines.indexOf(''));
      expect(block.every((l) => /^\| [^|]+ \| [^|]+ \|$/.test(l))).toBe(true);
      expect(block).toContain('| Loại văn bản | Nghị quyết |');
      if (source.meta.number) expect(block).toContain(`| Số hiệu | ${source.meta.number} |`);
      else expect(block.some((l) => l.startsWith('| Số hiệu'))).toBe(false);
      const text = lines.slice(block.length + 1).join('\n');
      expect(words(text)).toBe(words(source.text));
      expect(block.some((l) => /Đang cập nhật|Đã biết/.test(l))).toBe(false);
      for (const furniture of ['Văn bản liên quan', 'Điều 99', 'Điều 100', 'Tìm kiếm', 'Bản quyền', 'Trang chủ', 'Thuộc tính', 'Đăng nhập', 'Điều khoản sử dụng', 'Chịu trách nhiệm']) {
        expect(source.text.includes(furniture) || !r.text.includes(furniture), furniture).toBe(true);
      }
      expect(analysed(r.text)).toEqual(want);
    });

    it('VNI text: converted losslessly, the same analysis', async () => {
      const r = await read(`${id}.vni.txt`);
      expect(r).toMatchObject({ kind: 'text', legacy: 'vni' });
      expect(r.text).toBe(source.text);
      expect(analysed(r.text)).toEqual(want);
    });

    it('Windows-1258 text: decoded, the same text and analysis', async () => {
      const r = await read(`${id}.cp1258.txt`);
      expect(r).toMatchObject({ kind: 'text', legacy: 'windows-1258' });
      expect(r.text).toBe(source.text);
      expect(analysed(r.text)).toEqual(want);
    });

    it('TCVN3 text: converted, the same analysis up to the case TCVN3 cannot carry', async () => {
      const r = await read(`${id}.tcvn3.txt`);
      expect(r).toMatchObject({ kind: 'text', legacy: 'tcvn3' });
      const meant = tcvn3Source(source.text);
      expect(foldToned(r.text)).toBe(foldToned(meant));
      // The capitals lost are few: a handful of mid-sentence words.
      const lost = [...meant].filter((c, k) => c !== r.text[k]).length;
      expect(lost).toBeLessThanOrEqual(3);
      expect(analysed(r.text, true)).toEqual(analysed(meant, true));
    });
  });

  it('a Word document typed in a .VnTime font (.docx and .doc): converted, analysed like the Unicode document', async () => {
    const id = sources[0]!.id;
    const unicodeDocx = await read(`${id}.docx`);
    const legacyDocx = await read(`${id}.tcvn3.docx`);
    expect(legacyDocx).toMatchObject({ kind: 'docx', legacy: 'tcvn3' });
    expect(foldToned(legacyDocx.text)).toBe(foldToned(unicodeDocx.text));
    expect(analysed(legacyDocx.text, true)).toEqual(analysed(unicodeDocx.text, true));
    const legacyDoc = await read(`${id}.tcvn3.doc`);
    expect(legacyDoc).toMatchObject({ kind: 'doc', legacy: 'tcvn3' });
    expect(analysed(legacyDoc.text, true)).toEqual(analysed((await read(`${id}.doc`)).text, true));
  });
});
