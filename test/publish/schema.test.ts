/**
 * The table declaration (src/lib/publish/schema.ts) and what derives from it in pure code: the column contract, the
 * declaration's own consistency, row types, validation messages, the CSV layout (src/lib/publish/csv.ts) with its
 * round-trip property, and the data dictionary (src/lib/publish/datapackage.ts).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { columnsOf, parseCsv, sortRows, toCsv } from '../../src/lib/publish/csv.ts';
import { CSV_BOM } from '../../src/lib/publish/csv-text.ts';
import { dataDictionary } from '../../src/lib/publish/datapackage.ts';
import type { DocKind } from '../../src/lib/parse/citations.ts';
import { type EffectiveRule } from '../../src/lib/parse/header.ts';
import { UNIT_TYPES as HEADER_UNIT_TYPES, type Level } from '../../src/lib/reference/vocabulary.ts';
import {
  TABLE_NAMES, TABLES, tableOf, type FieldDecl, type RowOf, type TableName,
} from '../../src/lib/publish/schema.ts';
import { isIsoDate, validateRows, validateTables } from '../../src/lib/publish/validate.ts';

/** The column contract agreed in the brief. shared_passages.ord is the one addition: two provisions can share several passages. */
const CONTRACT: Record<string, string> = {
  resolutions: 'id number title council jurisdiction jurisdiction_id level unit_type province province_after_2025 signed_on adopted_on effective_on effective_rule effective_source signer signer_title term session session_kind completeness reviewed source_url raw_file raw_sha256 n_provisions n_legal_bases n_corrections n_measures n_objectives has_funding_clause has_supervision_clause issues',
  provisions: 'resolution_id provision_id ord article clause point parent_id depth heading text struck_text start end n_chars measures placed_under',
  legal_bases: 'resolution_id ord kind number date_on title issuer ref is_superseded superseded_by citation',
  corrections: 'resolution_id correction_id kind before after reason start end',
  jurisdictions: 'id name unit_type level province_id code valid_from valid_until successor_id source note',
  taxonomy: 'code parent_code kind label_vi label_en description_vi description_en law_ref',
  provision_measures: 'resolution_id provision_id code via rule matched inherited_from object object_from object_in placed_under reviewed',
  objectives: 'resolution_id provision_id ord value value_max unit subject action deadline frequency text',
  funding: 'resolution_id provision_id source budget_decentralisation regular_spending text',
  supervision: 'resolution_id provision_id actor role text',
  similarity: 'resolution_a resolution_b scope score n_shared_passages',
  shared_passages: 'resolution_a provision_a resolution_b provision_b ord text n_words',
};

const exampleRow = (name: TableName) => Object.fromEntries(tableOf(name).fields.map((f) => [f.name, f.example]));

describe('declaration', () => {
  it('declares exactly the contracted tables and columns, in order', () => {
    expect(Object.fromEntries(TABLES.map((t) => [t.name, t.fields.map((f) => f.name).join(' ')]))).toEqual(CONTRACT);
  });

  it.each(TABLE_NAMES)('%s is consistent: names, keys, titles, descriptions, examples', (name) => {
    const t = tableOf(name);
    expect(t.name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(t.title.length).toBeGreaterThan(0);
    expect(t.title_vi).toMatch(/[^\x00-\x7f]/);
    const names = t.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of t.fields) {
      expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(f.description, `${name}.${f.name}`).toMatch(/^\S[^\n]*[.)]$/);
      if (f.type === 'string[]') expect(f.required, `${name}.${f.name}: lists are always required`).toBe(true);
      if (f.enum) expect(new Set(f.enum).size).toBe(f.enum.length);
    }
    for (const k of t.primaryKey) expect(t.fields.find((f) => f.name === k)?.required, `${name} key ${k}`).toBe(true);
    for (const fk of t.foreignKeys) {
      const target = tableOf(fk.table);
      expect(fk.fields.length).toBe(fk.references.length);
      for (const k of fk.fields) expect(names).toContain(k);
      for (const k of fk.references) expect(target.fields.map((f) => f.name)).toContain(k);
    }
    expect(validateRows(name, [exampleRow(name)])).toEqual([]);
  });

  it('agrees with the parser\'s vocabularies (header.ts unit words)', () => {
    const unitTypes = tableOf('resolutions').fields.find((f) => f.name === 'unit_type')?.enum ?? [];
    expect([...unitTypes].sort()).toEqual([...HEADER_UNIT_TYPES].sort());
  });

  it('gives row types that follow the declaration', () => {
    type R = RowOf<'resolutions'>;
    expectTypeOf<R['id']>().toEqualTypeOf<string>();
    expectTypeOf<R['number']>().toEqualTypeOf<string | null>();
    expectTypeOf<R['session']>().toEqualTypeOf<number | null>();
    expectTypeOf<R['effective_rule']>().toEqualTypeOf<EffectiveRule | null>();
    expectTypeOf<R['level']>().toEqualTypeOf<Level>();
    expectTypeOf<R['has_funding_clause']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<R['issues']>().toEqualTypeOf<string[]>();
    expectTypeOf<RowOf<'legal_bases'>['kind']>().toEqualTypeOf<DocKind>();
    expectTypeOf<RowOf<'similarity'>['score']>().toEqualTypeOf<number>();
    expectTypeOf<keyof RowOf<'supervision'>>().toEqualTypeOf<'resolution_id' | 'provision_id' | 'actor' | 'role' | 'text'>();
  });
});

describe('validateRows', () => {
  const ok = exampleRow('resolutions');
  const rows = (patch: Record<string, unknown>) => [
    { ...ok, id: 'lang-son-08-2024-nq-hdnd' },
    { ...ok, id: 'son-la-2024-04-17-nq-hdnd' },
    { ...ok, id: 'ha-tinh-146-2025-nq-hdnd', ...patch },
  ];

  it('names table, row, key, column, the allowed values and what it found', () => {
    expect(validateRows('resolutions', rows({ effective_rule: 'x' }))).toEqual([
      "resolutions row 3 (id=ha-tinh-146-2025-nq-hdnd): effective_rule must be one of date|on_adoption|on_signing, found 'x'",
    ]);
  });

  it.each([
    [{ session: '27' }, "session must be a finite number, found string '27'"],
    [{ session: 2.5 }, 'session must be a 32-bit integer, found 2.5'],
    [{ session: 2 ** 31 }, 'session must be a 32-bit integer'],
    [{ session: 0 }, 'session must be at least 1, found 0'],
    [{ title: null }, 'title is required, found null'],
    [{ number: '' }, 'number is an empty string; write null'],
    [{ council: 'Ho\u0302\u0323i đồng' }, 'council is not NFC-normalised'],
    [{ signed_on: '2024-02-30' }, "signed_on must be an ISO date YYYY-MM-DD, found '2024-02-30'"],
    [{ signed_on: '23/07/2024' }, 'signed_on must be an ISO date'],
    [{ has_funding_clause: 'true' }, "has_funding_clause must be true or false, found string 'true'"],
    [{ issues: 'no_number' }, 'issues must be a list of strings'],
    [{ issues: ['a;b'] }, "issues[0] must have no ';' and no surrounding white space, found 'a;b'"],
    [{ issues: [' no_number'] }, "issues[0] must have no ';' and no surrounding white space"],
    [{ issues: ['No number'] }, "issues[0] must match /[a-z][a-z0-9_-]*/, found 'No number'"],
    [{ raw_sha256: 'ABC' }, 'raw_sha256 must match /[0-9a-f]{64}/'],
    [{ level: 'tỉnh' }, "level must be one of province|district|commune, found 'tỉnh'"],
    [{ extra: 1 }, "unknown column 'extra'"],
    [{ id: 'lang-son-08-2024-nq-hdnd' }, 'duplicate primary key (id), first seen in row 1'],
  ])('refuses %j', (patch, message) => {
    const problems = validateRows('resolutions', rows(patch));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
    expect(problems[0]).toMatch(/^resolutions row 3 \(id=/);
  });

  it('refuses a missing column and an unknown table', () => {
    const { signer: _, ...withoutSigner } = ok;
    expect(validateRows('resolutions', [withoutSigner])).toEqual([
      'resolutions row 1 (id=lang-son-08-2024-nq-hdnd): column signer is missing; write null when there is no value',
    ]);
    expect(validateRows('resolution', [])[0]).toMatch(/^unknown table 'resolution'/);
  });

  it('checks dates by the calendar', () => {
    expect(['2024-02-29', '2000-02-29', '2025-12-31'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-1-01'].some(isIsoDate)).toBe(false);
  });

  it('checks foreign keys between the tables given, and only those', () => {
    const jur = { ...exampleRow('jurisdictions'), province_id: null, successor_id: null };
    const res = exampleRow('resolutions');
    expect(validateTables({ resolutions: [res], jurisdictions: [jur] })).toEqual([]);
    expect(validateTables({ resolutions: [res] })).toEqual([]);
    expect(validateTables({ resolutions: [{ ...res, jurisdiction_id: 'tinh-son-la' }], jurisdictions: [jur] })).toEqual([
      'resolutions row 1 (id=lang-son-08-2024-nq-hdnd): jurisdiction_id = tinh-son-la has no match in jurisdictions (id)',
    ]);
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['Lạng Sơn', 'đ', '"', '""', ',', ';', '\n', '\r\n', ' ', '  lề', 'cuối ', '=SUM(A1)', '- gạch', '😀', 'null', 'true', '007', '1e3', 'NA', '\t', 'Điều 4.'];

function randomValue(f: FieldDecl, rnd: () => number, i: number, unique: boolean): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  if (!f.required && rnd() < 0.3) return null;
  if (unique) return `${String(f.example)}-${i}`;
  if (f.enum) return pick(f.enum);
  switch (f.type) {
    case 'string[]':
      return Array.from({ length: Math.floor(rnd() * 4) }, () => pick(f.pattern ? ['no_number', 'struck_text'] : ['M1', 'M5', 'X2', 'M5.qr']));
    case 'string':
      if (f.pattern) return f.example;
      return Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(PIECES)).join('');
    case 'integer': {
      const lo = f.minimum ?? -2147483648;
      const hi = f.maximum ?? 2147483647;
      return rnd() < 0.2 ? pick([lo, hi]) : Math.min(hi, lo + Math.floor(rnd() * 100000));
    }
    case 'number':
      return f.maximum === 1 ? rnd() : pick([0.1 + 0.2, 1e-7, 1e21, -5.5, 100, 2 / 3, Number.MAX_VALUE]);
    case 'boolean':
      return rnd() < 0.5;
    case 'date':
      return pick(['2024-02-29', '1990-01-01', '2025-07-01', '2030-12-31']);
  }
}

describe('CSV', () => {
  const provision: RowOf<'provisions'> = {
    resolution_id: 'an-giang-an-phu-47-nq-hdnd-2024', provision_id: 'dieu-1.khoan-1.diem-b', ord: 4, article: 1,
    clause: '1', point: 'b', parent_id: 'dieu-1.khoan-1', depth: 3, heading: null,
    text: 'Các cơ quan, địa phương, doanh nghiệp quan tâm, "tạo điều kiện";\nđoạn hai',
    struck_text: null, start: 1870, end: 2136, n_chars: 70, measures: ['M1', 'X2'], placed_under: ['M1'],
  };

  it('writes BOM, declared header, CRLF, RFC 4180 quoting, empty nulls and joined lists', () => {
    expect(toCsv('provisions', [provision])).toBe(
      CSV_BOM +
        'resolution_id,provision_id,ord,article,clause,point,parent_id,depth,heading,text,struck_text,start,end,n_chars,measures,placed_under\r\n' +
        'an-giang-an-phu-47-nq-hdnd-2024,dieu-1.khoan-1.diem-b,4,1,1,b,dieu-1.khoan-1,3,,"Các cơ quan, địa phương, doanh nghiệp quan tâm, ""tạo điều kiện"";\nđoạn hai",,1870,2136,70,M1;X2,M1\r\n',
    );
    expect(columnsOf('provisions')).toEqual(CONTRACT.provisions?.split(' '));
  });

  it('reads what it writes, with or without BOM, with LF instead of CRLF', () => {
    const csv = toCsv('provisions', [provision, { ...provision, provision_id: 'dieu-1', measures: [], text: null }]);
    expect(parseCsv('provisions', csv)).toEqual([provision, { ...provision, provision_id: 'dieu-1', measures: [], text: null }]);
    expect(parseCsv('provisions', csv.slice(1).replace(/\r\n/g, '\n'))[0]).toEqual({ ...provision });
  });

  it('never guesses types: strings that look like numbers or booleans stay strings', () => {
    const row = { ...exampleRow('taxonomy'), code: '007', label_vi: 'true', label_en: '1e3', law_ref: 'null' } as RowOf<'taxonomy'>;
    expect(parseCsv('taxonomy', toCsv('taxonomy', [row]))).toStrictEqual([row]);
  });

  it.each([1, 2, 3])('round-trips random rows of every table (seed %i)', (seed) => {
    const rnd = random(seed);
    for (const t of TABLES) {
      const rows = Array.from({ length: 40 }, (_, i) =>
        Object.fromEntries(t.fields.map((f) => [f.name, randomValue(f, rnd, i, f.name === t.primaryKey[0])])),
      );
      expect(validateRows(t.name, rows), t.name).toEqual([]);
      expect(parseCsv(t.name, toCsv(t.name, rows as never)), t.name).toStrictEqual(rows);
    }
  });

  it('refuses a wrong header, a cell of the wrong type and invalid rows, naming row and column', () => {
    const csv = toCsv('provisions', [provision]);
    expect(() => parseCsv('provisions', csv.replace('ord,article', 'article,ord'))).toThrow(/header must be resolution_id,provision_id,ord,article/);
    expect(() => parseCsv('provisions', csv.replace(',4,1,1,b,', ',4,IV,1,b,'))).toThrow("provisions row 1: article must be an integer, found 'IV'");
    expect(() => parseCsv('provisions', csv.replace(',4,1,1,b,', ',4,1,1,b,x,'))).toThrow('provisions row 1: expected 16 cells, found 17');
    expect(() => parseCsv('provisions', csv.replace(',3,,', ',7,,'))).toThrow('depth must be at most 3, found 7');
    expect(() => toCsv('provisions', [{ ...provision, clause: '' }])).toThrow('clause is an empty string');
  });

  it('orders rows by primary key: numbers by value, strings by code unit', () => {
    const base = exampleRow('legal_bases') as RowOf<'legal_bases'>;
    const rows = [
      { ...base, resolution_id: 'lang-son-08-2024-nq-hdnd', ord: 10 },
      { ...base, resolution_id: 'lang-son-08-2024-nq-hdnd', ord: 2 },
      { ...base, resolution_id: 'an-giang-an-phu-47-nq-hdnd-2024', ord: 3 },
    ];
    expect(sortRows('legal_bases', rows).map((r) => `${r.resolution_id}#${r.ord}`)).toEqual([
      'an-giang-an-phu-47-nq-hdnd-2024#3', 'lang-son-08-2024-nq-hdnd#2', 'lang-son-08-2024-nq-hdnd#10',
    ]);
  });
});

describe('data dictionary', () => {
  it('has one row per declared column, in order, with the declared facts', () => {
    const rows = dataDictionary();
    expect(rows.map((r) => `${r.table}.${r.column}`)).toEqual(TABLES.flatMap((t) => t.fields.map((f) => `${t.name}.${f.name}`)));
    for (const r of rows) {
      const f = tableOf(r.table).fields.find((x) => x.name === r.column);
      expect(r.type).toBe(f?.type);
      expect(r.required).toBe(f?.required);
      expect(r.description.startsWith(f?.description ?? '?')).toBe(true);
      expect(r.allowed).toBe(f?.enum ? f.enum.join(' | ') : null);
    }
    expect(rows.find((r) => r.column === 'measures')).toMatchObject({ example: 'M1', type: 'string[]' });
    expect(rows.find((r) => r.column === 'has_funding_clause')?.example).toBe('true');
  });
});
