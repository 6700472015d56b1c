/**
 * Byte budgets of the built site, the pure part of scripts/check-budgets.ts. A page's first view is its HTML plus
 * what the browser must fetch to render it: the stylesheets, module scripts, modulepreloads and icon its HTML
 * references, and the modules those scripts import statically (a static import is fetched before the script runs;
 * a dynamic import() is not, so DuckDB, Plot and the explorer's helpers, which load on demand, are not counted).
 * Budgets, each checked on every page:
 * - FIRST_VIEW_LIMIT: the first view is at most 150 KB (150 × 1,024 bytes) brotli;
 * - no first view fetches DuckDB-WASM (the wasm, its worker or the duckdb chunk);
 * - a resolution page is bounded by its own text, not by the corpus: its first view (raw bytes) is at most
 *   RESOLUTION_FACTOR × its raw source + RESOLUTION_SLACK. The page shows the text once, marked up with a badge,
 *   the matching rule and a deep link per provision; the passages it shares with its 3 most similar resolutions
 *   (at most 8 each, every one a piece of this same text); and a fixed frame (navigation, CSS, metadata, the
 *   downloads list: 21–30 KB, hence the slack). Measured as (first view − 60 KB) ÷ source: at most 2.4 on the 13
 *   real pages, 2.9 on 2,000 pages of 1,000 synthetic resolutions and 3.2 on 20,000 pages of 10,000 (median 1.9):
 *   the closest peers of a larger corpus share longer passages, which this text bounds. Anything listed per
 *   resolution of the corpus (even a 100-byte link) would break the bound at a few hundred resolutions.
 * HTML and JavaScript text in, plain values out; sizes come through a lookup the caller provides.
 */

export const KB = 1024;
export const FIRST_VIEW_LIMIT = 150 * KB;
export const RESOLUTION_FACTOR = 4;
export const RESOLUTION_SLACK = 60 * KB;

export interface AssetRef { kind: 'script' | 'stylesheet' | 'modulepreload' | 'icon' | 'import'; href: string }

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
};

/** The assets an HTML page references for its first view: script src, link rel=stylesheet|modulepreload|icon. */
export function referencedAssets(html: string): AssetRef[] {
  const out: AssetRef[] = [];
  // Comments may hold markup that is not loaded.
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of text.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = m[0];
    if (m[1]!.toLowerCase() === 'script') {
      const src = attr(tag, 'src');
      if (src) out.push({ kind: 'script', href: src });
      continue;
    }
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) out.push({ kind: 'stylesheet', href });
    else if (rel.includes('modulepreload')) out.push({ kind: 'modulepreload', href });
    else if (rel.includes('icon')) out.push({ kind: 'icon', href });
  }
  return out;
}

/**
 * Specifiers a JavaScript module imports statically (`import … from "x"`, `import "x"`, `export … from "x"`),
 * not dynamic `import("x")`. Written for bundler output, where these sit at the top level.
 */
export function staticImports(js: string): string[] {
  const out = new Set<string>();
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])([^"'`\n]+)\1/g;
  for (const m of js.matchAll(re)) out.add(m[2]!);
  return [...out];
}

/** A reference as a path inside the site ("_astro/x.js"), resolved against the referring path; null if external. */
export function resolveAsset(fromPath: string, href: string): string | null {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return null;
  const clean = href.replace(/[?#].*$/, '');
  const base = clean.startsWith('/') ? [] : fromPath.split('/').slice(0, -1);
  const parts = [...base];
  for (const seg of clean.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** "resolutions/x/index.html" → "/resolutions/x/"; "404.html" → "/404.html". */
export function routeOf(htmlPath: string): string {
  return `/${htmlPath.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The DuckDB-WASM engine's files: the wasm, its worker and the duckdb chunk. */
export function isDuckdbAsset(path: string): boolean {
  return /\.wasm$/i.test(path) || /(?:^|\/)duckdb[^/]*\.m?js$/i.test(path);
}

export interface Sized { raw: number; br: number }
export interface FirstViewAsset extends Sized { path: string; kind: AssetRef['kind'] }
export interface FirstView { route: string; html: Sized; assets: FirstViewAsset[]; raw: number; br: number }

export interface SiteLookup {
  /** Raw and brotli sizes of a file in the site, or null when it does not exist. */
  size(path: string): Sized | null;
  /** A JavaScript file's text, to follow its static imports. */
  text(path: string): string | null;
}

/** One page's first view: the HTML, then every asset it references and every module those import statically. */
export function firstView(htmlPath: string, html: string, lookup: SiteLookup): FirstView {
  const htmlSize = lookup.size(htmlPath) ?? { raw: html.length, br: html.length };
  const assets: FirstViewAsset[] = [];
  const seen = new Set<string>();
  const queue: { path: string; kind: AssetRef['kind'] }[] = [];
  const add = (path: string | null, kind: AssetRef['kind']) => {
    if (path && !seen.has(path)) {
      seen.add(path);
      queue.push({ path, kind });
    }
  };
  for (const ref of referencedAssets(html)) add(resolveAsset(htmlPath, ref.href), ref.kind);
  while (queue.length) {
    const { path, kind } = queue.shift()!;
    const size = lookup.size(path);
    if (!size) throw new Error(`${routeOf(htmlPath)} references ${path}, which is not in the built site; hint: check the href`);
    assets.push({ path, kind, ...size });
    if (/\.m?js$/.test(path)) for (const spec of staticImports(lookup.text(path) ?? '')) add(resolveAsset(path, spec), 'import');
  }
  const sum = (k: keyof Sized) => htmlSize[k] + assets.reduce((n, a) => n + a[k], 0);
  return { route: routeOf(htmlPath), html: htmlSize, assets, raw: sum('raw'), br: sum('br') };
}

export interface BudgetFailure { route: string; budget: 'first-view' | 'duckdb' | 'resolution-bound'; message: string }

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** The budgets of one page; `sourceBytes` is the raw source's size when the page is a resolution's page. */
export function checkFirstView(v: FirstView, sourceBytes: number | null = null): BudgetFailure[] {
  const out: BudgetFailure[] = [];
  const parts = `HTML ${kb(v.html.br)} + ${v.assets.length} assets ${kb(v.br - v.html.br)}`;
  if (v.br > FIRST_VIEW_LIMIT) {
    out.push({ route: v.route, budget: 'first-view', message: `${v.route}: first view is ${kb(v.br)} brotli (${parts}), over the ${kb(FIRST_VIEW_LIMIT)} budget; hint: render less per page (aggregate, paginate) or load it on demand` });
  }
  const engine = v.assets.filter((a) => isDuckdbAsset(a.path)).map((a) => a.path);
  if (engine.length) {
    out.push({ route: v.route, budget: 'duckdb', message: `${v.route}: first view loads DuckDB-WASM (${engine.join(', ')}); hint: import it with import() after the reader asks` });
  }
  if (sourceBytes !== null) {
    const bound = resolutionBound(sourceBytes);
    if (v.raw > bound) {
      out.push({ route: v.route, budget: 'resolution-bound', message: `${v.route}: first view is ${kb(v.raw)} raw, over ${RESOLUTION_FACTOR} × its ${kb(sourceBytes)} source + ${kb(RESOLUTION_SLACK)} = ${kb(bound)}; hint: something on the page grows with the corpus` });
    }
  }
  return out;
}

export function resolutionBound(sourceBytes: number): number {
  return RESOLUTION_FACTOR * sourceBytes + RESOLUTION_SLACK;
}

/** The `n` heaviest first views (brotli), heaviest first, as rows of a plain text table. */
export function heaviestTable(views: readonly FirstView[], n = 10): string {
  const rows = [...views].sort((a, b) => b.br - a.br || (a.route < b.route ? -1 : 1)).slice(0, n);
  const w = Math.max(5, ...rows.map((r) => r.route.length));
  const head = `${'route'.padEnd(w)}  ${'html raw'.padStart(10)}  ${'html br'.padStart(9)}  ${'assets'.padStart(6)}  ${'total raw'.padStart(10)}  ${'total br'.padStart(9)}`;
  return [head, ...rows.map((r) => `${r.route.padEnd(w)}  ${kb(r.html.raw).padStart(10)}  ${kb(r.html.br).padStart(9)}  ${String(r.assets.length).padStart(6)}  ${kb(r.raw).padStart(10)}  ${kb(r.br).padStart(9)}`)].join('\n');
}
