// Corrections layer: guards, overlaps, offsets both ways, and lossless revert on the five seeds with their curated
// corrections (the seeds are why this module exists: OCR slips, a mislabelled point, stamps, page-break splits).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  findOccurrences,
  revertCorrections,
  toSourceOffset,
  toSourceSpan,
  type Correction,
  type Edit,
} from '../../src/lib/curated/corrections.ts';

const SEEDS = [
  'lang-son-08-2024-nq-hdnd',
  'son-la-2024-04-17-nq-hdnd',
  'thai-nguyen-linh-son-36-nq-hdnd-2025',
  'an-giang-an-phu-47-nq-hdnd-2024',
  'hai-phong-99-nq-hdnd-2024',
];

function seed(id: string): { raw: string; corrections: Correction[] } {
  const curated = JSON.parse(readFileSync(`data/curated/${id}.json`, 'utf8')) as { raw_file: string; corrections: Correction[] };
  return { raw: readFileSync(`data/raw/${curated.raw_file}`, 'utf8'), corrections: curated.corrections };
}

const fix = (id: string, before: string, after: string, count = 1): Correction => ({
  id, kind: 'ocr', before, after, count, reason: 'test',
});

/** Offsets of the corrected text that lie outside every replacement. */
function untouched(edits: Edit[], length: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < length; o++) if (!edits.some((e) => o >= e.newStart && o < e.newEnd)) out.push(o);
  return out;
}

describe('applyCorrections', () => {
  it('replaces every guarded occurrence and records the changed characters in both texts', () => {
    const r = applyCorrections('Üy ban A; Üy ban B', [fix('c1', 'Üy ban', 'Ủy ban', 2)]);
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('Ủy ban A; Ủy ban B');
    expect(r.edits.map((e) => [e.start, e.end, e.before, e.after, e.newStart, e.newEnd])).toEqual([
      [0, 1, 'Ü', 'Ủ', 0, 1],
      [10, 11, 'Ü', 'Ủ', 10, 11],
    ]);
  });

  it('shifts later offsets after a deletion', () => {
    const r = applyCorrections('ab STAMP cd STAMP', [fix('s', ' STAMP', '', 2)]);
    expect(r.text).toBe('ab cd');
    expect(r.edits).toEqual([
      { correction_id: 's', start: 2, end: 8, before: ' STAMP', after: '', newStart: 2, newEnd: 2 },
      { correction_id: 's', start: 11, end: 17, before: ' STAMP', after: '', newStart: 5, newEnd: 5 },
    ]);
  });

  it('fails loudly, without throwing, when the guard count does not match', () => {
    const r = applyCorrections('Noi nhận: Noi nhận:', [fix('c3', 'Noi nhận:', 'Nơi nhận:', 1), fix('c4', 'DÉN', '', 1)]);
    expect(r.text).toBe('Noi nhận: Noi nhận:');
    expect(r.edits).toEqual([]);
    expect(r.problems).toEqual([
      'correction c3: expected 1 occurrence of «Noi nhận:», found 2; hint: the source changed or the before text is wrong',
      'correction c4: expected 1 occurrence of «DÉN», found 0; hint: the source changed or the before text is wrong',
    ]);
  });

  it('reports overlapping corrections and applies only the first', () => {
    const r = applyCorrections('Ủy ban Mật trận Tổ quốc', [fix('a', 'Mật trận', 'Mặt trận'), fix('b', 'trận Tổ', 'trận  Tổ')]);
    expect(r.text).toBe('Ủy ban Mặt trận Tổ quốc');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^correction b: overlaps correction a/);
  });

  it('reports malformed corrections and duplicate ids', () => {
    const bad = [
      fix('c1', '', 'x'),
      { ...fix('c2', 'a', 'b'), kind: 'typo' as Correction['kind'] },
      fix('c3', 'a', 'b', 0),
      fix('c4', 'x', 'y'),
      fix('c4', 'z', 'w'),
      { ...fix('c5', 'q', 'r'), reason: ' ' },
    ];
    const r = applyCorrections('x z q', bad);
    expect(r.text).toBe('y z q');
    expect(r.problems.join('\n')).toMatch(/c1: before is empty/);
    expect(r.problems.join('\n')).toMatch(/c2: kind «typo»/);
    expect(r.problems.join('\n')).toMatch(/c3: count must be a whole number/);
    expect(r.problems.join('\n')).toMatch(/c4: duplicate id/);
    expect(r.problems.join('\n')).toMatch(/c5: reason is empty/);
  });

  it('never splits a surrogate pair when trimming the context', () => {
    const r = applyCorrections('a😀b', [fix('e', 'a😀b', 'a😁b')]);
    expect(r.edits.map((e) => [e.start, e.end, e.before, e.after])).toEqual([[1, 3, '😀', '😁']]);
  });

  it('counts non-overlapping occurrences', () => {
    expect(findOccurrences('aaaa', 'aa')).toEqual([0, 2]);
    expect(findOccurrences('abc', '')).toEqual([]);
  });
});

describe('toSourceOffset and revertCorrections', () => {
  const text = 'Ký. Ph\n\nABC nhận. Kiên toàn.';
  const r = applyCorrections(text, [fix('p', 'Ký. Ph', 'Ký.'), fix('k', 'Kiên toàn', 'Kiện toàn'), fix('n', 'ABC', 'WXYZ')]);
  const edit = (id: string) => r.edits.find((e) => e.correction_id === id)!;

  it('keeps quoted context out of the edits', () => {
    expect(r.text).toBe('Ký.\n\nWXYZ nhận. Kiện toàn.');
    expect(edit('p')).toMatchObject({ start: 3, end: 6, before: ' Ph', after: '', newStart: 3, newEnd: 3 });
    expect(edit('k')).toMatchObject({ before: 'ê', after: 'ệ' });
  });

  it('maps offsets outside edits exactly, and dropped text by bias', () => {
    expect(toSourceOffset(r.edits, 0)).toBe(0);
    expect(toSourceOffset(r.edits, 3, 'start')).toBe(3);
    expect(toSourceOffset(r.edits, 3, 'end')).toBe(6);
    expect(toSourceOffset(r.edits, 3)).toBe(6);
    expect(text[toSourceOffset(r.edits, 4)]).toBe('\n');
  });

  it('maps inside a replacement position by position, clamped to its end', () => {
    const n = edit('n');
    expect([n.start, n.end, n.newStart, n.newEnd]).toEqual([8, 11, 5, 9]);
    expect(toSourceOffset(r.edits, 5)).toBe(8);
    expect(toSourceOffset(r.edits, 7)).toBe(10);
    expect(toSourceOffset(r.edits, 8)).toBe(11);
    expect(toSourceOffset(r.edits, 9)).toBe(11);
    expect(toSourceOffset(r.edits, r.text.length)).toBe(text.length);
  });

  it('maps spans so that dropped text at either edge stays outside', () => {
    // "Ký." ends where " Ph" was dropped; "\n\nNơi…" starts there
    expect(toSourceSpan(r.edits, 0, 3)).toEqual({ start: 0, end: 3 });
    expect(toSourceSpan(r.edits, 3, 5)).toEqual({ start: 6, end: 8 });
    expect(toSourceSpan(r.edits, 3, 3)).toEqual({ start: 6, end: 6 });
  });

  it('rebuilds the original exactly', () => {
    expect(revertCorrections(r.text, r.edits)).toBe(text);
  });

  it('reverts random corrections of random texts (property)', () => {
    let s = 12345;
    const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31) % n);
    const alphabet = 'ab Ủđ\n.';
    for (let round = 0; round < 200; round++) {
      const t = Array.from({ length: 5 + rand(60) }, () => alphabet[rand(alphabet.length)]).join('');
      const cs: Correction[] = [];
      for (let k = 0; k < 3; k++) {
        const start = rand(t.length);
        const before = t.slice(start, start + 1 + rand(4));
        if (before === '') continue;
        cs.push(fix(`c${k}`, before, rand(3) === 0 ? '' : `<${k}>`, findOccurrences(t, before).length));
      }
      const out = applyCorrections(t, cs);
      expect(revertCorrections(out.text, out.edits)).toBe(t);
      for (const o of untouched(out.edits, out.text.length)) expect(t[toSourceOffset(out.edits, o)]).toBe(out.text[o]);
    }
  });
});

describe('the five seeds with their curated corrections', () => {
  it.each(SEEDS)('%s: applies cleanly, reverts exactly, and maps every untouched offset', (id) => {
    const { raw, corrections } = seed(id);
    const out = applyCorrections(raw, corrections);
    expect(out.problems).toEqual([]);
    expect(out.edits).toHaveLength(corrections.reduce((n, c) => n + c.count, 0));
    expect(revertCorrections(out.text, out.edits)).toBe(raw);
    for (const e of out.edits) expect(raw.slice(e.start, e.end)).toBe(e.before);
    for (const e of out.edits) expect(out.text.slice(e.newStart, e.newEnd)).toBe(e.after);
    for (const o of untouched(out.edits, out.text.length)) expect(raw[toSourceOffset(out.edits, o)]).toBe(out.text[o]);
  });

  it('Sơn La: OCR and the HĐND/UBND misreading are fixed', () => {
    const { raw, corrections } = seed('son-la-2024-04-17-nq-hdnd');
    const t = applyCorrections(raw, corrections).text;
    expect(t).not.toMatch(/Üy|Noi nhận/);
    expect(t).toContain('- Thường trực HĐND, các Ban của HĐND, các Tổ đại biểu HĐND và đại biểu HĐND tỉnh giám sát');
    expect(t).toContain('Đại biểu HĐND tỉnh;');
    // deliberately left: ambiguous recipients lines
    expect(t).toContain('- Thường trực UBND, UBND các xã, phường, thị trấn;');
  });

  it('An Phú: stamp table and stray "Ph" gone, points of Điều 1 khoản 3 run a–h with đ, struck text kept', () => {
    const { raw, corrections } = seed('an-giang-an-phu-47-nq-hdnd-2024');
    const out = applyCorrections(raw, corrections);
    const t = out.text;
    expect(t).not.toMatch(/DÉN|Lưu HS số|UBND HUYỆN AN PHÚ| Ph\n|Mật trận|Kiên toàn|Công Thông tin/);
    expect(t).toContain('KỲ HỌP THỨ 13**\n\nCăn cứ Luật Tổ chức chính quyền địa phương');
    expect(t).toContain('có hiệu lực từ ngày ký.\n\nNơi nhận:');
    const k3 = t.slice(t.indexOf('\n3. Nâng cao trách nhiệm'), t.indexOf('\n4. Kịp thời biểu dương'));
    expect([...k3.matchAll(/\n([a-zđ])\) /gu)].map((m) => m[1])).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h']);
    expect(t).toContain('~~tạo điều kiện, cử cán bộ');
    const stamp = out.edits.find((e) => e.correction_id === 'c1')!;
    expect(raw.slice(stamp.start, stamp.start + 17)).toBe('UBND HUYỆN AN PHÚ');
    expect(toSourceOffset(out.edits, stamp.newStart, 'end')).toBe(raw.indexOf('Căn cứ Luật Tổ chức'));
    const effect = t.indexOf('và có hiệu lực từ ngày ký.');
    const span = toSourceSpan(out.edits, effect, effect + 'và có hiệu lực từ ngày ký.'.length);
    expect(raw.slice(span.start, span.end)).toBe('và có hiệu lực từ ngày ký.');
  });

  it('Hải Phòng: the seal fragment after the signature is dropped and the portal is "Cổng"', () => {
    const { raw, corrections } = seed('hai-phong-99-nq-hdnd-2024');
    const t = applyCorrections(raw, corrections).text;
    expect(t.endsWith('**Phạm Văn Lập**')).toBe(true);
    expect(t).toContain('trên Cổng/Trang thông tin điện tử');
    expect(t).toContain('tạo sự hài lòng của tổ chức, doanh nghiệp');
  });

  it('Lạng Sơn and Linh Sơn: only page-break joins; possible typos are kept', () => {
    const ls = seed('lang-son-08-2024-nq-hdnd');
    expect(ls.corrections.every((c) => c.kind === 'layout')).toBe(true);
    const t = applyCorrections(ls.raw, ls.corrections).text;
    expect(t).toContain('xã hội; sự phối hợp chặt chẽ');
    expect(t).toContain('quan liêu, những nhiều');
    const lsn = seed('thai-nguyen-linh-son-36-nq-hdnd-2025');
    expect(applyCorrections(lsn.raw, lsn.corrections).text).toContain('các nội quy, quy chế hoạt động');
  });
});
