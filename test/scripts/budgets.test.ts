/**
 * The byte budgets' pure part (scripts/lib/budgets.ts) on HTML and JavaScript as the build writes them: the head of the
 * real /explore/ and / pages (Astro 7 output) and the openings of real Vite chunks, with the explorer's lazy
 * DuckDB import. What a first view counts (stylesheets, module scripts and their static imports, the icon) and
 * what it must not (dynamic imports, the other language's link, commented-out markup), and each budget's failure.
 */
import { describe, expect, it } from 'vitest';
import {
  checkFirstView, FIRST_VIEW_LIMIT, firstView, heaviestTable, isDuckdbAsset, KB, referencedAssets, resolutionBound, resolveAsset,
  routeOf, staticImports, type SiteLookup,
} from '../../scripts/lib/budgets.ts';

const HEAD_EXPLORE = '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Truy vấn dữ liệu bằng SQL · Dân chủ ở cơ sở</title><link rel="alternate" hreflang="en" href="/en/explore/">' +
  '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><style>:root{--ink:#1b1b1b}</style>' +
  '<script type="module" src="/_astro/Explore.astro_astro_type_script_index_0_lang.CNApOA8P.js"></script></head>';
const HEAD_OVERVIEW = '<head><meta charset="utf-8"><link rel="alternate" hreflang="en" href="/en/">' +
  '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/Overview.BkY-zOeh.css">' +
  '<!-- <script src="/_astro/old.js"></script> --></head>';

// Openings of real chunks: the explorer's entry imports the preload helper statically and its engine lazily.
const EXPLORE_ENTRY = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/explore.BTM_Oa8c.js","_astro/duckdb.Cotd73zA.js"])))=>i.map(i=>d[i]);\n' +
  'import{t as e}from"./preload-helper.DygEbaNj.js";var t=null,n=async()=>t??=await e(()=>import(`./explore.BTM_Oa8c.js`),__vite__mapDeps([0]));' +
  'async function m(){const[x]=await Promise.all([import(`./duckdb.Cotd73zA.js`)]);return x}';
const COMPARE_ENTRY = 'import{r as e}from"./text.BEDa76vl.js";var t=[`M1`,`M2`];export{t as M};';

function site(files: Record<string, { text?: string; raw: number; br: number }>): SiteLookup {
  return {
    size: (p) => (files[p] ? { raw: files[p].raw, br: files[p].br } : null),
    text: (p) => files[p]?.text ?? null,
  };
}

const FILES = {
  'explore/index.html': { raw: 76_714, br: 10_240 },
  'index.html': { raw: 86_579, br: 11_000 },
  'favicon.svg': { raw: 247, br: 180 },
  '_astro/Explore.astro_astro_type_script_index_0_lang.CNApOA8P.js': { text: EXPLORE_ENTRY, raw: 5_008, br: 2_000 },
  '_astro/preload-helper.DygEbaNj.js': { text: 'export{t};', raw: 1_761, br: 800 },
  '_astro/explore.BTM_Oa8c.js': { text: '', raw: 34_406, br: 10_000 },
  '_astro/duckdb.Cotd73zA.js': { text: '', raw: 369_992, br: 90_000 },
  '_astro/Overview.BkY-zOeh.css': { raw: 6_391, br: 1_700 },
};

describe('referencedAssets and staticImports', () => {
  it('finds module scripts, stylesheets and the icon, not alternates or commented-out tags', () => {
    expect(referencedAssets(HEAD_EXPLORE)).toEqual([
      { kind: 'icon', href: '/favicon.svg' },
      { kind: 'script', href: '/_astro/Explore.astro_astro_type_script_index_0_lang.CNApOA8P.js' },
    ]);
    expect(referencedAssets(HEAD_OVERVIEW)).toEqual([
      { kind: 'icon', href: '/favicon.svg' },
      { kind: 'stylesheet', href: '/_astro/Overview.BkY-zOeh.css' },
    ]);
    expect(referencedAssets("<link href='/a.js' rel='modulepreload'><script src=b.js defer></script>")).toEqual([
      { kind: 'modulepreload', href: '/a.js' }, { kind: 'script', href: 'b.js' },
    ]);
  });

  it('follows static imports and re-exports, never import()', () => {
    expect(staticImports(EXPLORE_ENTRY)).toEqual(['./preload-helper.DygEbaNj.js']);
    expect(staticImports(COMPARE_ENTRY)).toEqual(['./text.BEDa76vl.js']);
    expect(staticImports('import "./side.js";export*from"./all.js";const x=import("./lazy.js")')).toEqual(['./side.js', './all.js']);
  });

  it('resolves references inside the site and leaves other hosts out', () => {
    expect(resolveAsset('explore/index.html', '/_astro/a.js?v=1#x')).toBe('_astro/a.js');
    expect(resolveAsset('_astro/entry.js', './text.js')).toBe('_astro/text.js');
    expect(resolveAsset('en/themes/index.html', '../../favicon.svg')).toBe('favicon.svg');
    expect(resolveAsset('index.html', 'https://cdn.example/x.js')).toBeNull();
    expect(resolveAsset('index.html', '//cdn.example/x.js')).toBeNull();
    expect(resolveAsset('index.html', 'data:image/svg+xml,<svg/>')).toBeNull();
  });

  it('names routes and recognises the engine files', () => {
    expect(routeOf('index.html')).toBe('/');
    expect(routeOf('en/resolutions/x/index.html')).toBe('/en/resolutions/x/');
    expect(routeOf('404.html')).toBe('/404.html');
    expect(isDuckdbAsset('_astro/duckdb-eh.9ubY-jlA.wasm')).toBe(true);
    expect(isDuckdbAsset('_astro/duckdb-browser-eh.worker.hQa-dcAV.js')).toBe(true);
    expect(isDuckdbAsset('_astro/duckdb.Cotd73zA.js')).toBe(true);
    expect(isDuckdbAsset('_astro/explore.BTM_Oa8c.js')).toBe(false);
  });
});

describe('firstView and the budgets', () => {
  it('sums the HTML, its assets and their static imports, not the lazy engine', () => {
    const v = firstView('explore/index.html', HEAD_EXPLORE, site(FILES));
    expect(v.route).toBe('/explore/');
    expect(v.assets.map((a) => [a.path, a.kind])).toEqual([
      ['favicon.svg', 'icon'],
      ['_astro/Explore.astro_astro_type_script_index_0_lang.CNApOA8P.js', 'script'],
      ['_astro/preload-helper.DygEbaNj.js', 'import'],
    ]);
    expect(v.raw).toBe(76_714 + 247 + 5_008 + 1_761);
    expect(v.br).toBe(10_240 + 180 + 2_000 + 800);
    expect(checkFirstView(v)).toEqual([]);
  });

  it('fails a page over 150 KB brotli, naming the route and the numbers', () => {
    const v = firstView('index.html', HEAD_OVERVIEW, site({ ...FILES, 'index.html': { raw: 2_000_000, br: FIRST_VIEW_LIMIT } }));
    const [f, ...rest] = checkFirstView(v);
    expect(rest).toEqual([]);
    expect(f?.budget).toBe('first-view');
    expect(f?.message).toMatch(/^\/: first view is 151\.8 KB brotli \(HTML 150\.0 KB \+ 2 assets 1\.8 KB\), over the 150\.0 KB budget/);
  });

  it('fails a page that loads DuckDB on its first view', () => {
    const eager = HEAD_OVERVIEW.replace('</head>', '<link rel="modulepreload" href="/_astro/duckdb.Cotd73zA.js"></head>');
    const failures = checkFirstView(firstView('index.html', eager, site(FILES)));
    expect(failures.map((f) => f.budget)).toEqual(['duckdb']);
    expect(failures[0]?.message).toContain('_astro/duckdb.Cotd73zA.js');
  });

  it('bounds a resolution page by its own source', () => {
    const page = 'resolutions/x/index.html';
    const v = (raw: number) => firstView(page, '<head></head>', site({ [page]: { raw, br: 1 } }));
    expect(resolutionBound(20_000)).toBe(4 * 20_000 + 60 * KB);
    expect(checkFirstView(v(resolutionBound(20_000)), 20_000)).toEqual([]);
    expect(checkFirstView(v(resolutionBound(20_000) + 1), 20_000).map((f) => f.budget)).toEqual(['resolution-bound']);
  });

  it('reports a missing asset instead of counting it as zero', () => {
    expect(() => firstView('index.html', '<script type="module" src="/_astro/gone.js"></script>', site(FILES))).toThrow(/gone\.js, which is not in the built site/);
  });

  it('lists the heaviest first views first', () => {
    const views = ['explore/index.html', 'index.html'].map((p) => firstView(p, p === 'index.html' ? HEAD_OVERVIEW : HEAD_EXPLORE, site(FILES)));
    const lines = heaviestTable(views, 1).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\/explore\/ /);
  });
});
