// Jurisdictions and their 2025 lineage, built from the official province list and the corpus's local units.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  buildJurisdictions,
  isValidOn,
  levelOf,
  resolveJurisdiction,
  successorOn,
  type Jurisdiction,
} from '../../src/lib/reference/jurisdictions.ts';

const provincesCsv = readFileSync('data/reference/sources/provinces-2025.csv', 'utf8');
const localCsv = readFileSync('data/reference/local-units.csv', 'utf8');
const { jurisdictions: all, problems } = buildJurisdictions(provincesCsv, localCsv);
const byId = (id: string) => all.find((j) => j.id === id) as Jurisdiction;
const provincesOn = (d: string) => all.filter((j) => j.level === 'province' && isValidOn(j, d));

describe('buildJurisdictions', () => {
  it('builds without problems and with unique ids', () => {
    expect(problems).toEqual([]);
    expect(new Set(all.map((j) => j.id)).size).toBe(all.length);
  });

  it('has 63 provincial units on 2025-06-30 and 34 on 2025-07-01', () => {
    expect(provincesOn('2025-06-30')).toHaveLength(63);
    expect(provincesOn('2025-07-01')).toHaveLength(34);
    expect(provincesOn('2025-07-01').filter((j) => j.valid_from === '2025-07-01')).toHaveLength(23);
    expect(provincesOn('2025-07-01').filter((j) => j.valid_from === null)).toHaveLength(10);
  });

  it('keeps an unchanged unit as one row (Lạng Sơn, Sơn La)', () => {
    for (const [id, code] of [['tinh-lang-son', '20'], ['tinh-son-la', '14']] as const) {
      const j = byId(id);
      expect(j).toMatchObject({ unit_type: 'tỉnh', level: 'province', code, valid_from: null, valid_until: null, successor_id: null });
      expect(successorOn(all, id, '2025-07-01')?.id).toBe(id);
    }
    expect(all.filter((j) => j.name === 'Lạng Sơn')).toHaveLength(1);
  });

  it('Hải Phòng 2024 → the city merged with Hải Dương from 2025-07-01', () => {
    expect(byId('thanh-pho-hai-phong')).toMatchObject({ code: '31', valid_until: '2025-06-30', successor_id: 'thanh-pho-hai-phong-2025' });
    expect(byId('tinh-hai-duong')).toMatchObject({ code: '30', valid_until: '2025-06-30', successor_id: 'thanh-pho-hai-phong-2025' });
    expect(byId('thanh-pho-hai-phong-2025')).toMatchObject({ unit_type: 'thành phố', code: '31', valid_from: '2025-07-01', valid_until: null });
    expect(successorOn(all, 'thanh-pho-hai-phong', '2024-12-06')?.id).toBe('thanh-pho-hai-phong');
    expect(successorOn(all, 'thanh-pho-hai-phong', '2025-07-01')?.id).toBe('thanh-pho-hai-phong-2025');
    expect(successorOn(all, 'thanh-pho-hai-phong-2025', '2024-12-06')).toBeNull();
  });

  it('An Giang → An Giang 2025 with Kiên Giang; codes change to the host member\'s', () => {
    expect(byId('tinh-an-giang')).toMatchObject({ code: '89', successor_id: 'tinh-an-giang-2025' });
    expect(byId('tinh-kien-giang')).toMatchObject({ code: '91', successor_id: 'tinh-an-giang-2025' });
    expect(byId('tinh-an-giang-2025')).toMatchObject({ code: '91', valid_from: '2025-07-01' });
    expect(byId('tinh-bac-giang').successor_id).toBe('tinh-bac-ninh-2025');
    expect(byId('tinh-bac-ninh-2025').code).toBe('24');
    expect(byId('tinh-tay-ninh-2025').code).toBe('80');
    expect(successorOn(all, 'tinh-bac-kan', '2025-12-19')?.id).toBe('tinh-thai-nguyen-2025');
  });

  it('Thừa Thiên Huế until 2024-12-31, thành phố Huế from 2025-01-01, unchanged in July 2025', () => {
    expect(byId('tinh-thua-thien-hue')).toMatchObject({ unit_type: 'tỉnh', valid_until: '2024-12-31', successor_id: 'thanh-pho-hue', code: '46' });
    expect(byId('thanh-pho-hue')).toMatchObject({ unit_type: 'thành phố', valid_from: '2025-01-01', valid_until: null, code: '46' });
    expect(provincesOn('2024-12-31').map((j) => j.id)).toContain('tinh-thua-thien-hue');
    expect(provincesOn('2024-12-31')).toHaveLength(63);
    expect(successorOn(all, 'tinh-thua-thien-hue', '2025-07-01')?.id).toBe('thanh-pho-hue');
  });

  it('codes are those of the csv: each old unit has code_before, its successor code_after', () => {
    const rows = Papa.parse<Record<string, string>>(provincesCsv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(63);
    for (const r of rows) {
      const old = resolveJurisdiction(all, { name: r.name_before!, unit_type: r.type_before!, on: '2025-06-30' });
      expect(old?.code, r.name_before).toBe(r.code_before);
      const next = successorOn(all, old!.id, '2025-07-01');
      expect(next?.code, r.name_before).toBe(r.code_after);
      expect(next?.name).toBe(r.name_after);
    }
  });

  it('places the corpus\'s district and ward in the province of their time', () => {
    expect(byId('an-giang.huyen-an-phu')).toMatchObject({ level: 'district', province_id: 'tinh-an-giang', valid_until: '2025-06-30', successor_id: null, code: null });
    expect(successorOn(all, 'an-giang.huyen-an-phu', '2025-07-01')).toBeNull();
    expect(byId('thai-nguyen.phuong-linh-son')).toMatchObject({ level: 'commune', province_id: 'tinh-thai-nguyen-2025', valid_from: '2025-07-01' });
    expect(byId('an-giang.huyen-an-phu').source).toMatch(/an-giang-an-phu-47-nq-hdnd-2024/);
  });

  it('reports bad local units instead of throwing', () => {
    const bad = [
      'id,name,unit_type,level,province_name,valid_from,valid_until,successor_id,source,note',
      'an-giang.an-phu,An Phú,huyện,district,An Giang,,2025-06-30,,x,',
      'x.xa-y,Y,làng,commune,An Giang,,,,x,',
      'atlantis.xa-z,Z,xã,district,Atlantis,2025-07-01,,,,',
    ].join('\n');
    const r = buildJurisdictions(provincesCsv, bad);
    const p = r.problems.join('\n');
    expect(p).toMatch(/id «an-giang.an-phu» should be «an-giang.huyen-an-phu»/);
    expect(p).toMatch(/unit type «làng»/);
    expect(p).toMatch(/level district does not fit unit type xã/);
    expect(p).toMatch(/no province «Atlantis» valid on 2025-07-01/);
    expect(p).toMatch(/atlantis.xa-z: source is empty/);
    expect(buildJurisdictions('a,b\n1,2\n', '').problems[0]).toMatch(/expected columns code_before/);
  });
});

describe('resolveJurisdiction', () => {
  it('ignores diacritics, case and a leading type word', () => {
    expect(resolveJurisdiction(all, { name: 'lang son', unit_type: 'tinh' })?.id).toBe('tinh-lang-son');
    expect(resolveJurisdiction(all, { name: 'LẠNG SƠN', unit_type: 'tỉnh', on: '2024-07-23' })?.id).toBe('tinh-lang-son');
    expect(resolveJurisdiction(all, { name: 'tỉnh Sơn La', unit_type: 'tỉnh' })?.id).toBe('tinh-son-la');
  });

  it('picks the unit valid on the date, else the current one', () => {
    expect(resolveJurisdiction(all, { name: 'Hải Phòng', unit_type: 'thành phố', on: '2024-12-06' })?.id).toBe('thanh-pho-hai-phong');
    expect(resolveJurisdiction(all, { name: 'Hải Phòng', unit_type: 'thành phố', on: '2025-07-01' })?.id).toBe('thanh-pho-hai-phong-2025');
    expect(resolveJurisdiction(all, { name: 'Hải Phòng', unit_type: 'thành phố' })?.id).toBe('thanh-pho-hai-phong-2025');
    expect(resolveJurisdiction(all, { name: 'Hải Dương', unit_type: 'tỉnh', on: '2025-07-01' })).toBeNull();
    expect(resolveJurisdiction(all, { name: 'Thừa Thiên Huế', unit_type: 'tỉnh', on: '2024-06-01' })?.id).toBe('tinh-thua-thien-hue');
    expect(resolveJurisdiction(all, { name: 'Huế', unit_type: 'thành phố', on: '2025-03-01' })?.id).toBe('thanh-pho-hue');
  });

  it('restricts by province', () => {
    expect(resolveJurisdiction(all, { name: 'An Phú', unit_type: 'huyện', province: 'an giang', on: '2024-08-02' })?.id).toBe('an-giang.huyen-an-phu');
    expect(resolveJurisdiction(all, { name: 'An Phú', unit_type: 'huyện', province: 'Kiên Giang' })).toBeNull();
    expect(resolveJurisdiction(all, { name: 'An Phú', unit_type: 'huyện', on: '2025-07-02' })).toBeNull();
    expect(resolveJurisdiction(all, { name: 'Linh Sơn', unit_type: 'phường', province: 'Thái Nguyên', on: '2025-12-19' })?.id).toBe('thai-nguyen.phuong-linh-son');
  });
});

describe('levelOf', () => {
  it('gives the default level of each unit type', () => {
    expect(['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu'].map(levelOf)).toEqual([
      'province', 'province', 'district', 'district', 'district', 'commune', 'commune', 'commune', 'commune',
    ]);
    expect(levelOf('Phường')).toBe('commune');
    expect(levelOf('thôn')).toBeNull();
  });
});
