/**
 * The heat-map of a province-count table (src/lib/views/aggregates.ts) drawn at build time: one line per province, one
 * column per counted column, shaded by the share of the province's resolutions for which it holds, the percentage
 * written in the cell, its numbers as a tooltip and a link to the province's list. What theme pages and the overview draw instead of one line per resolution at scale.
 */
import * as Plot from '@observablehq/plot';
import type { ProvinceCounts } from '../lib/views/aggregates.ts';
import { renderPlot } from './plot.ts';

export interface HeatOptions {
  /** Column key → short label for the x axis (codes stay codes). */
  label: (column: string) => string;
  /** Name of a province line ('?' is the unknown province). */
  name: (province: string) => string;
  ariaLabel: string;
  ariaDescription?: string;
  width?: number;
  /** Address of a province's list of resolutions (a cell links there), or null. */
  href?: (province: string) => string | null;
}

export function provinceHeatSvg(p: ProvinceCounts, o: HeatOptions): string {
  const cells = p.rows.flatMap((r) => p.columns.map((c, i) => {
    const share = r.n ? (r.values[i] ?? 0) / r.n : 0;
    const n = r.values[i] ?? 0;
    return { x: o.label(c), y: o.name(r.province), share, text: `${Math.round(share * 100)}`, tip: `${o.name(r.province)} · ${o.label(c)}: ${n}/${r.n} (${Math.round(share * 100)}%)`, href: o.href?.(r.province) ?? null };
  }));
  return renderPlot({
    width: o.width ?? 520, height: 40 + p.rows.length * 18, marginLeft: 150, marginTop: 30, padding: 0.06,
    style: { fontSize: '11px', background: 'transparent' },
    ariaLabel: o.ariaLabel, ariaDescription: o.ariaDescription,
    x: { domain: p.columns.map(o.label), axis: 'top', label: null, tickSize: 0 },
    y: { domain: p.rows.map((r) => o.name(r.province)), label: null, tickSize: 0 },
    color: { type: 'linear', domain: [0, 1], range: ['#f2f7fc', '#0b5394'] },
    marks: [
      Plot.cell(cells, { x: 'x', y: 'y', fill: 'share', inset: 0.5, title: 'tip', href: 'href' }),
      Plot.text(cells, { x: 'x', y: 'y', text: 'text', pointerEvents: 'none', fill: (d: { share: number }) => (d.share > 0.5 ? '#fff' : '#1b1b1b') }),
    ],
  });
}
