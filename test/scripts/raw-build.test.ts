/**
 * The data build from a directory of uncurated texts (the scale path: analysis on worker threads, text reuse on
 * threads of its own split by ranges of resolutions, tables written through a staging directory). On 60 synthetic
 * texts: the same bytes whatever the number of threads, every table present with its rows, and
 * public/data untouched when asked to publish synthetic texts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRawData } from '../../scripts/build-data.ts';
import { synthesize } from '../../scripts/synth.ts';

const root = mkdtempSync(join(tmpdir(), 'raw-build-'));
const raw = join(root, 'raw');
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Files only: public/data also holds the search index's directory (scripts/build-search.ts).
const files = (dir: string) => Object.fromEntries(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('buildRawData', () => {
  it('writes the same bytes with one thread or several, for analysis and for text reuse', async () => {
    mkdirSync(raw);
    for (const d of synthesize(60, 5)) writeFileSync(join(raw, d.file), d.text);
    const one = await buildRawData(raw, join(root, 'one'), { workers: 1, reuseWorkers: 1 });
    const two = await buildRawData(raw, join(root, 'two'), { workers: 2, reuseWorkers: 2 });
    const three = await buildRawData(raw, join(root, 'three'), { workers: 2, reuseWorkers: 3 });
    expect(one.report.resolutions).toBe(60);
    expect(one.report.reuse.pairsKept).toBeGreaterThan(60);
    const a = files(join(root, 'one'));
    expect(Object.keys(a)).toContain('shared_passages.parquet');
    expect(Object.keys(a)).toContain('datapackage.json');
    expect(files(join(root, 'two'))).toEqual(a);
    expect(files(join(root, 'three'))).toEqual(a);
    expect(two.report.tables.find((t) => t.table === 'shared_passages')?.rows).toBeGreaterThan(0);
  }, 120_000);

  it('refuses to publish synthetic texts, writing nothing into public/data', async () => {
    const pub = join(process.cwd(), 'public', 'data');
    const snapshot = () => (existsSync(pub) ? files(pub) : null);
    const before = snapshot();
    await expect(buildRawData(raw, pub)).rejects.toThrow(/60 synthetic texts.*never published/);
    expect(snapshot()).toEqual(before);
  }, 120_000);
});
