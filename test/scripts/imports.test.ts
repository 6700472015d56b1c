/**
 * The floor plan, enforced: every import in src/ and scripts/ (static, dynamic and type-only, read with TypeScript's
 * own scanner) is checked against the table in src/lib/README.md. Fails naming each `file -> file` that crosses a
 * wall the table does not open, or that closes a circle. The rule itself is a pure function (importProblems) so that
 * a planted violation can be shown to fail.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';

/** Folders of src/lib in pipeline order, and what each may import (besides itself). */
export const LIB_RULE: Record<string, string[]> = {
  text: [],
  reference: ['text'],
  read: ['text'],
  curated: ['text', 'reference'],
  reuse: ['text'],
  parse: ['text', 'reference', 'read/catalogue.ts'],
  classify: ['text', 'reference', 'curated'],
  extract: ['text', 'reference', 'classify'],
  analyze: ['text', 'reference', 'read', 'curated', 'reuse', 'parse', 'classify', 'extract'],
  publish: ['text', 'reference', 'curated', 'analyze'],
  search: ['text', 'reference', 'publish/csv-text.ts'],
  views: ['text', 'reference', 'reuse', 'publish'],
  draft: ['text', 'reference', 'reuse', 'analyze', 'views'],
};

/** Top-level areas outside src/lib, and the areas each may import. */
const AREA_RULE: Record<string, string[]> = {
  'src/lib': ['src/lib'],
  'src/node': ['src/lib', 'src/node'],
  'src/client': ['src/lib', 'src/client'],
  'src/site': ['src/lib', 'src/node', 'src/site'],
  'src/pages': ['src/lib', 'src/node', 'src/site', 'src/components', 'src/client', 'src/styles', 'src/pages'],
  'src/components': ['src/lib', 'src/node', 'src/site', 'src/components', 'src/client', 'src/styles'],
  scripts: ['src/lib', 'src/node', 'scripts'],
};

const areaOf = (file: string): string | null => {
  for (const a of Object.keys(AREA_RULE).sort((x, y) => y.length - x.length)) if (file === a || file.startsWith(`${a}/`)) return a;
  return null;
};

/** An import edge between two repository files (paths relative to the root, with "/"). */
export interface Edge { from: string; to: string }

/** What is wrong with one edge under the floor plan, or null. */
export function edgeProblem({ from, to }: Edge): string | null {
  const fa = areaOf(from), ta = areaOf(to);
  if (!fa) return null;
  if (!ta || !(AREA_RULE[fa] ?? []).includes(ta)) return `${from} -> ${to}: ${fa} may not import ${ta ?? to}`;
  if (fa !== 'src/lib') return null;
  const folder = (f: string) => f.slice('src/lib/'.length).split('/')[0] ?? '';
  const ff = folder(from), tf = folder(to);
  if (!(ff in LIB_RULE)) return `${from}: src/lib/${ff} is not a folder of the floor plan`;
  if (!(tf in LIB_RULE)) return `${to}: src/lib/${tf} is not a folder of the floor plan`;
  if (ff === tf) return null;
  const allowed = LIB_RULE[ff] ?? [];
  if (allowed.includes(tf) || allowed.includes(to.slice('src/lib/'.length))) return null;
  return `${from} -> ${to}: src/lib/${ff} may import only ${allowed.length ? allowed.join(', ') : 'nothing outside itself'}`;
}

/** Every circle among the edges, each as its files in order (Tarjan's strongly connected components). */
export function circles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  // Iterative: a deep chain of imports must not exhaust the stack.
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      if (i === 0) { index.set(v, n); low.set(v, n); n++; stack.push(v); on.add(v); }
      const succ = next.get(v) ?? [];
      if (i < succ.length) {
        top[1]++;
        const w = succ[i]!;
        if (!index.has(w)) work.push([w, 0]);
        else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) { const u = work[work.length - 1]![0]; low.set(u, Math.min(low.get(u)!, low.get(v)!)); }
      if (low.get(v) === index.get(v)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; on.delete(w); comp.push(w); } while (w !== v);
        if (comp.length > 1 || succ.includes(v)) out.push(comp.sort());
      }
    }
  }
  return out;
}

/** The problems of a whole import graph: walls crossed, circles closed, node: modules or barrels in src/lib. */
export function importProblems(edges: Edge[], nodeImports: Edge[] = [], barrels: string[] = []): string[] {
  const problems = edges.map(edgeProblem).filter((p): p is string => p !== null);
  for (const c of circles(edges)) problems.push(`circle: ${c.join(' -> ')} -> ${c[0]}`);
  for (const e of nodeImports) if (e.from.startsWith('src/lib/')) problems.push(`${e.from} -> ${e.to}: src/lib imports no node: module`);
  for (const b of barrels) problems.push(`${b}: re-exports another module (no barrels in src/lib)`);
  return problems.sort();
}

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = posix.join(dir, name);
    return statSync(join(ROOT, rel)).isDirectory() ? walk(rel) : /\.(ts|astro|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** The script parts of an .astro file: its front matter and its <script> blocks. */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [front, ...scripts].join('\n');
}

function graph(): { edges: Edge[]; nodeImports: Edge[]; barrels: string[] } {
  const files = ['src', 'scripts'].flatMap(walk);
  const edges: Edge[] = [], nodeImports: Edge[] = [], barrels: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const info = ts.preProcessFile(codeOf(file, text), true, true);
    for (const ref of info.importedFiles) {
      const spec = ref.fileName.replace(/\?[a-z]+$/, '');
      if (spec.startsWith('node:')) nodeImports.push({ from: file, to: spec });
      // Only code is subject to the plan; data and styles imported as assets (?raw CSV, CSS, the changelog) are not.
      if (!spec.startsWith('.') || !/\.(ts|astro|mjs|js)$/.test(spec)) continue;
      edges.push({ from: file, to: posix.normalize(posix.join(posix.dirname(file), spec)) });
    }
    if (file.startsWith('src/lib/') && /^export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s+from\s/m.test(text)) barrels.push(file);
  }
  return { edges, nodeImports, barrels };
}

describe('the floor plan of src/lib', () => {
  const g = graph();

  it('reads a real graph (the scanner sees static, dynamic and type-only imports)', () => {
    expect(g.edges.length).toBeGreaterThan(300);
    expect(g.edges).toContainEqual({ from: 'src/lib/read/office.ts', to: 'src/lib/read/word-doc.ts' }); // dynamic
    expect(g.edges).toContainEqual({ from: 'src/lib/read/input.ts', to: 'src/lib/read/result.ts' }); // type + value
  });

  it('every import follows the table and no import closes a circle', () => {
    expect(importProblems(g.edges, g.nodeImports, g.barrels)).toEqual([]);
  });

  it('names a planted violation, a planted circle, a node: import and a barrel', () => {
    const planted = [
      ...g.edges,
      { from: 'src/lib/text/fold.ts', to: 'src/lib/analyze/analyze.ts' },
      { from: 'src/lib/reuse/pack.ts', to: 'src/lib/reuse/similarity.ts' },
      { from: 'src/lib/views/themes.ts', to: 'scripts/lib/tables.ts' },
    ];
    const problems = importProblems(planted, [{ from: 'src/lib/text/fold.ts', to: 'node:fs' }], ['src/lib/reuse/index.ts']);
    expect(problems).toContain('src/lib/text/fold.ts -> src/lib/analyze/analyze.ts: src/lib/text may import only nothing outside itself');
    expect(problems).toContain('src/lib/views/themes.ts -> scripts/lib/tables.ts: src/lib may not import scripts');
    expect(problems.some((p) => p.startsWith('circle: ') && p.includes('src/lib/reuse/pack.ts') && p.includes('src/lib/reuse/similarity.ts'))).toBe(true);
    expect(problems).toContain('src/lib/text/fold.ts -> node:fs: src/lib imports no node: module');
    expect(problems).toContain('src/lib/reuse/index.ts: re-exports another module (no barrels in src/lib)');
  });

  it('parse reads only the catalogue from read/', () => {
    expect(edgeProblem({ from: 'src/lib/parse/parser.ts', to: 'src/lib/read/catalogue.ts' })).toBeNull();
    expect(edgeProblem({ from: 'src/lib/parse/parser.ts', to: 'src/lib/read/input.ts' })).toMatch(/may import only/);
  });

  it('every file of src/lib sits in a folder of the plan', () => {
    const loose = walk('src/lib').filter((f) => !(f.split('/')[2] ?? '' in LIB_RULE) || f.split('/').length !== 4);
    expect(loose.filter((f) => !f.endsWith('README.md'))).toEqual([]);
  });
});
