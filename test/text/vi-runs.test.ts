/**
 * Vietnamese inside English text, as the English pages are marked after the build: names keep their unmarked
 * syllables, quotes and passages are Vietnamese whole, English words around names stay English; and the page
 * marker wraps text in the body only, never script or style, with <tspan> in SVG and lang on text-only elements.
 */
import { describe, expect, it } from 'vitest';
import { hasVietnamese, vietnamesePieces } from '../../src/lib/text/vi-runs.ts';
import { markPage } from '../../src/node/mark-lang.ts';

const show = (s: string) => vietnamesePieces(s).map((p) => (p.vi ? `[${p.text}]` : p.text)).join('');

describe('vietnamesePieces', () => {
  it('marks names with their unmarked syllables, and leaves the English words around them', () => {
    expect(show('Lạng Sơn province, 08/2024/NQ-HĐND')).toBe('[Lạng Sơn] province, 08/2024/[NQ-HĐND]');
    expect(show('Hồ Chí Minh city, term X, session 20')).toBe('[Hồ Chí Minh] city, term X, session 20');
    expect(show('Ninh Bình province')).toBe('[Ninh Bình] province');
    expect(show('Hải Phòng city, Lạng Sơn province')).toBe('[Hải Phòng] city, [Lạng Sơn] province');
    expect(show('Decree 59/2023/NĐ-CP, 14 Aug 2023')).toBe('Decree 59/2023/[NĐ-CP], 14 Aug 2023');
  });

  it('marks a quotation or a Vietnamese passage whole', () => {
    expect(show('Text matched rule X2.ban: “Ban Thanh tra nhân dân; Ban Giám sát đầu tư” — reviewed')).toBe('Text matched rule X2.ban: “[Ban Thanh tra nhân dân; Ban Giám sát đầu tư]” — reviewed');
    expect(show('100% cơ quan, đơn vị, địa phương bổ sung tiêu chí')).toBe('100% [cơ quan, đơn vị, địa phương bổ sung tiêu chí]');
  });

  it('keeps every character, and leaves English alone', () => {
    for (const s of ['Grassroots democracy', 'café society', 'Lạng Sơn &amp; Hà Nội', '']) expect(vietnamesePieces(s).map((p) => p.text).join('')).toBe(s);
    expect(vietnamesePieces('Compare resolutions')).toEqual([{ text: 'Compare resolutions', vi: false }]);
    expect(hasVietnamese('Sơn La')).toBe(true);
    expect(hasVietnamese('café')).toBe(false);
  });
});

describe('markPage', () => {
  it('wraps body text only, skips lang="vi" and scripts, uses tspan in SVG and lang on options', () => {
    const html = '<!doctype html><html lang="en"><head><title>Lạng Sơn</title><style>a{}</style></head><body><p>Lạng Sơn province &amp; <b lang="vi">Hà Nội</b></p><select><option value="x">Hải Phòng</option></select><svg><text>Sơn La</text></svg><script>var x="Hồ Sơn";</script><br/><img alt="x"></body></html>';
    expect(markPage(html)).toEqual({
      marked: 3,
      html: '<!doctype html><html lang="en"><head><title>Lạng Sơn</title><style>a{}</style></head><body><p><span lang="vi">Lạng Sơn</span> province &amp; <b lang="vi">Hà Nội</b></p><select><option value="x" lang="vi">Hải Phòng</option></select><svg><text><tspan lang="vi">Sơn La</tspan></text></svg><script>var x="Hồ Sơn";</script><br/><img alt="x"></body></html>',
    });
    expect(markPage('<html lang="en"><body><p>Compare</p></body></html>').marked).toBe(0);
  });
});
