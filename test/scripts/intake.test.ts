/**
 * The intake under stress, in a copy of the project: two adds of the same file at once (one wins, the other is
 * refused in one line, and the data still builds); an add killed while it moves its files into place (the next
 * `data` and `add` name the leftovers, `npm run add -- --repair` finishes it, and the data builds with it); a
 * resolution of a unit the reference does not list (added unreviewed, published as unlisted, blocking nothing);
 * a javascript: source at each way in (--source, the text's front matter, a curated file); an impossible date; a
 * corrupt curated JSON (named with its line by `analyze` and `data`); a value whose evidence is not in the raw text.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import { ROOT } from '../../src/node/paths.ts';

const AP = 'an-giang-an-phu-47-nq-hdnd-2024';
const HP = 'hai-phong-99-nq-hdnd-2024';
const SKIP = new Set(['node_modules', 'dist', '.git', '.astro', 'bench', 'public']);
const project = mkdtempSync(join(tmpdir(), 'intake-'));
const incoming = join(project, 'incoming');
const out = join(project, 'out');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: project, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const add = (...args: string[]) => run('scripts/add.ts', args);
const data = () => run('scripts/build-data.ts', ['--out', out]);
function addAsync(...args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['scripts/add.ts', ...args], { cwd: project, env: process.env });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, err }));
  });
}
const oneLine = (s: string) => s.endsWith('\n') && s.split('\n').length === 2;

beforeAll(() => {
  cpSync(ROOT, project, { recursive: true, filter: (src) => !SKIP.has(src.slice(ROOT.length).split('/')[0] ?? '') || src === ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  mkdirSync(incoming);
  // Two seeds leave the repository, to come back through add.
  for (const id of [AP, HP]) {
    writeFileSync(join(incoming, `${id}.txt`), readFileSync(join(project, 'data/raw', `${id}.txt`)));
    for (const f of [`raw/${id}.txt`, `raw/${id}.source.json`, `curated/${id}.json`]) rmSync(join(project, 'data', f));
  }
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('npm run add, atomic and safe', () => {
  it('two adds of the same file at once: one succeeds, the other is refused in one line; the data builds', async () => {
    const file = join(incoming, `${HP}.txt`);
    const [a, b] = await Promise.all([addAsync(file), addAsync(file)]);
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(oneLine(loser.err), loser.err).toBe(true);
    expect(loser.err).toMatch(/already in data\/raw|is taken|another npm run add is running/);
    expect(readdirSync(join(project, 'data/raw')).filter((f) => f.startsWith(HP))).toEqual([`${HP}.source.json`, `${HP}.txt`]);
    expect(existsSync(join(project, 'data/.staging'))).toBe(false);
    expect(existsSync(join(project, 'data/.add.lock'))).toBe(false);
    const d = data();
    expect(d.code, d.err).toBe(0);
  }, 240_000);

  it('an add killed while committing: data and add name the leftovers, --repair finishes it, the data builds', () => {
    const killed = run('scripts/add.ts', [join(incoming, `${AP}.txt`)], { DCCS_ADD_CRASH: 'first-rename' });
    expect(killed.code).toBe(2);
    expect(oneLine(killed.err), killed.err).toBe(true);
    const d = data();
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/^data: an interrupted npm run add left .*half-committed add of an-giang-an-phu-47-nq-hdnd-2024.*; run npm run add -- --repair/);
    const again = add(join(incoming, `${AP}.txt`));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/npm run add -- --repair/);
    const repaired = add('--repair');
    expect(repaired.code, repaired.err).toBe(0);
    expect(repaired.out).toMatch(/finished the add of an-giang-an-phu-47-nq-hdnd-2024/);
    expect(existsSync(join(project, 'data/curated', `${AP}.json`))).toBe(true);
    const after = data();
    expect(after.code, after.err).toBe(0);
    expect(parseCsv('resolutions', readFileSync(join(out, 'resolutions.csv'), 'utf8')).some((r) => r.id === AP)).toBe(true);
    expect(add('--repair').out).toBe('add: nothing to repair\n');
  }, 240_000);

  it('a unit missing from the reference is added unreviewed and published as unlisted, blocking nothing', () => {
    const text = readFileSync(join(incoming, `${AP}.txt`), 'utf8').replace(/An Phú/g, 'Tân Hòa Đông').replace(/AN PHÚ/g, 'TÂN HÒA ĐÔNG');
    writeFileSync(join(incoming, 'tan-hoa-dong.txt'), text);
    // The same text under its own name would be recognised as An Phú's: that one leaves the data first.
    for (const f of [`raw/${AP}.txt`, `raw/${AP}.source.json`, `curated/${AP}.json`]) rmSync(join(project, 'data', f));
    const r = add(join(incoming, 'tan-hoa-dong.txt'), '--id', 'tan-hoa-dong-47-2024');
    expect(r.code, r.err).toBe(0);
    const d = data();
    expect(d.code, d.err).toBe(0);
    // The text names no province for its district: it waits for the reference, said in one line; the rest is published.
    expect(d.out).toMatch(/tan-hoa-dong-47-2024: not published — huyện Tân Hòa Đông is not in data\/reference\/local-units.csv and the text names no province/);
    expect(parseCsv('resolutions', readFileSync(join(out, 'resolutions.csv'), 'utf8')).length).toBeGreaterThan(5);
    // Named with its province, the same unknown district is published as unlisted.
    const curatedPath = join(project, 'data/curated/tan-hoa-dong-47-2024.json');
    const c = JSON.parse(readFileSync(curatedPath, 'utf8')) as { metadata: Record<string, unknown> };
    c.metadata.province = { value: 'An Giang', evidence: 'TÂN HÒA ĐÔNG', note: 'test: the province a curator would add', unreviewed: true };
    writeFileSync(curatedPath, JSON.stringify(c, null, 2));
    const d2 = data();
    expect(d2.code, d2.err).toBe(0);
    {
      expect(d2.out).toMatch(/tan-hoa-dong-47-2024: huyện Tân Hòa Đông is not in data\/reference\/local-units.csv; published as unlisted/);
      const row = parseCsv('resolutions', readFileSync(join(out, 'resolutions.csv'), 'utf8')).find((x) => x.id === 'tan-hoa-dong-47-2024');
      expect(row).toMatchObject({ reviewed: false, jurisdiction: 'Tân Hòa Đông' });
      const units = parseCsv('jurisdictions', readFileSync(join(out, 'jurisdictions.csv'), 'utf8'));
      expect(units.find((u) => u.id === row?.jurisdiction_id)?.note).toMatch(/Not in the jurisdictions reference/);
    }
    rmSync(join(project, 'data/curated/tan-hoa-dong-47-2024.json'));
    for (const f of readdirSync(join(project, 'data/raw')).filter((x) => x.startsWith('tan-hoa-dong-47-2024'))) rmSync(join(project, 'data/raw', f));
  }, 240_000);
});

describe('a javascript: source, an impossible date, corrupt JSON and evidence not in the text', () => {
  it('--source javascript:… and --retrieved 2026-13-45 are refused in one line', () => {
    const file = join(incoming, `${AP}.txt`);
    for (const [flag, value, words] of [['--source', 'javascript:alert(1)', /--source must be an http\(s\) address/], ['--retrieved', '2026-13-45', /--retrieved must be a real date/]] as const) {
      const r = add(file, flag, value, '--dry-run');
      expect(r.code).toBe(2);
      expect(oneLine(r.err)).toBe(true);
      expect(r.err).toMatch(words);
    }
  }, 120_000);

  it("a text's front matter with source_url: javascript:… never reaches the curated file", () => {
    const text = `---\nsource_url: javascript:alert(document.cookie)\n---\n${readFileSync(join(incoming, `${AP}.txt`), 'utf8').replace(/An Phú/g, 'Phú Hữu').replace(/AN PHÚ/g, 'PHÚ HỮU')}`;
    writeFileSync(join(incoming, 'front.md'), text);
    const r = run('scripts/analyze.ts', [join(incoming, 'front.md'), '--json']);
    expect(r.code, r.err).toBe(0);
    const a = JSON.parse(r.out) as { metadata: { source_url: string | null }; issues: { code: string }[] };
    expect(a.metadata.source_url).toBeNull();
    expect(a.issues.map((i) => i.code)).toContain('source_url_refused');
  }, 120_000);

  it('a curated file with source_url javascript:… is refused by data, naming the file and the field', () => {
    const path = join(project, 'data/curated', `${HP}.json`);
    const before = readFileSync(path, 'utf8');
    const c = JSON.parse(before) as { metadata: { source_url: { value: string | null; evidence: string | null; note?: string } } };
    c.metadata.source_url = { value: 'javascript:alert(1)', evidence: 'javascript:alert(1)' };
    writeFileSync(path, JSON.stringify(c));
    try {
      const d = data();
      expect(d.code).toBe(2);
      expect(d.err).toMatch(new RegExp(`data/curated/${HP}.json[\\s\\S]*metadata.source_url «javascript:alert\\(1\\)» is not an http\\(s\\) address`));
    } finally {
      writeFileSync(path, before);
    }
  }, 120_000);

  it('a corrupt curated JSON is named with its line by analyze and by data', () => {
    const path = join(project, 'data/curated', `${HP}.json`);
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, before.replace('"metadata": {', '"metadata": {,'));
    try {
    const line = before.slice(0, before.indexOf('"metadata": {')).split('\n').length;
    const a = run('scripts/analyze.ts', [join(incoming, `${AP}.txt`)]);
    expect(a.code).toBe(2);
    expect(oneLine(a.err), a.err).toBe(true);
    expect(a.err).toMatch(new RegExp(`data/curated/${HP}.json line ${line}, column \\d+: not valid JSON`));
    const d = data();
    expect(d.code).toBe(2);
    expect(d.err).toMatch(new RegExp(`^data: data/curated/${HP}.json line ${line}, column \\d+: not valid JSON`));
    } finally {
      writeFileSync(path, before);
    }
  }, 120_000);

  it('a value whose evidence is not in the raw text is refused by data, naming the file and the field', () => {
    const path = join(project, 'data/curated', `${HP}.json`);
    const before = readFileSync(path, 'utf8');
    const c = JSON.parse(before) as { metadata: { signer: { value: string; evidence: string } } };
    c.metadata.signer = { value: 'Nguyễn Văn Bịa', evidence: 'Nguyễn Văn Bịa' };
    writeFileSync(path, JSON.stringify(c, null, 2));
    try {
      const d = data();
      expect(d.code).toBe(2);
      expect(oneLine(d.err)).toBe(true);
      expect(d.err).toMatch(new RegExp(`^data: data/curated/${HP}.json: metadata.signer: evidence «Nguyễn Văn Bịa» is not in the raw text`));
    } finally {
      writeFileSync(path, before);
    }
  }, 120_000);
});
