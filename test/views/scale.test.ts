/**
 * What the site does at national scale, on the real tables (built in memory as `npm run data` does) and on
 * constructed rows: the per-resolution index gives each page exactly the rows a scan gives; provinces group and
 * page the list; per-province counts, months, the similarity histogram and the top pairs add up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type BuiltTables } from '../../scripts/lib/tables.ts';
import { monthlyAdoptions, provinceCounts, scoreHistogram, topPairs } from '../../src/lib/views/aggregates.ts';
import { indexByResolution, RESOLUTION_TABLES, rowsOfResolution } from '../../src/lib/views/resolution.ts';
import { atScale, capped, PER_RESOLUTION_MAX, provinceGroups, provincePages, provincePath, provinceSlug } from '../../src/lib/views/scale.ts';
import type { RowOf } from '../../src/lib/publish/schema.ts';

let t: BuiltTables['tables'];
beforeAll(() => {
  t = buildTables().tables;
}, 60_000);

describe('indexByResolution', () => {
  it('gives every resolution the rows a scan of each table gives, in the same order', () => {
    const slices = indexByResolution(t);
    for (const r of t.resolutions) {
      for (const table of RESOLUTION_TABLES) expect(slices(r.id)[table], `${r.id} ${table}`).toEqual(rowsOfResolution(t, table, r.id));
    }
    expect(slices('no-such-id').provisions).toEqual([]);
  });
});

describe('provinces', () => {
  it('groups the real resolutions by province at adoption, in Vietnamese order', () => {
    const groups = provinceGroups(t.resolutions);
    expect(groups.reduce((n, g) => n + g.n, 0)).toBe(t.resolutions.length);
    expect(groups.find((g) => g.slug === 'lang-son')?.ids).toEqual(['lang-son-08-2024-nq-hdnd']);
    const names = groups.map((g) => g.province);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(atScale(t.resolutions.length)).toBe(false);
    expect(atScale(PER_RESOLUTION_MAX + 1)).toBe(true);
  });

  it('slugs and pages: big provinces split, page 1 without a number', () => {
    expect(provinceSlug('Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(provinceSlug('?')).toBe('chua-ro');
    const ids = Array.from({ length: 5 }, (_, i) => `r${i}`);
    const pages = provincePages([{ province: 'Hà Nội', slug: 'ha-noi', ids, n: 5, n_full: 5, byLevel: { province: 1, district: 2, commune: 2 } }], 2);
    expect(pages.map((p) => [p.page, p.pages, p.ids])).toEqual([[1, 3, ['r0', 'r1']], [2, 3, ['r2', 'r3']], [3, 3, ['r4']]]);
    expect(provincePath('ha-noi')).toBe('/resolutions/province/ha-noi/');
    expect(provincePath('ha-noi', 2)).toBe('/resolutions/province/ha-noi/2/');
    expect(capped([1, 2, 3], 2)).toEqual({ shown: [1, 2], more: 1 });
  });
});

describe('aggregates', () => {
  it('counts per province add up to the national totals', () => {
    const groups = provinceGroups(t.resolutions);
    const funded = new Set(t.funding.map((f) => f.resolution_id));
    const c = provinceCounts(groups, ['funded'], (id) => funded.has(id));
    expect(c.totals).toEqual([funded.size]);
    expect(c.rows.reduce((n, r) => n + r.n, 0)).toBe(t.resolutions.length);
  });

  it('months and the undated', () => {
    const m = monthlyAdoptions(t.resolutions);
    const dated = t.resolutions.filter((r) => r.adopted_on ?? r.signed_on).length;
    expect(m.months.reduce((n, x) => n + x.n, 0)).toBe(dated);
    expect(m.undated).toBe(t.resolutions.length - dated);
    expect(m.months.map((x) => x.month)).toEqual([...m.months.map((x) => x.month)].sort());
  });

  it('histogram of scores and the best pairs', () => {
    const row = (a: string, b: string, score: number) => ({ resolution_a: a, resolution_b: b, scope: 'all', score, n_shared_passages: 1 }) as unknown as RowOf<'similarity'>;
    const rows = [row('a', 'b', 0.9), row('a', 'c', 0.04), row('b', 'c', 1), row('c', 'd', 0), row('a', 'd', 0.9)];
    const bins = scoreHistogram(rows);
    expect(bins).toHaveLength(20);
    expect(bins[0]?.n_pairs).toBe(1);
    expect(bins[18]?.n_pairs).toBe(2);
    expect(bins[19]?.n_pairs).toBe(1);
    expect(topPairs(rows, 3).map((p) => `${p.a}-${p.b}`)).toEqual(['b-c', 'a-b', 'a-d']);
  });
});
