/**
 * scripts/lib/write-tables.ts end to end on a small, coherent slice of real resolutions (Lạng Sơn 08/2024/NQ-HĐND
 * and An Phú 47/NQ-HĐND) covering all twelve tables: the Parquet read back with hyparquet equals the CSV parsed back
 * and the rows given; two runs (rows in another order) give the same bytes; invalid rows are refused before anything
 * is written; datapackage.json describes every file and matches the declaration.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTables } from '../../scripts/lib/write-tables.ts';
import { parseCsv, sortRows } from '../../src/lib/publish/csv.ts';
import { CSV_BOM } from '../../src/lib/publish/csv-text.ts';
import { DATA_LICENSE, toDataPackage } from '../../src/lib/publish/datapackage.ts';
import { TABLE_NAMES, tableOf, type RowOf, type TableName, type TableRows } from '../../src/lib/publish/schema.ts';

const LS = 'lang-son-08-2024-nq-hdnd';
const AP = 'an-giang-an-phu-47-nq-hdnd-2024';
const SUPERVISE = 'Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.';
const FUNDING = 'Kinh phí bảo đảm để triển khai thực hiện Nghị quyết được bố trí từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị, tổ chức, địa phương và các nguồn lực hợp pháp khác theo quy định của pháp luật.';

const resolution = (r: Partial<RowOf<'resolutions'>>): RowOf<'resolutions'> => ({
  id: LS, number: '08/2024/NQ-HĐND', title: 'Quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Lạng Sơn',
  council: 'Hội đồng nhân dân tỉnh Lạng Sơn', jurisdiction: 'Lạng Sơn', jurisdiction_id: 'tinh-lang-son', level: 'province',
  unit_type: 'tỉnh', province: 'Lạng Sơn', province_after_2025: 'Lạng Sơn', signed_on: '2024-07-23', adopted_on: '2024-07-23',
  effective_on: '2024-08-05', effective_rule: 'date', effective_source: 'text', signer: 'Đoàn Thị Hậu', signer_title: 'Chủ tịch',
  term: 'XVII', session: 27, session_kind: 'regular', completeness: 'full', reviewed: true, source_url: null, raw_file: `${LS}.txt`,
  raw_sha256: '9e30b3207bded9e50bd4dc5c93f31e65a48902098e2e2a9db776526609426dd3', n_provisions: 5, n_legal_bases: 2,
  n_corrections: 1, n_measures: 1, n_objectives: 1, has_funding_clause: true, has_supervision_clause: true, issues: [], ...r,
});

const provision = (r: Partial<RowOf<'provisions'>> & Pick<RowOf<'provisions'>, 'provision_id' | 'ord'>): RowOf<'provisions'> => ({
  resolution_id: LS, article: 4, clause: null, point: null, parent_id: null, depth: 1, heading: null, text: null,
  struck_text: null, start: 0, end: 0, n_chars: r.text?.length ?? 0, measures: [], placed_under: [], ...r,
});

const jurisdiction = (r: Partial<RowOf<'jurisdictions'>> & Pick<RowOf<'jurisdictions'>, 'id' | 'name'>): RowOf<'jurisdictions'> => ({
  unit_type: 'tỉnh', level: 'province', province_id: null, code: null, valid_from: null, valid_until: null, successor_id: null,
  source: 'data/reference/sources/provinces-2025.csv', note: null, ...r,
});

const SAMPLE = {
  resolutions: [
    resolution({}),
    resolution({
      id: AP, number: '47/NQ-HĐND', title: 'Về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn huyện An Phú',
      council: 'Hội đồng nhân dân huyện An Phú', jurisdiction: 'An Phú', jurisdiction_id: 'an-giang.huyen-an-phu', level: 'district',
      unit_type: 'huyện', province: 'An Giang', signed_on: '2024-08-02', adopted_on: '2024-07-30', effective_on: '2024-08-02',
      effective_rule: 'on_signing', signer: null, signer_title: null, term: 'VII', session: 13, raw_file: `${AP}.txt`,
      raw_sha256: '306fb57638f3c98e634059c853dd7fb4d5b34c85f24fa5de19edb61b3a350ab9', n_legal_bases: 0,
      n_provisions: 3, n_corrections: 0, n_objectives: 0, has_supervision_clause: null, issues: ['struck_text', 'no_legal_bases'],
    }),
  ],
  provisions: [
    provision({ provision_id: 'dieu-3', ord: 1, article: 3, heading: 'Mục tiêu thực hiện dân chủ ở cơ sở', start: 3390, end: 5000 }),
    provision({
      provision_id: 'dieu-3.khoan-4', ord: 2, article: 3, clause: '4', parent_id: 'dieu-3', depth: 2, start: 4400, end: 4990,
      text: '100% cơ quan, đơn vị, tổ chức, địa phương ban hành quy chế thực hiện dân chủ ở cơ sở; thôn, tổ dân phố ban hành hương ước, quy ước của thôn, tổ dân phố;',
    }),
    provision({ provision_id: 'dieu-5', ord: 3, article: 5, heading: 'Kinh phí thực hiện', text: FUNDING, start: 12200, end: 12560 }),
    provision({ provision_id: 'dieu-6.khoan-2', ord: 5, article: 6, clause: '2', parent_id: 'dieu-6', depth: 2, text: SUPERVISE, start: 12700, end: 12900 }),
    provision({ provision_id: 'dieu-6', ord: 4, article: 6, heading: 'Tổ chức thực hiện', start: 12560, end: 12900 }),
    provision({
      resolution_id: AP, provision_id: 'dieu-1', ord: 1, article: 1, start: 1253, end: 9675,
      heading: 'Tán thành về việc ban hành các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn huyện An Phú, như sau:',
    }),
    provision({
      resolution_id: AP, provision_id: 'dieu-1.khoan-1', ord: 2, article: 1, clause: '1', parent_id: 'dieu-1', depth: 2, start: 1325, end: 2136, measures: ['M1'],
      heading: 'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở, gồm:',
    }),
    provision({
      resolution_id: AP, provision_id: 'dieu-1.khoan-1.diem-b', ord: 3, article: 1, clause: '1', point: 'b', parent_id: 'dieu-1.khoan-1',
      depth: 3, start: 1870, end: 2136, text: 'Các cơ quan, địa phương, doanh nghiệp quan tâm,', measures: ['M1'],
      struck_text: 'tạo điều kiện, cử cán bộ, công chức, viên chức, người lao động tham gia các lớp đào tạo, bồi dưỡng, tập huấn nhằm nâng cao năng lực chuyên môn, nghiệp vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở;',
    }),
  ],
  legal_bases: [
    { resolution_id: LS, ord: 2, kind: 'luat', number: null, date_on: '2022-11-10', title: 'Thực hiện dân chủ ở cơ sở', issuer: null,
      ref: '10-2022-qh15', is_superseded: false, superseded_by: null, citation: 'Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022' },
    { resolution_id: LS, ord: 1, kind: 'luat', number: null, date_on: '2015-06-19', title: 'Tổ chức chính quyền địa phương', issuer: null,
      ref: '77-2015-qh13', is_superseded: false, superseded_by: '72-2025-qh15', citation: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015' },
  ],
  corrections: [
    { resolution_id: LS, correction_id: 'c01', kind: 'stamp', before: 'CÔNG BÁO\n| Số: 45 |', after: null, reason: 'Registry stamp text inside the body, not part of the resolution.', start: 980, end: 1001 },
  ],
  jurisdictions: [
    jurisdiction({ id: 'tinh-lang-son', name: 'Lạng Sơn', code: '20' }),
    jurisdiction({ id: 'tinh-an-giang', name: 'An Giang', code: '89', valid_until: '2025-06-30', successor_id: 'tinh-an-giang-2025' }),
    jurisdiction({ id: 'tinh-an-giang-2025', name: 'An Giang', code: '91', valid_from: '2025-07-01', note: 'An Giang and Kiên Giang merged (Nghị quyết 202/2025/QH15).' }),
    jurisdiction({ id: 'an-giang.huyen-an-phu', name: 'An Phú', unit_type: 'huyện', level: 'district', province_id: 'tinh-an-giang',
      valid_until: '2025-06-30', source: 'an-giang-an-phu-47-nq-hdnd-2024; Luật 72/2025/QH15' }),
  ],
  taxonomy: [
    { code: 'M1', parent_code: null, kind: 'measure', label_vi: 'Bồi dưỡng, tập huấn người thực hiện', label_en: 'Capacity building for implementers',
      description_vi: null, description_en: null, law_ref: 'Điều 8.1' },
    { code: 'M5', parent_code: null, kind: 'measure', label_vi: 'Công nghệ thông tin, chuyển đổi số', label_en: 'ICT and enabling conditions',
      description_vi: null, description_en: null, law_ref: 'Điều 8.5' },
    { code: 'M5.qr', parent_code: 'M5', kind: 'practice', label_vi: 'Mã QR tại bộ phận một cửa', label_en: 'QR codes at one-stop shops',
      description_vi: null, description_en: null, law_ref: null },
  ],
  provision_measures: [
    { resolution_id: AP, provision_id: 'dieu-1.khoan-1.diem-b', code: 'M1', via: 'inherited', rule: 'M1.boi-duong', matched: 'Bồi dưỡng nâng cao năng lực', inherited_from: 'dieu-1.khoan-1', object: null, object_from: null, object_in: null, placed_under: 'dieu-1.khoan-1', reviewed: null },
    { resolution_id: AP, provision_id: 'dieu-1.khoan-1', code: 'M1', via: 'heading', rule: 'M1.boi-duong', matched: 'Bồi dưỡng nâng cao năng lực', inherited_from: null, object: 'thực hiện dân chủ ở cơ sở', object_from: 'text', object_in: 'dieu-1.khoan-1', placed_under: null, reviewed: true },
  ],
  objectives: [
    { resolution_id: LS, provision_id: 'dieu-3.khoan-4', ord: 1, value: 100, value_max: null, unit: '%', subject: 'cơ quan, đơn vị, tổ chức, địa phương',
      action: 'ban hành quy chế thực hiện dân chủ ở cơ sở', deadline: null, frequency: null,
      text: '100% cơ quan, đơn vị, tổ chức, địa phương ban hành quy chế thực hiện dân chủ ở cơ sở' },
  ],
  funding: [
    { resolution_id: LS, provision_id: 'dieu-5', source: 'state_budget', budget_decentralisation: true, regular_spending: true, text: FUNDING },
    { resolution_id: LS, provision_id: 'dieu-5', source: 'other_lawful', budget_decentralisation: null, regular_spending: null,
      text: 'các nguồn lực hợp pháp khác theo quy định của pháp luật' },
  ],
  supervision: [
    { resolution_id: LS, provision_id: 'dieu-6.khoan-2', actor: 'standing_committee', role: 'supervises', text: SUPERVISE },
    { resolution_id: LS, provision_id: 'dieu-6.khoan-2', actor: 'delegates', role: 'supervises', text: SUPERVISE },
  ],
  similarity: [
    { resolution_a: AP, resolution_b: LS, scope: 'all', score: 0.3125, n_shared_passages: 1 },
    { resolution_a: AP, resolution_b: LS, scope: 'M1', score: 1 / 3, n_shared_passages: 0 },
  ],
  shared_passages: [
    { resolution_a: AP, provision_a: 'dieu-1.khoan-1', resolution_b: LS, provision_b: 'dieu-5', ord: 1,
      text: 'triển khai thực hiện Nghị quyết được bố trí từ nguồn ngân sách nhà nước', n_words: 15 },
  ],
} satisfies { [N in TableName]: RowOf<N>[] };

const SOURCES = [{ title: 'Nghị quyết 08/2024/NQ-HĐND tỉnh Lạng Sơn (raw text)', path: `data/raw/${LS}.txt` }];
const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const reversed = Object.fromEntries(Object.entries(SAMPLE).reverse().map(([k, v]) => [k, [...v].reverse()])) as TableRows;

let dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'write-tables-'));
  dirs.push(d);
  return d;
};
let outA = '';
let outB = '';
beforeAll(async () => {
  [outA, outB] = [await tempDir(), await tempDir()];
  await writeTables(outA, SAMPLE, { version: '0.1.0', sources: SOURCES });
  await writeTables(outB, reversed, { version: '0.1.0', sources: SOURCES });
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

describe('writeTables', () => {
  it('writes a CSV, a Parquet file and datapackage.json', async () => {
    expect((await readdir(outA)).sort()).toEqual(['datapackage.json', ...TABLE_NAMES.flatMap((n) => [`${n}.csv`, `${n}.parquet`])].sort());
  });

  it.each(TABLE_NAMES)('%s: Parquet read back equals CSV parsed back equals the rows, sorted by key', async (name) => {
    const csvText = await readFile(join(outA, `${name}.csv`), 'utf8');
    expect(csvText.startsWith(CSV_BOM)).toBe(true);
    const fromCsv = parseCsv(name, csvText);
    const fromParquet = await parquetReadObjects({
      file: toArrayBuffer(await readFile(join(outA, `${name}.parquet`))),
      compressors,
      parsers: { dateFromDays: (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10) },
    });
    expect(fromParquet).toStrictEqual(fromCsv);
    expect(fromCsv).toStrictEqual(sortRows(name, SAMPLE[name] as never));
  });

  it('gives the same bytes on every run, whatever the order of tables and rows', async () => {
    for (const f of await readdir(outA)) {
      expect(createHash('sha256').update(await readFile(join(outB, f))).digest('hex'), f).toBe(
        createHash('sha256').update(await readFile(join(outA, f))).digest('hex'),
      );
    }
  });

  it('carries awkward values through CSV and Parquet unchanged', async () => {
    const awkward = ['  lề trái', 'cuối ', 'a,b', '"trích"', 'dòng\r\nhai', 'dòng\nhai', 'CR\rlẻ', '=SUM(A1)', '- gạch đầu dòng', '😀 đ', 'null', '007', 'NA', '\t'];
    const provisions = SAMPLE.provisions.map((p, i) => ({ ...p, heading: awkward[i % awkward.length] ?? null, struck_text: awkward[(i + 7) % awkward.length] ?? null }));
    const objectives = [0.1 + 0.2, 1e21, -0.5, Number.MAX_VALUE, 5e-324, 0].map((value, i) => ({ ...SAMPLE.objectives[0]!, ord: i + 1, value, text: awkward[i] ?? 'x' }));
    const resolutions = SAMPLE.resolutions.map((r) => ({ ...r, session: 2147483647, n_provisions: 0 }));
    const out = await tempDir();
    const tables = { resolutions, provisions, objectives } satisfies TableRows;
    await writeTables(out, tables, { version: '0.1.0', sources: SOURCES });
    for (const name of ['resolutions', 'provisions', 'objectives'] as const) {
      const fromCsv = parseCsv(name, await readFile(join(out, `${name}.csv`), 'utf8'));
      const fromParquet = await parquetReadObjects({
        file: toArrayBuffer(await readFile(join(out, `${name}.parquet`))),
        compressors,
        parsers: { dateFromDays: (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10) },
      });
      expect(fromCsv, name).toStrictEqual(sortRows(name, tables[name] as never));
      expect(fromParquet, name).toStrictEqual(fromCsv);
    }
  });

  it('neutralises formula-looking cells in the CSV file only: an apostrophe in CSV, the value itself in Parquet', async () => {
    const formulas = ['=HYPERLINK("https://example.org","bấm")', '@SUM(1+1)', '+1', "'đã có dấu"];
    const provisions = SAMPLE.provisions.map((p, i) => ({ ...p, heading: formulas[i % formulas.length] ?? null }));
    const out = await tempDir();
    await writeTables(out, { provisions }, { version: '0.1.0', sources: SOURCES });
    const csv = await readFile(join(out, 'provisions.csv'), 'utf8');
    expect(csv).toContain(`,"'=HYPERLINK(""https://example.org"",""bấm"")",`);
    expect(csv).toContain(",'@SUM(1+1),");
    expect(csv).toContain(",''đã có dấu,");
    expect(csv).not.toMatch(/,[=@+]/);
    const fromParquet = await parquetReadObjects({ file: toArrayBuffer(await readFile(join(out, 'provisions.parquet'))), compressors });
    expect(fromParquet.map((r) => r.heading).sort()).toEqual(provisions.map((p) => p.heading).sort());
  });

  it('refuses invalid rows before writing anything, naming table, row and column', async () => {
    const out = await tempDir();
    const bad = { ...SAMPLE, resolutions: [SAMPLE.resolutions[0], { ...SAMPLE.resolutions[1]!, session: 'mười ba' }] };
    await expect(writeTables(join(out, 'x'), bad as never, { version: '0.1.0', sources: SOURCES })).rejects.toThrow(
      `resolutions row 2 (id=${AP}): session must be a finite number, found string 'mười ba'`,
    );
    const orphan = { provision_measures: [{ ...SAMPLE.provision_measures[0]!, provision_id: 'dieu-9' }], provisions: SAMPLE.provisions };
    await expect(writeTables(join(out, 'x'), orphan, { version: '0.1.0', sources: SOURCES })).rejects.toThrow(
      'provision_measures row 1 (resolution_id=an-giang-an-phu-47-nq-hdnd-2024, provision_id=dieu-9, code=M1): resolution_id, provision_id = an-giang-an-phu-47-nq-hdnd-2024, dieu-9 has no match in provisions',
    );
    expect(await readdir(out)).toEqual([]);
  });
});

describe('datapackage.json', () => {
  it('is stable JSON with sorted keys, the licence, sources, and the release\'s date (never the build\'s)', async () => {
    const text = await readFile(join(outA, 'datapackage.json'), 'utf8');
    const pkg = JSON.parse(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "description": ');
    expect(Object.keys(pkg)).toEqual([...Object.keys(pkg)].sort());
    expect(pkg.created).toBe('2026-11-22T00:00:00Z');
    expect(pkg).toMatchObject({ name: 'dan-chu-co-so', version: '0.1.0', licenses: [DATA_LICENSE], sources: SOURCES, profile: 'data-package' });
    expect(pkg.description).toMatch(/CC BY 4\.0.*MIT/);
  });

  it('gives every file its path, bytes and sha256', async () => {
    const pkg = JSON.parse(await readFile(join(outA, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(TABLE_NAMES.flatMap((n) => [n, `${n}-parquet`]));
    for (const r of pkg.resources) {
      const bytes = await readFile(join(outA, r.path));
      expect(r.bytes, r.path).toBe(bytes.byteLength);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect([r.format, r.mediatype]).toEqual(r.path.endsWith('.csv') ? ['csv', 'text/csv'] : ['parquet', 'application/vnd.apache.parquet']);
    }
  });

  it.each(TABLE_NAMES)('%s: resources match the declaration', (name) => {
    const pkg = toDataPackage({ version: '0', tables: TABLE_NAMES, sources: [], files: Object.fromEntries(TABLE_NAMES.map((n) => [n, { csv: `${n}.csv`, parquet: `${n}.parquet` }])) });
    const t = tableOf(name);
    const resources = (pkg.resources as { name: string; schema: { fields: Record<string, unknown>[]; primaryKey: string[]; foreignKeys?: unknown[] } }[])
      .filter((r) => r.name === name || r.name === `${name}-parquet`);
    expect(resources).toHaveLength(2);
    for (const r of resources) {
      const list = r.name === name ? 'string' : 'array';
      expect(r.schema.primaryKey).toEqual(t.primaryKey);
      expect(r.schema.foreignKeys ?? []).toHaveLength(t.foreignKeys.length);
      expect(r.schema.fields.map((f) => [f.name, f.type, (f.constraints as { required: boolean }).required])).toEqual(
        t.fields.map((f) => [f.name, f.type === 'string[]' ? list : f.type, f.required]),
      );
      for (const [i, f] of t.fields.entries()) {
        const out = r.schema.fields[i] as { description: string; example: string; constraints: Record<string, unknown> };
        expect(out.description.startsWith(f.description)).toBe(true);
        expect(typeof out.example).toBe('string');
        if (f.type !== 'string[]') expect(out.constraints.enum).toEqual(f.enum);
      }
    }
  });
});
