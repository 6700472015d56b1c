/**
 * Charts rendered at build time: Observable Plot with linkedom's document, returned as an SVG/HTML string that a
 * page places with set:html. The page then shows its chart with no script at all (see STACK.md). Plot labels its
 * mark groups with aria-label but gives them no role, which axe reports; they get role="group" here, once for all.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element;
  for (const g of el.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  return el.outerHTML;
}
