/**
 * The tile-grid province maps: the layout file (data/reference/province-tiles.csv) places each of the 34 and the 63
 * units exactly once, keeps north above south and merged provinces near their successor, and is refused when a tile
 * is missing, unknown or doubled; the tiles computed from the real tables agree with the lineage table (map 34) and
 * the province lists (map 63), link there, and their CSV is what is shown.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type BuiltTables } from '../../scripts/lib/tables.ts';
import { parseTileGrid, type GridTile } from '../../src/lib/reference/tile-grid.ts';
import { mapCsv, mapUnits, provinceMaps, type ProvinceMaps } from '../../src/lib/views/map.ts';
import { provinceLineage, type Lineage } from '../../src/lib/views/overview.ts';
import { provinceGroups } from '../../src/lib/views/scale.ts';
import { DATA } from '../../src/node/paths.ts';

const GRID = readFileSync(`${DATA}/reference/province-tiles.csv`, 'utf8');
let t: BuiltTables['tables'];
let lineage: Lineage;
let tiles: GridTile[];
let maps: ProvinceMaps;

beforeAll(() => {
  t = buildTables().tables;
  lineage = provinceLineage(t.jurisdictions, t.resolutions);
  const g = parseTileGrid(GRID, mapUnits(lineage));
  expect(g.problems).toEqual([]);
  tiles = g.tiles;
  maps = provinceMaps(tiles, t);
}, 60_000);

const at = (map: '34' | '63', name: string) => {
  const x = tiles.find((g) => g.map === map && g.name === name);
  if (!x) throw new Error(`no tile ${name} on map ${map}`);
  return x;
};

describe('the tile grid', () => {
  it('places the 34 and the 63 units once each', () => {
    expect(tiles.filter((x) => x.map === '34')).toHaveLength(34);
    expect(tiles.filter((x) => x.map === '63')).toHaveLength(63);
  });

  it('keeps the country\'s order north to south on both maps', () => {
    for (const map of ['34', '63'] as const) {
      const rows = ['Lào Cai', 'Hà Nội', 'Nghệ An', 'Huế', 'Đà Nẵng', 'Khánh Hòa', 'Hồ Chí Minh', 'Cà Mau'].map((n) => at(map, n).row);
      expect(rows, map).toEqual([...rows].sort((a, b) => a - b));
      expect(new Set(rows).size, map).toBe(rows.length);
    }
    expect(at('63', 'Điện Biên').col).toBeLessThan(at('63', 'Quảng Ninh').col);
  });

  it('has every tile touching another (no island) and each former province near its successor', () => {
    for (const map of ['34', '63'] as const) {
      const own = tiles.filter((x) => x.map === map);
      for (const x of own) expect(own.some((o) => o !== x && Math.abs(o.row - x.row) <= 1 && Math.abs(o.col - x.col) <= 1), `${map} ${x.name}`).toBe(true);
    }
    for (const p of lineage.provinces) {
      const after = at('34', p.unit.name);
      for (const f of p.formers) {
        const before = at('63', f.unit.name);
        // The 34 map is shorter (18 rows against 23): compare places as shares of the height.
        expect(Math.abs(before.row / 23 - after.row / 18), `${f.unit.name} → ${p.unit.name}`).toBeLessThan(0.12);
      }
    }
  });

  it('refuses a missing, unknown or doubled tile, naming the line', () => {
    const units = mapUnits(lineage);
    const lines = GRID.trimEnd().split('\n');
    const dropped = parseTileGrid(lines.filter((l) => !l.startsWith('34,12,')).join('\n'), units);
    expect(dropped.problems.join('\n')).toMatch(/Lai Châu \(12\) has 0 tiles on map 34/);
    const unknown = parseTileGrid(`${GRID}34,99,Nowhere,30,0,\n`, units);
    expect(unknown.problems.join('\n')).toMatch(/line 99: no unit with code 99 on map 34/);
    const doubled = parseTileGrid(GRID.replace('34,15,Lào Cai,0,3,', '34,15,Lào Cai,0,2,'), units);
    expect(doubled.problems.join('\n')).toMatch(/already has a tile at row 0, col 2/);
    expect(parseTileGrid('a,b\n1,2\n', units).problems).toEqual(['province-tiles.csv: header must be map,code,name,row,col,label']);
  });
});

describe('provinceMaps on the real tables', () => {
  it('map 34: each tile holds its lineage row\'s resolutions and links to that row', () => {
    for (const tile of maps.maps['34'].tiles) {
      const row = lineage.provinces.find((p) => p.unit.code === tile.code)!;
      expect(tile.ids).toEqual(row.resolutionIds);
      expect(tile.href).toBe(tile.ids.length ? `#where-${row.unit.id}` : null);
    }
    const total = maps.maps['34'].tiles.reduce((n, x) => n + x.ids.length, 0);
    expect(total).toBe(lineage.provinces.reduce((n, p) => n + p.resolutionIds.length, 0));
  });

  it('map 63: each tile holds its province list\'s resolutions and links to the list', () => {
    const groups = provinceGroups(t.resolutions);
    for (const tile of maps.maps['63'].tiles) {
      const g = groups.find((x) => x.province === tile.name);
      expect([...tile.ids].sort(), tile.name).toEqual([...(g?.ids ?? [])].sort());
      expect(tile.href).toBe(g ? `/resolutions/province/${g.slug}/` : null);
    }
  });

  it('colours by the reader\'s three readings, and says "none" only where nothing is held', () => {
    for (const tile of [...maps.maps['34'].tiles, ...maps.maps['63'].tiles]) {
      const none = tile.ids.length === 0;
      expect(tile.bins.resolutions.key === 'none', tile.name).toBe(none);
      expect(tile.bins.completeness.key, tile.name).toBe(none ? 'none' : tile.best);
      expect(tile.bins.measures.key === 'none', tile.name).toBe(none);
      expect(tile.codes.every((c) => maps.codes.includes(c))).toBe(true);
    }
    const langSon = maps.maps['63'].tiles.find((x) => x.name === 'Lạng Sơn')!;
    expect(langSon.best).toBe('full');
    expect(langSon.codes).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']);
  });

  it('writes the CSV as shown: a BOM, one row per tile of both maps', () => {
    const csv = mapCsv(maps);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(34 + 63);
    const ls = rows.find((r) => r.map === '63' && r.province === 'Lạng Sơn');
    expect(ls?.n_measures).toBe('7');
    expect(rows.filter((r) => r.n_resolutions === '0').every((r) => r.n_measures === '' && r.bin_resolutions === 'none')).toBe(true);
  });
});
