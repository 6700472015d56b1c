/**
 * The tile-grid maps of Vietnam's provinces (data/reference/province-tiles.csv): one square per province-level unit,
 * placed on a grid so that the country's shape reads north to south and neighbours sit side by side, for the 34 units
 * from 1 July 2025 (map "34") and the 63 before (map "63"). Each row names a unit by its official code and name as
 * in data/reference/sources/provinces-2025.csv (code_after / name_after for map 34, code_before / name_before for 63),
 * its row and column, and an optional short label for a name too long for a tile. parseTileGrid returns the tiles
 * and the problems found (a missing or unknown unit, two tiles on one square) instead of throwing; the reasoning of
 * the layout is in data/reference/README.md.
 */
import Papa from 'papaparse';

export type TileMapKey = '34' | '63';
export const TILE_MAPS: readonly TileMapKey[] = ['34', '63'];

export interface GridTile {
  map: TileMapKey;
  /** Official province code (2 digits). */
  code: string;
  name: string;
  row: number;
  col: number;
  /** What the tile shows: the short label, or the name. */
  label: string;
}

const COLUMNS = ['map', 'code', 'name', 'row', 'col', 'label'];

/**
 * Reads the grid. `units` lists, per map, the code and name of every unit the grid must place (from the provinces
 * source); every one must appear exactly once, with its name, and no two tiles of a map may share a square.
 */
export function parseTileGrid(csvText: string, units: Record<TileMapKey, readonly { code: string; name: string }[]>): { tiles: GridTile[]; problems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const problems: string[] = [];
  const header = parsed.meta.fields ?? [];
  if (header.join(',') !== COLUMNS.join(',')) return { tiles: [], problems: [`province-tiles.csv: header must be ${COLUMNS.join(',')}`] };
  const tiles: GridTile[] = [];
  const squares = new Set<string>();
  parsed.data.forEach((r, i) => {
    const line = i + 2;
    const map = r.map as TileMapKey;
    const row = Number(r.row);
    const col = Number(r.col);
    if (!TILE_MAPS.includes(map)) problems.push(`province-tiles.csv line ${line}: map must be 34 or 63`);
    else if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) problems.push(`province-tiles.csv line ${line}: row and col must be whole numbers ≥ 0`);
    else {
      const unit = units[map].find((u) => u.code === r.code);
      if (!unit) problems.push(`province-tiles.csv line ${line}: no unit with code ${r.code} on map ${map}`);
      else if (unit.name !== r.name) problems.push(`province-tiles.csv line ${line}: code ${r.code} is ${unit.name}, not ${r.name}`);
      const square = `${map}:${row}:${col}`;
      if (squares.has(square)) problems.push(`province-tiles.csv line ${line}: map ${map} already has a tile at row ${row}, col ${col}`);
      squares.add(square);
      tiles.push({ map, code: r.code ?? '', name: r.name ?? '', row, col, label: r.label || (r.name ?? '') });
    }
  });
  for (const map of TILE_MAPS) {
    for (const u of units[map]) {
      const n = tiles.filter((t) => t.map === map && t.code === u.code).length;
      if (n !== 1) problems.push(`province-tiles.csv: ${u.name} (${u.code}) has ${n} tiles on map ${map}, not 1`);
    }
  }
  return { tiles, problems };
}
