/**
 * The compare page's model on the real published rows (built in memory as `npm run data` builds them): the picker
 * finds resolutions typed without diacritics, the URL round-trips, every shared passage is found in both provisions
 * it links, cells say 'unknown' for openings and 'not-found' only for full texts, and marks cut texts losslessly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables } from '../../scripts/lib/tables.ts';
import { tableOf } from '../../src/lib/publish/schema.ts';
import { tokenize } from '../../src/lib/text/tokens.ts';
import {
  ACTORS, cellOf, compareIndex, COMPARE_ROWS, defaultIds, filterIndex, idsQuery, locatePassage, markSegments, parseIds,
  resolutionLabel, siteResolution, words, type CompareTables, type IndexEntry, type SharedSpan,
} from '../../src/lib/views/compare.ts';

let t: CompareTables;
let index: IndexEntry[];
beforeAll(() => {
  t = buildTables().tables;
  index = compareIndex(t.resolutions);
}, 120_000);

describe('picker', () => {
  it('indexes every resolution, in order of place names, with labels in both languages', () => {
    expect(index.map((e) => e.id).sort()).toEqual(t.resolutions.map((r) => r.id).sort());
    expect(index[0]?.id).toBe('an-giang-an-phu-47-nq-hdnd-2024');
    const ls = index.find((e) => e.id === 'lang-son-08-2024-nq-hdnd');
    expect(ls?.label_vi).toBe('tỉnh Lạng Sơn, 08/2024/NQ-HĐND');
    expect(ls?.label_en).toBe('Lạng Sơn province, 08/2024/NQ-HĐND');
    expect(index.find((e) => e.id === 'an-giang-an-phu-47-nq-hdnd-2024')?.label_vi).toBe('huyện An Phú (An Giang), 47/NQ-HĐND');
  });

  it('tells the two Hồ Chí Minh resolutions apart', () => {
    const hcm = index.filter((e) => e.id.startsWith('ho-chi-minh'));
    expect(new Set(hcm.map((e) => e.label_vi)).size).toBe(2);
    expect(hcm.map((e) => e.label_vi)).toContain('thành phố Hồ Chí Minh, khóa X, kỳ họp 20');
  });

  it.each([
    ['lang son', 'lang-son-08-2024-nq-hdnd'],
    ['hai phong', 'hai-phong-99-nq-hdnd-2024'],
    ['son la', 'son-la-2024-04-17-nq-hdnd'],
    ['an phu', 'an-giang-an-phu-47-nq-hdnd-2024'],
    ['LẠNG SƠN', 'lang-son-08-2024-nq-hdnd'],
    ['La\u0323ng So\u031Bn', 'lang-son-08-2024-nq-hdnd'],
    ['ward', 'thai-nguyen-linh-son-36-nq-hdnd-2025'],
  ])('"%s" finds %s first', (q, id) => {
    expect(filterIndex(index, q)[0]?.id).toBe(id);
  });

  it('does not match across fields, and an empty query lists everything', () => {
    expect(filterIndex(index, 'son la').map((e) => e.id)).toEqual(['son-la-2024-04-17-nq-hdnd']);
    expect(filterIndex(index, 'zzz')).toEqual([]);
    expect(filterIndex(index, '  ')).toHaveLength(index.length);
  });

  it('reads and writes ?ids= with known ids only, no duplicates, at most five', () => {
    const known = new Set(index.map((e) => e.id));
    const ids = index.slice(0, 7).map((e) => e.id);
    expect(parseIds(`?ids=${ids[0]},nope,${ids[0]},${ids[1]}`, known)).toEqual([ids[0], ids[1]]);
    expect(parseIds(`?ids=${ids.join(',')}`, known)).toHaveLength(5);
    expect(parseIds('', known)).toEqual([]);
    expect(idsQuery(['a-b', 'c'])).toBe('?ids=a-b,c');
    expect(parseIds(idsQuery(ids.slice(0, 3)), known)).toEqual(ids.slice(0, 3));
    expect(idsQuery([])).toBe('');
  });

  it('the default example is three full texts', () => {
    const ids = defaultIds(index);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(t.resolutions.find((r) => r.id === id)?.completeness).toBe('full');
  });
});

describe('resolution records', () => {
  it('groups provisions by code as the provisions table does', () => {
    const ls = siteResolution('lang-son-08-2024-nq-hdnd', t);
    for (const code of ['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2'] as const) {
      const n = t.provisions.filter((p) => p.resolution_id === ls.id && p.measures.includes(code)).length;
      expect(ls.provisions[code]).toHaveLength(n);
    }
    expect(ls.provisions.M1).toHaveLength(5);
    expect(ls.provisions.M1[0]?.ref_vi).toMatch(/^Điều \d+/);
    expect(ls.objectives).toHaveLength(t.objectives.filter((o) => o.resolution_id === ls.id).length);
  });

  it('locates every shared passage in both of its provisions', () => {
    let spans = 0;
    for (const r of t.resolutions) {
      const rec = siteResolution(r.id, t);
      const seen = new Set<string>();
      for (const p of Object.values(rec.provisions).flat()) {
        if (seen.has(p.provision_id)) continue;
        seen.add(p.provision_id);
        const expected = t.shared_passages.filter((s) => (s.resolution_a === r.id && s.provision_a === p.provision_id) || (s.resolution_b === r.id && s.provision_b === p.provision_id));
        expect(p.spans, `${r.id} ${p.provision_id}`).toHaveLength(expected.length);
        for (const s of p.spans) expect(p.text.slice(s.start, s.end).length).toBeGreaterThan(0);
        spans += p.spans.length;
      }
    }
    expect(spans).toBeGreaterThan(100);
    for (const s of t.shared_passages) {
      for (const [rid, pid] of [[s.resolution_a, s.provision_a], [s.resolution_b, s.provision_b]] as const) {
        const p = t.provisions.find((x) => x.resolution_id === rid && x.provision_id === pid);
        expect(locatePassage(p?.text ?? p?.heading ?? '', s.text), `${rid} ${pid}: ${s.text}`).not.toBeNull();
      }
    }
  });

  it('says unknown for openings and catalogue entries, not found only for full texts', () => {
    const sonLa = siteResolution('son-la-2024-04-17-nq-hdnd', t);
    expect(cellOf(sonLa, 'X2').state).toBe('not-found');
    expect(cellOf(sonLa, 'M1').state).toBe('found');
    const bacGiang = siteResolution('bac-giang-46-nq-hdnd-2024', t);
    expect(cellOf(bacGiang, 'M1').state).toBe('found');
    expect(cellOf(bacGiang, 'M2').state).toBe('unknown');
    const haTinh = siteResolution('ha-tinh-146-2025-nq-hdnd', t);
    for (const row of COMPARE_ROWS) expect(cellOf(haTinh, row).state).toBe('unknown');
  });

  it('throws with a hint on an unknown id', () => {
    expect(() => siteResolution('nope', t)).toThrow(/hint/);
  });
});

describe('marks', () => {
  const span = (start: number, end: number, other: string): SharedSpan => ({ start, end, other, other_provision: 'dieu-1', other_ref_vi: 'Điều 1', other_ref_en: 'Article 1' });

  it('cuts losslessly and marks only resolutions on show', () => {
    const text = 'abcdefghij';
    const segs = markSegments(text, [span(2, 6, 'x'), span(4, 8, 'y'), span(0, 3, 'hidden')], new Set(['x', 'y']));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs).toEqual([
      { text: 'ab', others: [] }, { text: 'cd', others: ['x'] }, { text: 'ef', others: ['x', 'y'] },
      { text: 'gh', others: ['y'] }, { text: 'ij', others: [] },
    ]);
    expect(markSegments(text, [], new Set())).toEqual([{ text, others: [] }]);
  });

  it('marks the real passages of the default example', () => {
    const ids = defaultIds(index);
    const shown = new Set(ids);
    let marked = 0;
    for (const id of ids) {
      const rec = siteResolution(id, t);
      for (const p of Object.values(rec.provisions).flat()) {
        const segs = markSegments(p.text, p.spans, shown);
        expect(segs.map((s) => s.text).join('')).toBe(p.text);
        marked += segs.filter((s) => s.others.length).length;
      }
    }
    expect(marked).toBeGreaterThan(10);
  });

  it('reads words as the reuse engine does', () => {
    for (const p of t.provisions.slice(0, 80)) {
      const text = p.text ?? '';
      const a = words(text);
      const b = tokenize(text);
      expect([a.words, a.starts, a.ends]).toEqual([b.words, b.starts, b.ends]);
    }
  });

  it('orders actors as the schema declares them', () => {
    expect([...ACTORS]).toEqual(tableOf('supervision').fields.find((f) => f.name === 'actor')?.enum);
  });

  it('finds passages whatever the Unicode form', () => {
    expect(locatePassage('Tổ chức  đào tạo, bồi dưỡng'.normalize('NFD'), 'đào tạo bồi dưỡng')).not.toBeNull();
    expect(locatePassage('abc', '')).toBeNull();
  });

  it('labels resolutions without a number by term and session', () => {
    const r = t.resolutions.find((x) => x.id === 'binh-phuoc-khoa-x-ky-hop-12-nq-hdnd');
    expect(r && resolutionLabel(r, 'en')).toBe('Bình Phước province, term X, session 12');
  });
});
