/**
 * What a resolution's page shows, on the real tables built with the library: each table's rows of one resolution,
 * provisions ready to render (markers, headings split from their text, badges explained by provision_measures,
 * struck text kept), the most similar resolutions with their shared passages, and the small text helpers.
 */
import { provisionLabel, provisionLabelOfId } from '../../src/lib/reference/provision-label.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type BuiltTables } from '../../scripts/lib/tables.ts';
import { measureMatrix } from '../../src/lib/views/overview.ts';
import {
  RESOLUTION_TABLES, correctionsInOrder, isResolutionTable, legalRefNumbers, mostSimilar, provisionIndex, provisionMarker,
  provisionViews, rowsByLevel, rowsOfResolution, splitHeading, visibleWhitespace,
} from '../../src/lib/views/resolution.ts';
import { collatorVi } from '../../src/lib/text/normalize.ts';

let t: BuiltTables['tables'];
const AN_PHU = 'an-giang-an-phu-47-nq-hdnd-2024';
const LANG_SON = 'lang-son-08-2024-nq-hdnd';
const MEASURES = new Set(['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']);

beforeAll(() => {
  t = buildTables().tables;
}, 60_000);

describe('rowsOfResolution', () => {
  it('slices every table to one resolution, pairs on either side', () => {
    for (const table of RESOLUTION_TABLES) {
      const rows = rowsOfResolution(t, table, AN_PHU) as Record<string, unknown>[];
      for (const r of rows) {
        if (table === 'resolutions') expect(r.id).toBe(AN_PHU);
        else if (table === 'similarity' || table === 'shared_passages') expect([r.resolution_a, r.resolution_b]).toContain(AN_PHU);
        else expect(r.resolution_id).toBe(AN_PHU);
      }
    }
    expect(rowsOfResolution(t, 'resolutions', AN_PHU)).toHaveLength(1);
    expect(rowsOfResolution(t, 'provisions', AN_PHU)).toHaveLength(rowsOfResolution(t, 'resolutions', AN_PHU)[0]?.n_provisions ?? -1);
    const sim = rowsOfResolution(t, 'similarity', AN_PHU);
    expect(sim.some((s) => s.resolution_b === AN_PHU) || sim.some((s) => s.resolution_a === AN_PHU)).toBe(true);
    expect(isResolutionTable('provisions')).toBe(true);
    expect(isResolutionTable('taxonomy')).toBe(false);
  });
});

describe('provisions', () => {
  it('splits the heading an article repeats at the start of its text', () => {
    expect(splitHeading('Kinh phí thực hiện', 'Kinh phí thực hiện\nKinh phí bảo đảm …')).toEqual({ heading: 'Kinh phí thực hiện', body: 'Kinh phí bảo đảm …', continues: false });
    expect(splitHeading('Nâng cao nhận thức', 'Nâng cao nhận thức, gồm:')).toEqual({ heading: 'Nâng cao nhận thức', body: ', gồm:', continues: true });
    expect(splitHeading('Phạm vi', 'Phạm vi')).toEqual({ heading: 'Phạm vi', body: null, continues: false });
    expect(splitHeading(null, 'Các cơ quan …')).toEqual({ heading: null, body: 'Các cơ quan …', continues: false });
    expect(splitHeading('Tiêu đề', null)).toEqual({ heading: 'Tiêu đề', body: null, continues: false });
  });

  it('names and marks provisions the way each language does', () => {
    const p = { article: 4, clause: '2', point: 'đ' };
    expect(provisionLabel('vi', p)).toBe('Điều 4 khoản 2 điểm đ');
    expect(provisionLabel('en', p)).toBe('Article 4(2)(đ)');
    expect(provisionLabel('vi', { article: 5, clause: null, point: null })).toBe('Điều 5');
    // The search page names a hit from its id alone: on every provision of the corpus that gives the same label.
    const differ = t.provisions.filter((x) => provisionLabelOfId('vi', x.provision_id) !== provisionLabel('vi', x) && x.provision_id.startsWith('dieu-'));
    expect(differ.map((x) => x.provision_id)).toEqual([]);
    expect(provisionMarker(p)).toBe('đ)');
    expect(provisionMarker({ article: 4, clause: '1', point: null })).toBe('1.');
    expect(provisionMarker({ article: 4, clause: null, point: null })).toBe('Điều 4.');
  });

  it('keeps struck text apart and explains each badge with its label rows', () => {
    const ps = rowsOfResolution(t, 'provisions', AN_PHU);
    const views = provisionViews(ps, rowsOfResolution(t, 'provision_measures', AN_PHU), MEASURES);
    expect(views.map((v) => v.row.ord)).toEqual([...views.map((v) => v.row.ord)].sort((a, b) => a - b));
    const struck = views.find((v) => v.row.struck_text);
    expect(struck?.row.struck_text).toMatch(/tạo điều kiện/);
    expect(struck?.body).not.toContain(struck?.row.struck_text ?? '∅');
    for (const v of views) {
      expect(v.badges.map((b) => b.code)).toEqual(v.row.measures.filter((c) => MEASURES.has(c)));
      for (const b of v.badges) {
        expect(b.labels.length).toBeGreaterThan(0);
        for (const l of b.labels) expect(l).toMatchObject({ provision_id: v.row.provision_id, code: b.code });
      }
      for (const c of v.practices) expect(MEASURES.has(c)).toBe(false);
    }
    // A label whose object was read around it (the clause's or article's heading) names that provision.
    const outer = views.flatMap((v) => v.badges.flatMap((b) => b.labels)).find((l) => l.object_from === 'heading' || l.object_from === 'article');
    expect(outer?.object).toBeTruthy();
    expect(outer?.object_in).not.toBe(outer?.provision_id);
    expect(ps.some((p) => p.provision_id === outer?.object_in)).toBe(true);
  });

  it('indexes provisions across resolutions by resolution and provision id', () => {
    const idx = provisionIndex(t.provisions);
    expect(idx.get(`${LANG_SON}#dieu-4.khoan-2`)?.article).toBe(4);
    expect(idx.get(`${LANG_SON}#nope`)).toBeUndefined();
  });
});

describe('mostSimilar', () => {
  it('returns at most three resolutions over the whole text, best first, with passages from both sides', () => {
    const sim = mostSimilar(t.similarity, t.shared_passages, LANG_SON);
    expect(sim.length).toBeGreaterThan(0);
    expect(sim.length).toBeLessThanOrEqual(3);
    expect(sim.map((s) => s.score)).toEqual([...sim.map((s) => s.score)].sort((a, b) => b - a));
    const idx = provisionIndex(t.provisions);
    for (const s of sim) {
      expect(s.other).not.toBe(LANG_SON);
      expect(s.passages.length).toBeLessThanOrEqual(Math.min(8, s.n_shared_passages));
      for (const p of s.passages) {
        expect(idx.has(`${LANG_SON}#${p.here}`)).toBe(true);
        expect(idx.has(`${s.other}#${p.there}`)).toBe(true);
      }
    }
    const best = t.similarity.filter((s) => s.scope === 'all' && (s.resolution_a === LANG_SON || s.resolution_b === LANG_SON))
      .sort((a, b) => b.score - a.score)[0];
    expect(sim[0]?.score).toBe(best?.score);
  });

  it('has nothing for the catalogue-only resolution', () => {
    expect(mostSimilar(t.similarity, t.shared_passages, 'ha-tinh-146-2025-nq-hdnd')).toEqual([]);
  });
});

describe('helpers', () => {
  it('shows invisible characters of a correction', () => {
    expect(visibleWhitespace('\n\n')).toBe('↵↵');
    expect(visibleWhitespace(' Ph')).toBe('·Ph');
    expect(visibleWhitespace('A\tB ')).toBe('A→B·');
  });

  it('orders corrections as they occur in the raw file', () => {
    const cs = correctionsInOrder(rowsOfResolution(t, 'corrections', AN_PHU));
    expect(cs.map((c) => c.start)).toEqual([...cs.map((c) => c.start)].sort((a, b) => a - b));
    expect(cs[0]).toMatchObject({ kind: 'stamp', after: null });
  });

  it('maps register ids to printed numbers', () => {
    expect(legalRefNumbers(t.legal_bases).get('luat-10-2022-qh15')).toBe('10/2022/QH15');
  });

  it('groups the list by level, each by name in Vietnamese order', () => {
    const groups = rowsByLevel(measureMatrix(t.resolutions, t.provisions, t.taxonomy));
    expect(groups.map((g) => g.level)).toEqual(['province', 'district', 'commune']);
    for (const g of groups) {
      const names = g.rows.map((r) => r.resolution.jurisdiction);
      expect(names).toEqual([...names].sort(collatorVi.compare));
    }
  });
});
