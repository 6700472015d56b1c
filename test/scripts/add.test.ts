/**
 * The curator's path, end to end, as a person runs it in a clone of the project: take a seed out of a copy of the
 * repository, `npm run add` it back from a file elsewhere, publish with the data build and the site build, then
 * review it. The added resolution must come back byte for byte with its sidecar, a curated file the build accepts,
 * `reviewed = false` in the published table (a PDF too, kept beside its text), a notice on its page and a mark in the list; once a reviewer signs it
 * off, `reviewed = true`. Refusals (same bytes again, empty file, no such file) are exit 2 with one line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import { METADATA_FIELDS, validateCurated, type Curated } from '../../src/lib/curated/curated.ts';
import { ROOT } from '../../src/node/paths.ts';

const ID = 'hai-phong-99-nq-hdnd-2024';
/** A second seed comes back as the text PDF the project printed of it (test/fixtures/formats). */
const PDF_ID = 'son-la-2024-04-17-nq-hdnd';
const SKIP = new Set(['node_modules', 'dist', '.git', '.astro', 'bench']);
const project = mkdtempSync(join(tmpdir(), 'add-e2e-'));
const incoming = join(project, '..', `${project.split('/').pop()}-incoming`);

function run(cmd: string, args: string[], timeout = 120_000) {
  const r = spawnSync(cmd, args, { cwd: project, encoding: 'utf8', timeout, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const add = (...args: string[]) => run(process.execPath, ['scripts/add.ts', ...args]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const curatedOf = () => JSON.parse(readFileSync(join(project, 'data/curated', `${ID}.json`), 'utf8')) as Curated;
const published = () => parseCsv('resolutions', readFileSync(join(project, 'public/data/resolutions.csv'), 'utf8'));

let original: Buffer;
let first: ReturnType<typeof add>;
let pdf: ReturnType<typeof add>;

beforeAll(() => {
  cpSync(ROOT, project, { recursive: true, filter: (src) => !SKIP.has(src.slice(ROOT.length).split('/')[0] ?? '') || src === ROOT });
  rmSync(join(project, 'public/data'), { recursive: true, force: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  // The seed leaves the repository: its text goes to a curator's download folder, its sidecar and review are gone.
  mkdirSync(incoming);
  original = readFileSync(join(project, 'data/raw', `${ID}.txt`));
  renameSync(join(project, 'data/raw', `${ID}.txt`), join(incoming, 'nghi-quyet-99.txt'));
  rmSync(join(project, 'data/raw', `${ID}.source.json`));
  rmSync(join(project, 'data/curated', `${ID}.json`));
  first = add(join(incoming, 'nghi-quyet-99.txt'), '--source', 'https://example.org/vbpl/99', '--retrieved', '2026-12-01');
  for (const f of [`${PDF_ID}.txt`, `${PDF_ID}.source.json`]) rmSync(join(project, 'data/raw', f));
  rmSync(join(project, 'data/curated', `${PDF_ID}.json`));
  cpSync(join(ROOT, 'test/fixtures/formats', `${PDF_ID}.pdf`), join(incoming, 'cong-bao-son-la.pdf'));
  pdf = add(join(incoming, 'cong-bao-son-la.pdf'));
}, 120_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(incoming, { recursive: true, force: true });
});

describe('npm run add, then npm run data and the site build', () => {
  it('stores the file byte for byte with its sidecar, and prints what to check', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(ID);
    expect(first.out).toMatch(/check/i);
    const stored = readFileSync(join(project, 'data/raw', `${ID}.txt`));
    expect(stored.equals(original)).toBe(true);
    const side = JSON.parse(readFileSync(join(project, 'data/raw', `${ID}.source.json`), 'utf8'));
    expect(side).toMatchObject({ id: ID, file: `${ID}.txt`, original_name: 'nghi-quyet-99.txt', source_url: 'https://example.org/vbpl/99', retrieved: '2026-12-01', sha256: sha(original), bytes: original.length, completeness: 'full' });
  });

  it('writes a curated file that validates, every value unreviewed and quoted from the text', () => {
    const c = curatedOf();
    expect(validateCurated(c)).toEqual([]);
    expect(c.reviewed).toBe(false);
    expect(c.raw_sha256).toBe(sha(original));
    const text = original.toString('utf8');
    for (const k of METADATA_FIELDS) {
      const f = c.metadata[k];
      expect([k, f.unreviewed]).toEqual([k, true]);
      if (f.value !== null && k !== 'source_url') expect([k, text.includes(f.evidence ?? '\u0000')]).toEqual([k, true]);
    }
    expect(c.metadata.number.value).toBe('99/NQ-HĐND');
  });

  it('keeps a PDF byte for byte beside the text read from it, and pre-fills its curated file', () => {
    expect([pdf.code, pdf.err]).toEqual([0, '']);
    const bytes = readFileSync(join(incoming, 'cong-bao-son-la.pdf'));
    expect(readFileSync(join(project, 'data/raw', `${PDF_ID}.pdf`)).equals(bytes)).toBe(true);
    const side = JSON.parse(readFileSync(join(project, 'data/raw', `${PDF_ID}.source.json`), 'utf8'));
    expect(side).toMatchObject({ id: PDF_ID, file: `${PDF_ID}.txt`, original: { file: `${PDF_ID}.pdf`, sha256: sha(bytes), bytes: bytes.length, read_as: 'pdf' } });
    const c = JSON.parse(readFileSync(join(project, 'data/curated', `${PDF_ID}.json`), 'utf8')) as Curated;
    expect(validateCurated(c)).toEqual([]);
    expect(c.raw_file).toBe(`${PDF_ID}.txt`);
    expect(c.metadata.adopted_on.value).toBe('2024-04-17');
    expect(c.metadata.council.value).toBe('Hội đồng nhân dân tỉnh Sơn La');
  });

  it('refuses the same bytes again, an empty file and a missing file: exit 2, one line naming the file', () => {
    const again = add(join(project, 'data/raw', `${ID}.txt`));
    expect(again.code).toBe(2);
    expect(again.err.trim().split('\n')).toHaveLength(1);
    expect(again.err).toContain(ID);
    writeFileSync(join(incoming, 'empty.txt'), '');
    const empty = add(join(incoming, 'empty.txt'));
    expect([empty.code, empty.err.trim().split('\n').length]).toEqual([2, 1]);
    expect(empty.err).toMatch(/empty\.txt.*empty/);
    const missing = add(join(incoming, 'nope.pdf'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/nope\.pdf: no such file/)]);
    expect(existsSync(join(project, 'data/curated', 'empty.json'))).toBe(false);
  });

  it('publishes it with reviewed = false, a notice on its pages and a mark in the list', () => {
    const data = run(process.execPath, ['scripts/build-data.ts']);
    expect([data.code, data.err]).toEqual([0, '']);
    const rows = published();
    expect(rows.find((r) => r.id === ID)).toMatchObject({ reviewed: false, number: '99/NQ-HĐND', completeness: 'full' });
    expect(rows.find((r) => r.id === PDF_ID)).toMatchObject({ reviewed: false, adopted_on: '2024-04-17', completeness: 'full' });
    expect(rows.filter((r) => r.id !== ID && r.id !== PDF_ID).every((r) => r.reviewed === true)).toBe(true);
    const site = run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], 300_000);
    expect(site.code).toBe(0);
    for (const prefix of ['', 'en/']) {
      const page = readFileSync(join(project, 'dist', prefix, 'resolutions', ID, 'index.html'), 'utf8');
      expect(page).toContain('data-testid="unreviewed-notice"');
      const other = readFileSync(join(project, 'dist', prefix, 'resolutions', 'lang-son-08-2024-nq-hdnd', 'index.html'), 'utf8');
      expect(other).not.toContain('data-testid="unreviewed-notice"');
      const list = readFileSync(join(project, 'dist', prefix, 'resolutions', 'index.html'), 'utf8');
      expect(list.match(/data-testid="unreviewed-marker"/g)).toHaveLength(2);
      expect(list.slice(list.indexOf(`data-id="${ID}"`)).split('</tr>')[0]).toContain('unreviewed-marker');
    }
  }, 400_000);

  it('once a reviewer signs it off, publishes reviewed = true', () => {
    const c = curatedOf();
    for (const k of METADATA_FIELDS) delete c.metadata[k].unreviewed;
    c.reviewed = { by: 'test reviewer', on: '2026-12-04' };
    writeFileSync(join(project, 'data/curated', `${ID}.json`), `${JSON.stringify(c, null, 2)}\n`);
    const data = run(process.execPath, ['scripts/build-data.ts']);
    expect([data.code, data.err]).toEqual([0, '']);
    expect(published().find((r) => r.id === ID)?.reviewed).toBe(true);
  });
});
