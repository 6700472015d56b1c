/**
 * OCR post-correction of letter case: the errors are those Tesseract 5 (vie) made on this project's scanned
 * fixtures (see bench/results-formats.json); what must not change is the capitals Vietnamese spelling and the
 * resolutions' headings and abbreviations really have.
 */
import { describe, expect, it } from 'vitest';
import { fixOcrCase } from '../../src/lib/read/ocr-case.ts';

describe('fixOcrCase', () => {
  it.each([
    ['thực hiện dân chủ Ở cƠ sỞ;', 'thực hiện dân chủ ở cơ sở;'],
    ['thực hiện dân chủ Ở\ncơ sở', 'thực hiện dân chủ ở\ncơ sở'],
    ['đặc biệt là giỮa cơ quan Tư pháp', 'đặc biệt là giữa cơ quan Tư pháp'],
    ['Xét TỜ trình số 33/TTr-UBND', 'Xét Tờ trình số 33/TTr-UBND'],
  ])('%s → %s', (ocr, want) => {
    expect(fixOcrCase(ocr)).toBe(want);
  });

  it.each([
    'HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA', 'KHOÁ XV, KỲ HỌP CHUYÊN ĐỀ THỨ MƯỜI CHÍN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Ủy ban nhân dân tỉnh', 'Số: 47/NQ-HĐND', 'Quyết định số 346/QĐ-TTg', 'cơ sở. Ở đây', 'Điều 1. Ứng dụng công nghệ',
  ])('leaves real capitals alone: %s', (text) => {
    expect(fixOcrCase(text)).toBe(text);
  });

  it('is idempotent and gives NFC for NFD input', () => {
    const t = 'dân chủ Ở cƠ sỞ'.normalize('NFD');
    expect(fixOcrCase(t)).toBe('dân chủ ở cơ sở');
    expect(fixOcrCase(fixOcrCase(t))).toBe(fixOcrCase(t));
  });
});
