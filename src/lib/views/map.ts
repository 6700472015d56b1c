/**
 * The tile-grid map of where the resolutions are (overview, "Các nghị quyết ở đâu"): for each tile of the grid
 * (src/lib/reference/tile-grid.ts) the resolutions it holds, the most complete text among them and the measure codes
 * they carry, and the colour of the tile under each of the three readings a reader can pick (resolutions held,
 * completeness, measures covered). Map 34 (from 1 July 2025) counts every resolution of a council in the unit's area,
 * before or after the reform, as the lineage table does (provinceLineage); map 63 counts the resolutions by their
 * province at adoption, as the province lists (/resolutions/province/<slug>/) do, so that a tile and the list it
 * links to agree. Pure: rows in, tiles and the CSV of what is shown out.
 */
import type { RowOf } from '../publish/schema.ts';
import { chartCsv } from '../publish/csv-text.ts';
import type { GridTile, TileMapKey } from '../reference/tile-grid.ts';
import { matrixCodes, provinceLineage, type Lineage } from './overview.ts';
import { provinceOf, provincePath, provinceSlug } from './scale.ts';

type Resolution = RowOf<'resolutions'>;
type Completeness = Resolution['completeness'];

export type MapMode = 'resolutions' | 'completeness' | 'measures';
export const MAP_MODES: readonly MapMode[] = ['resolutions', 'completeness', 'measures'];

/** One bin of a reading: its key (for words and the CSV), fill and text colours (contrast ≥ 4.5:1). */
export interface MapBin { key: string; fill: string; ink: string }

const INK = '#1b1b1b';
const NONE: MapBin = { key: 'none', fill: '#ffffff', ink: '#555555' };
/** Resolutions held: none, 1, 2–4, 5–19, 20 or more. */
export const RESOLUTION_BINS: readonly (MapBin & { from: number })[] = [
  { ...NONE, from: 0 },
  { key: '1', from: 1, fill: '#c6dbef', ink: INK },
  { key: '2-4', from: 2, fill: '#6baed6', ink: INK },
  { key: '5-19', from: 5, fill: '#2171b5', ink: '#ffffff' },
  { key: '20+', from: 20, fill: '#08306b', ink: '#ffffff' },
];
/** The most complete text held (the colours of the completeness bar below the map). */
export const COMPLETENESS_BINS: readonly MapBin[] = [
  { key: 'full', fill: '#2b6aa6', ink: '#ffffff' },
  { key: 'partial', fill: '#9ecae1', ink: INK },
  { key: 'metadata-only', fill: '#dddddd', ink: INK },
  NONE,
];
/** Distinct measure codes found (of M1–M5, X1, X2): none held, 0, 1–2, 3–4, 5–6, all. */
export function measureBins(nCodes: number): (MapBin & { from: number })[] {
  return [
    { ...NONE, from: -1 },
    { key: '0', from: 0, fill: '#f2f2f2', ink: INK },
    { key: '1-2', from: 1, fill: '#c7e9c0', ink: INK },
    { key: '3-4', from: 3, fill: '#74c476', ink: INK },
    { key: `5-${nCodes - 1}`, from: 5, fill: '#31a354', ink: INK },
    { key: String(nCodes), from: nCodes, fill: '#006d2c', ink: '#ffffff' },
  ];
}

export interface MapTile extends GridTile {
  /** jurisdictions.id of the unit. */
  unitId: string | null;
  /** Resolutions the tile stands for, in the list's order. */
  ids: string[];
  /** The most complete text among them; null when none is held. */
  best: Completeness | null;
  /** Measure codes (M1–M5, X1, X2) found in any of them, in taxonomy order. */
  codes: string[];
  /** Where the tile leads, without the language prefix: the province's list (map 63), its lineage row (map 34). */
  href: string | null;
  /** The bin of each reading. */
  bins: Record<MapMode, MapBin>;
}

export interface TileMap { map: TileMapKey; rows: number; cols: number; tiles: MapTile[] }
export interface ProvinceMaps { maps: Record<TileMapKey, TileMap>; codes: string[] }

/** Province-level units each map must place (code and name), from the lineage of the jurisdictions table. */
export function mapUnits(lineage: Lineage): Record<TileMapKey, { code: string; name: string }[]> {
  return {
    '34': lineage.provinces.map((p) => ({ code: p.unit.code ?? '', name: p.unit.name })),
    '63': lineage.provinces.flatMap((p) => p.formers.map((f) => ({ code: f.unit.code ?? '', name: f.unit.name }))),
  };
}

/** Anchor of a unit's row in the lineage table (map 34's tiles lead there). */
export const lineageAnchor = (unitId: string) => `where-${unitId}`;

const RANK: Record<Completeness, number> = { full: 0, partial: 1, 'metadata-only': 2 };

export function provinceMaps(
  grid: readonly GridTile[], t: { jurisdictions: readonly RowOf<'jurisdictions'>[]; resolutions: readonly Resolution[]; provisions: readonly RowOf<'provisions'>[]; taxonomy: readonly RowOf<'taxonomy'>[] },
): ProvinceMaps {
  const lineage = provinceLineage(t.jurisdictions, t.resolutions);
  const codes = matrixCodes(t.taxonomy).map((x) => x.code);
  const byId = new Map(t.resolutions.map((r) => [r.id, r]));
  const found = new Map<string, Set<string>>();
  for (const p of t.provisions) {
    for (const c of p.measures) {
      if (!codes.includes(c)) continue;
      let s = found.get(p.resolution_id);
      if (!s) found.set(p.resolution_id, (s = new Set()));
      s.add(c);
    }
  }
  const byProvince = new Map<string, string[]>();
  for (const r of t.resolutions) {
    const name = provinceOf(r);
    byProvince.set(name, [...(byProvince.get(name) ?? []), r.id]);
  }
  const mBins = measureBins(codes.length);
  const tile = (g: GridTile): MapTile => {
    const after = g.map === '34' ? lineage.provinces.find((p) => p.unit.code === g.code) : undefined;
    const before = g.map === '63' ? lineage.provinces.flatMap((p) => p.formers).find((f) => f.unit.code === g.code) : undefined;
    const ids = after ? after.resolutionIds : byProvince.get(g.name) ?? [];
    const rs = ids.map((id) => byId.get(id)).filter((r): r is Resolution => !!r);
    const best = rs.length ? rs.map((r) => r.completeness).sort((a, b) => RANK[a] - RANK[b])[0] ?? null : null;
    const have = new Set(ids.flatMap((id) => [...(found.get(id) ?? [])]));
    const tileCodes = codes.filter((c) => have.has(c));
    const unitId = after?.unit.id ?? before?.unit.id ?? null;
    const href = ids.length === 0 ? null : g.map === '34' && unitId ? `#${lineageAnchor(unitId)}` : provincePath(provinceSlug(g.name));
    const pick = <B extends { from: number }>(bins: readonly B[], v: number) => bins.filter((b) => v >= b.from).pop() ?? bins[0]!;
    return {
      ...g, unitId, ids, best, codes: tileCodes, href,
      bins: {
        resolutions: pick(RESOLUTION_BINS, ids.length),
        completeness: COMPLETENESS_BINS.find((b) => b.key === (best ?? 'none')) ?? NONE,
        measures: ids.length === 0 ? NONE : pick(mBins, tileCodes.length),
      },
    };
  };
  const one = (map: TileMapKey): TileMap => {
    const tiles = grid.filter((g) => g.map === map).map(tile);
    return { map, tiles, rows: Math.max(0, ...tiles.map((x) => x.row)) + 1, cols: Math.max(0, ...tiles.map((x) => x.col)) + 1 };
  };
  return { maps: { '34': one('34'), '63': one('63') }, codes };
}

/** The map's data as shown: one row per tile of both maps, with its place on the grid and each reading's bin. */
export function mapCsv(m: ProvinceMaps): string {
  return chartCsv(
    ['map', 'province_id', 'province', 'code', 'row', 'col', 'n_resolutions', 'best_completeness', 'n_measures', 'measures', 'bin_resolutions', 'bin_completeness', 'bin_measures', 'resolution_ids'],
    (['34', '63'] as const).flatMap((k) => m.maps[k].tiles.map((x) => [
      k, x.unitId, x.name, x.code, x.row, x.col, x.ids.length, x.best, x.ids.length ? x.codes.length : null, x.codes.join(';'),
      x.bins.resolutions.key, x.bins.completeness.key, x.bins.measures.key, x.ids.join(';'),
    ])),
  );
}
