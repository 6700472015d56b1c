/**
 * Habits of real 2025 texts the parser must read (issue 16), each on real text: the four 2025 openings added with
 * `npm run add` (Bắc Ninh 66/2025 with "•" catalogue rows, Đắk Lắk 04/2025 and Huế 13/2025 with rows printed
 * without a leading "|", Tây Ninh 102/2025 in the old template), and seed texts with one habit applied where no
 * copy of a 2025 text printing it is held here (the closing line without "này", a signer's name over two lines, a
 * legal basis without "số", a cross-reference wrapped to the start of a line). Each such case says what was changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeResolution, basesWindow } from '../../src/lib/analyze/analyze.ts';
import { parseLegalBasis } from '../../src/lib/parse/citations.ts';
import { parseResolution } from '../../src/lib/parse/parser.ts';
import { catalogueRow, readCatalogue } from '../../src/lib/read/catalogue.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { loadReference } from '../../src/node/reference.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const reference = loadReference();
const raw = (file: string) => normalizeText(readFileSync(new URL(`data/raw/${file}`, ROOT_URL), 'utf8'));
const CITIES = new Set(['ha noi', 'hai phong', 'ho chi minh', 'da nang', 'can tho', 'hue']);
const parse = (t: string) => parseResolution(t, { centrallyRunCities: CITIES });
const analyze = (t: string) => analyzeResolution(t, reference);

describe('catalogue rows in any decoration', () => {
  it('reads "•" bullets (Bắc Ninh 66/2025), rows without a leading "|" (Đắk Lắk 04/2025, Huế 13/2025), "| k | v |" and tabs', () => {
    expect(parse(raw('bac-ninh-66-2025-nq-hdnd.md')).metadata).toMatchObject({ effective_on: '2025-12-01', effective_source: 'catalogue' });
    expect(parse(raw('dak-lak-04-2025-nq-hdnd.md')).metadata).toMatchObject({ effective_on: '2025-09-25', signer: 'Cao Thị Hòa An', number: '04/2025/NQ-HĐND' });
    const hue = parse(raw('hue-13-2025-nq-hdnd.md')).metadata;
    expect(hue).toMatchObject({ effective_on: '2025-07-01', signer: 'Lê Trường Lưu' });
    // The rows are the catalogue's, not the title's: the title stops where the document's does.
    expect(hue.title).toBe('Quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn thành phố Huế');
    for (const line of ['| Ngày có hiệu lực | 25/09/2025 |', 'Ngày có hiệu lực | 25/09/2025 |', '  • Ngày có hiệu lực: 25/09/2025', '- Ngày có hiệu lực: 25/09/2025', 'Ngày có hiệu lực\t25/09/2025']) {
      expect(catalogueRow(line), line).toEqual(['Ngày có hiệu lực', '25/09/2025']);
    }
    expect(catalogueRow('Người ký quyết định phải chịu trách nhiệm')).toBeNull();
    expect(readCatalogue(['Người ký | Cao Thị Hòa An |', 'Lĩnh vực | Bộ máy hành chính |']).get('Người ký')).toBe('Cao Thị Hòa An');
  });
});

describe('the 2025 template', () => {
  it('reads the enactment sentence as the decision marker, wrapped or not, never as a legal basis (Đắk Lắk 04/2025)', () => {
    const text = raw('dak-lak-04-2025-nq-hdnd.md');
    const sentence = 'Hội đồng nhân dân ban hành Nghị quyết quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Đắk Lắk.';
    expect(text).toContain(sentence);
    const base = parse(text);
    for (const wrapped of [
      sentence.replace(' thực hiện dân chủ', '\nthực hiện dân chủ'),
      sentence.replace('Hội đồng nhân dân ban hành', 'Hội đồng nhân dân\nban hành'),
      sentence.replace(' Nghị quyết quyết định', ' Nghị quyết\nquyết định'),
    ]) {
      const r = parse(text.replace(sentence, wrapped));
      expect(r.legal_bases.map((b) => b.number), wrapped).toEqual(base.legal_bases.map((b) => b.number));
      expect(r.spans.some((s) => s.role === 'decision'), wrapped).toBe(true);
      expect(r.issues.map((i) => i.code), wrapped).not.toContain('no_decision_marker');
      expect(r.provisions.map((p) => p.id)).toEqual(['dieu-1', 'dieu-1.khoan-1']);
    }
  });
});

describe('closing, signature and bases (seed texts with one habit applied)', () => {
  const langSon = raw('lang-son-08-2024-nq-hdnd.txt');
  const closing = 'Nghị quyết này đã được Hội đồng nhân dân tỉnh Lạng Sơn khóa XVII';

  it('reads the closing line with or without "này" (Lạng Sơn 08/2024, "này" left out)', () => {
    expect(langSon).toContain(closing);
    for (const text of [langSon, langSon.replace(closing, closing.replace('Nghị quyết này', 'Nghị quyết'))]) {
      const m = parse(text).metadata;
      expect(m.adopted_on).toBe('2024-07-23');
      expect(m.complete).toBe(true);
    }
  });

  it('reads a signer\'s bold name printed over two lines as one name (Lạng Sơn 08/2024, "**Đoàn Thị**\\n**Hậu**")', () => {
    expect(langSon).toContain('**Đoàn Thị Hậu**');
    expect(parse(langSon.replace('**Đoàn Thị Hậu**', '**Đoàn Thị**\n**Hậu**')).metadata.signer).toBe('Đoàn Thị Hậu');
    expect(parse(langSon.replace('**Đoàn Thị Hậu**', 'Đoàn Thị\nHậu')).metadata.signer).toBe('Đoàn Thị Hậu');
  });

  it('reads a basis cited without "số" (Đắk Lắk 04/2025\'s decree basis; a joint circular of the dev set\'s sources)', () => {
    const [nd] = parseLegalBasis('Căn cứ Nghị định 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;');
    expect(nd).toMatchObject({ kind: 'nghi-dinh', number: '59/2023/NĐ-CP', date: '2023-08-14' });
    const [tt] = parseLegalBasis('Căn cứ Thông tư liên tịch 47/2009/TTLT-BTC-BLĐTBXH ngày 11 tháng 3 năm 2009 của Bộ Tài chính;');
    expect(tt).toMatchObject({ kind: 'thong-tu', number: '47/2009/TTLT-BTC-BLĐTBXH' });
  });

  it('keeps a cross-reference wrapped to the start of a line in its sentence (Hải Phòng 99/2024 1.2.e citing "Điều 1.")', () => {
    const hp = raw('hai-phong-99-nq-hdnd-2024.txt');
    const line = 'e) Thực hiện đầy đủ các nguyên tắc khác theo quy định tại Điều 3 Luật Thực hiện dân chủ ở cơ sở.';
    expect(hp).toContain(line);
    const base = parse(hp).provisions.map((p) => p.id);
    const wrapped = parse(hp.replace(line, 'e) Thực hiện đầy đủ các nguyên tắc khác theo quy định tại\nĐiều 1. Nghị quyết này và Luật Thực hiện dân chủ ở cơ sở.'));
    expect(wrapped.provisions.map((p) => p.id)).toEqual(base);
    expect(wrapped.provisions.find((p) => p.id === 'dieu-1.khoan-2.diem-e')?.text).toContain('tại Điều 1. Nghị quyết này');
  });
});

describe('an act without a date', () => {
  it('takes its unit from the window its legal bases give, not the post-merger unit (TP. Hồ Chí Minh, khóa X kỳ họp 20)', () => {
    const a = analyze(raw('ho-chi-minh-khoa-x-ky-hop-20-nq-hdnd.md'));
    expect(a.metadata.signed_on).toBeNull();
    // It cites Nghị định 84/2024 (10/7/2024) and Luật 77/2015, in force until 28/2/2025: before the 2025 merger.
    expect(basesWindow(a.legal_bases.map((b) => ({ ...b, text: b.citation })), reference.register)).toEqual({ from: '2024-07-10', until: '2025-02-28' });
    expect(a.metadata.jurisdiction_id).toBe('thanh-pho-ho-chi-minh');
    expect(a.metadata.province_after_2025).toBe('Hồ Chí Minh');
  });
});
