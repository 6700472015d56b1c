/**
 * The published data, built from the repository as `npm run data` does (into a temporary directory): every table
 * valid against its declaration, ids unique, every provision traceable to its place in the raw source, the Parquet
 * read back equal to the CSV, the build deterministic to the byte, and the seeds' facts as a careful reading gives.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data.ts';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import { isReviewed } from '../../src/lib/curated/curated.ts';
import { TABLE_NAMES, type TableName } from '../../src/lib/publish/schema.ts';
import { loadCurated } from '../../src/node/reference.ts';
import { validateRows } from '../../src/lib/publish/validate.ts';
import { foldVi, normalizeText } from '../../src/lib/text/normalize.ts';
import { ROOT } from '../../src/node/paths.ts';

const outA = mkdtempSync(join(tmpdir(), 'data-a-'));
const outB = mkdtempSync(join(tmpdir(), 'data-b-'));

beforeAll(async () => {
  await buildData(outA);
  await buildData(outB);
}, 120_000);

const csv = (dir: string, t: TableName) => parseCsv(t, readFileSync(join(dir, `${t}.csv`), 'utf8'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('published tables', () => {
  it('every declared table is written, valid, with a BOM for Excel', () => {
    for (const t of TABLE_NAMES) {
      const text = readFileSync(join(outA, `${t}.csv`), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(validateRows(t, csv(outA, t))).toEqual([]);
    }
  });

  it('is deterministic: two builds give identical bytes', () => {
    for (const t of TABLE_NAMES) {
      expect(sha(join(outB, `${t}.csv`))).toBe(sha(join(outA, `${t}.csv`)));
      expect(sha(join(outB, `${t}.parquet`))).toBe(sha(join(outA, `${t}.parquet`)));
    }
    expect(sha(join(outB, 'datapackage.json'))).toBe(sha(join(outA, 'datapackage.json')));
  });

  it('Parquet reads back equal to the CSV', async () => {
    for (const t of ['resolutions', 'provisions', 'legal_bases', 'corrections'] as const) {
      const buf = readFileSync(join(outA, `${t}.parquet`));
      const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      const rows = (await parquetReadObjects({ file, compressors })) as Record<string, unknown>[];
      const fromCsv = csv(outA, t) as unknown as Record<string, unknown>[];
      expect(rows.length).toBe(fromCsv.length);
      const norm = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'bigint' ? Number(v) : v]));
      expect(rows.map(norm)).toEqual(fromCsv.map(norm));
    }
  });

  it('datapackage.json lists every file with its sha256, a licence and the sources', () => {
    const pkg = JSON.parse(readFileSync(join(outA, 'datapackage.json'), 'utf8'));
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    expect(pkg.sources.length).toBeGreaterThanOrEqual(13);
    const paths = pkg.resources.map((r: { path: string }) => r.path);
    for (const t of TABLE_NAMES) expect(paths).toEqual(expect.arrayContaining([`${t}.csv`]));
    for (const r of pkg.resources) expect(r.hash ?? r.sha256 ?? '').toContain(sha(join(outA, r.path)));
  });
});

describe('traceability', () => {
  it('every provision points at its own words in the raw source', () => {
    const res = csv(outA, 'resolutions');
    const raws = new Map(res.map((r) => [r.id, normalizeText(readFileSync(join(ROOT, 'data/raw', r.raw_file), 'utf8'))]));
    const fold = (s: string) => foldVi(s.replace(/[*#_~|]/g, ' ')).replace(/[^a-z0-9]+/g, '');
    for (const p of csv(outA, 'provisions')) {
      const raw = raws.get(p.resolution_id) ?? '';
      const slice = fold(raw.slice(p.start, p.end));
      // The first words of the reading text stand in the slice (corrections may change a letter or two later on).
      expect(slice, `${p.resolution_id}#${p.provision_id}`).toContain(fold(p.text ?? '').slice(0, 12));
    }
  });

  it('every correction points at its before-text in the raw source', () => {
    const res = csv(outA, 'resolutions');
    const raws = new Map(res.map((r) => [r.id, readFileSync(join(ROOT, 'data/raw', r.raw_file), 'utf8')]));
    for (const c of csv(outA, 'corrections')) expect(raws.get(c.resolution_id)?.slice(c.start, c.end)).toBe(c.before);
  });

  it('ids are unique and every child row names an existing resolution and provision', () => {
    const ids = new Set(csv(outA, 'resolutions').map((r) => r.id));
    expect(ids.size).toBe(loadCurated().length);
    const provs = new Set(csv(outA, 'provisions').map((p) => `${p.resolution_id}#${p.provision_id}`));
    expect(provs.size).toBe(csv(outA, 'provisions').length);
    for (const t of ['provision_measures', 'objectives', 'funding', 'supervision'] as const) {
      for (const r of csv(outA, t) as { resolution_id: string; provision_id: string }[]) expect(provs.has(`${r.resolution_id}#${r.provision_id}`), `${t}`).toBe(true);
    }
  });
});

describe('facts a careful reading gives', () => {
  it('the five seeds and eight openings carry their reviewed metadata', () => {
    const byId = new Map(csv(outA, 'resolutions').map((r) => [r.id, r]));
    expect(byId.get('lang-son-08-2024-nq-hdnd')).toMatchObject({ number: '08/2024/NQ-HĐND', level: 'province', signed_on: '2024-07-23', adopted_on: '2024-07-23', effective_on: '2024-08-05', effective_rule: 'date', completeness: 'full', province_after_2025: 'Lạng Sơn' });
    expect(byId.get('son-la-2024-04-17-nq-hdnd')).toMatchObject({ number: null, signed_on: null, adopted_on: '2024-04-17', effective_rule: 'on_adoption', session_kind: 'thematic', session: 19 });
    expect(byId.get('thai-nguyen-linh-son-36-nq-hdnd-2025')).toMatchObject({ number: '36/NQ-HĐND', level: 'commune', unit_type: 'phường', province: 'Thái Nguyên', effective_on: null, effective_rule: null });
    expect(byId.get('an-giang-an-phu-47-nq-hdnd-2024')).toMatchObject({ level: 'district', unit_type: 'huyện', province: 'An Giang', signed_on: '2024-08-02', adopted_on: '2024-07-30', effective_on: '2024-08-02', effective_rule: 'on_signing' });
    expect(byId.get('hai-phong-99-nq-hdnd-2024')).toMatchObject({ number: '99/NQ-HĐND', level: 'province', unit_type: 'thành phố', effective_rule: null });
    expect(byId.get('ha-tinh-146-2025-nq-hdnd')).toMatchObject({ completeness: 'metadata-only', n_provisions: 0 });
    for (const id of ['bac-giang-46-nq-hdnd-2024', 'ninh-binh-30-2024-nq-hdnd', 'quang-tri-23-2025-nq-hdnd', 'phu-tho-47-nq-hdnd-2025']) expect(byId.get(id)?.completeness).toBe('partial');
  });

  it('reviewed is true exactly where a person checked every metadata value of the curated file', () => {
    const rows = csv(outA, 'resolutions');
    const curated = new Map(loadCurated().map((c) => [c.id, c]));
    expect(rows.length).toBe(curated.size);
    for (const r of rows) {
      const c = curated.get(r.id);
      if (!c) throw new Error(`${r.id} has no curated file`);
      expect([r.id, r.reviewed]).toEqual([r.id, isReviewed(c)]);
    }
  });

  it('legal bases are matched to the register and the 2015 local-government law is superseded for late resolutions', () => {
    const lb = csv(outA, 'legal_bases');
    const core = lb.filter((b) => b.ref === 'luat-10-2022-qh15');
    expect(new Set(core.map((b) => b.resolution_id)).size).toBeGreaterThanOrEqual(11);
    const ls = lb.filter((b) => b.resolution_id === 'lang-son-08-2024-nq-hdnd');
    expect(ls.map((b) => b.number ?? b.ref)).toEqual(['77/2015/QH13', '47/2019/QH14', '10/2022/QH15', '59/2023/NĐ-CP', '61/2023/NĐ-CP']);
    expect(ls.every((b) => b.is_superseded === false)).toBe(true);
    const ls2025 = lb.filter((b) => b.resolution_id === 'thai-nguyen-linh-son-36-nq-hdnd-2025');
    expect(ls2025[0]).toMatchObject({ number: '72/2025/QH15', is_superseded: false });
  });

  it('openings carry only the labels their text supports', () => {
    const partial = new Set(csv(outA, 'resolutions').filter((r) => r.completeness !== 'full').map((r) => r.id));
    const labelled = csv(outA, 'provisions').filter((p) => partial.has(p.resolution_id) && p.measures.length > 0);
    // Only Bắc Giang's opening reaches a measure clause (capacity building); every other opening stops before one.
    expect(labelled.map((p) => `${p.resolution_id}#${p.provision_id}:${p.measures.join(';')}`)).toEqual(['bac-giang-46-nq-hdnd-2024#dieu-1.khoan-1:M1']);
    const res = new Map(csv(outA, 'resolutions').map((r) => [r.id, r]));
    expect(res.get('bac-giang-46-nq-hdnd-2024')?.has_funding_clause).toBe(null);
    expect(res.get('binh-phuoc-khoa-x-ky-hop-12-nq-hdnd')?.has_supervision_clause).toBe(null);
  });
});
