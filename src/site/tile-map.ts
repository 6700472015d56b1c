/**
 * The tile-grid province maps drawn at build time as SVG strings (no script): one square per province on the grid of
 * data/reference/province-tiles.csv, coloured by the reading the reader picks. Each tile carries the fill and text
 * colour of all three readings as CSS custom properties (--f-resolutions, --t-measures …) and the value of each in its
 * own <text>, so that the page's radio buttons switch readings with CSS alone; without CSS the tile shows the first
 * reading. A tile is a link to the province's resolutions when it has any, with its values as a native tooltip
 * (<title>), which is also its link's name (the drawn text is aria-hidden: the title says more). Text is 11 px or more at the drawn size, which is the size shown on a 360 px phone.
 */
import { provinceLineage } from '../lib/views/overview.ts';
import { MAP_MODES, mapUnits, provinceMaps, type MapMode, type MapTile, type ProvinceMaps, type TileMap } from '../lib/views/map.ts';
import { dataset } from '../node/published.ts';
import { loadTileGrid } from '../node/reference.ts';

let maps: ProvinceMaps | null = null;

/** Both maps of the published data, computed once per build (the overview in two languages and the CSV). */
export function overviewMaps(): ProvinceMaps {
  if (!maps) {
    const d = dataset();
    maps = provinceMaps(loadTileGrid(mapUnits(provinceLineage(d.jurisdictions, d.resolutions))), d);
  }
  return maps;
}

/** Side of a tile and the gap between tiles, in px at the drawn size. */
export const TILE = 46;
const GAP = 2;
const PAD = 2;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A label on one or two lines: split at the space nearest the middle; labels with a dash stay on one line. */
export function tileLines(label: string): string[] {
  const words = label.split(' ');
  if (words.length < 2 || label.includes('-')) return [label];
  let best = 1;
  for (let i = 1; i < words.length; i++) {
    const d = Math.abs(words.slice(0, i).join(' ').length - words.slice(i).join(' ').length);
    if (d < Math.abs(words.slice(0, best).join(' ').length - words.slice(best).join(' ').length)) best = i;
  }
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

export interface TileMapText {
  /** The map's accessible name. */
  title: string;
  /** A tile's tooltip and link name. */
  tooltip: (t: MapTile) => string;
  /** The value written in a tile under a reading ('' for none). */
  value: (t: MapTile, mode: MapMode) => string;
  /** Address of a tile's link in the page's language. */
  href: (path: string) => string;
}

export function tileMapSvg(m: TileMap, id: string, text: TileMapText): string {
  const width = PAD * 2 + m.cols * TILE - GAP;
  const height = PAD * 2 + m.rows * TILE - GAP;
  const side = TILE - GAP;
  const tiles = m.tiles.map((t) => {
    const x = PAD + t.col * TILE;
    const y = PAD + t.row * TILE;
    const cx = x + side / 2;
    const lines = tileLines(t.label);
    const vars = MAP_MODES.map((k) => `--f-${k}:${t.bins[k].fill};--t-${k}:${t.bins[k].ink}`).join(';');
    const first = t.bins.resolutions;
    const nameY = lines.length === 2 ? [y + 14, y + 26] : [y + 17];
    const names = lines.map((l, i) => `<text class="name" aria-hidden="true" x="${cx}" y="${nameY[i]}" text-anchor="middle" font-size="11" fill="${first.ink}">${esc(l)}</text>`).join('');
    const values = MAP_MODES.map((k) => {
      const v = text.value(t, k);
      return v ? `<text class="v v-${k}" aria-hidden="true" x="${cx}" y="${y + side - 6}" text-anchor="middle" font-size="12" font-weight="700" fill="${t.bins[k].ink}">${esc(v)}</text>` : '';
    }).join('');
    const tip = esc(text.tooltip(t));
    const body = `<rect x="${x}" y="${y}" width="${side}" height="${side}" rx="3" fill="${first.fill}" stroke="#8c8c8c" stroke-width="${t.ids.length ? 0 : 1}"/>${names}${values}`;
    // The tooltip is the first child <title> of the link (its accessible name) or of the tile without a link.
    const g = (title: string) => `<g class="tile" data-code="${t.code}" data-n="${t.ids.length}" style="${vars}">${title}${body}</g>`;
    return t.href ? `<a href="${esc(text.href(t.href))}"><title>${tip}</title>${g('')}</a>` : g(`<title>${tip}</title>`);
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="tile-map" id="${id}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="${id}-title" font-family="system-ui, sans-serif"><title id="${id}-title">${esc(text.title)}</title>${tiles}</svg>`;
}
