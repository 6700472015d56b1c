/**
 * The overview's computations on the real tables, built with the library as `npm run data` builds them
 * (scripts/lib/tables.ts, in memory): matrix cells present / absent / unknown by completeness, first provisions,
 * headline facts, timeline, the 63 → 34 province lineage and completeness groups, and the CSVs of what is shown.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, type BuiltTables } from '../../scripts/lib/tables.ts';
import { sortRows } from '../../src/lib/publish/csv.ts';
import { GRASSROOTS_LAW_REF, completenessCsv, completenessGroups, countsByLevel, datedOn, headlineFacts, heatStep, lineageCsv, matrixCsv, measureMatrix, provinceLineage, timeline, timelineCsv, type Matrix } from '../../src/lib/views/overview.ts';
import { chartCsv } from '../../src/lib/publish/csv-text.ts';

let t: BuiltTables['tables'];
let matrix: Matrix;
const LANG_SON = 'lang-son-08-2024-nq-hdnd';
const BAC_GIANG = 'bac-giang-46-nq-hdnd-2024';
const HA_TINH = 'ha-tinh-146-2025-nq-hdnd';

beforeAll(() => {
  const built = buildTables().tables;
  t = { ...built, provisions: sortRows('provisions', built.provisions), resolutions: sortRows('resolutions', built.resolutions) };
  matrix = measureMatrix(t.resolutions, t.provisions, t.taxonomy);
}, 60_000);

const rowOf = (id: string) => {
  const row = matrix.rows.find((r) => r.resolution.id === id);
  if (!row) throw new Error(`no matrix row for ${id}`);
  return row;
};
const cellOf = (id: string, code: string) => {
  const c = rowOf(id).cells.find((x) => x.code === code);
  if (!c) throw new Error(`no cell ${id} × ${code}`);
  return c;
};
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('measureMatrix', () => {
  it('has one row per resolution and the seven measure columns in taxonomy order', () => {
    expect(matrix.rows).toHaveLength(t.resolutions.length);
    expect(matrix.codes.map((c) => c.code)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']);
  });

  it('links a present cell to the first provision in document order carrying the code, and counts them', () => {
    const c = cellOf(LANG_SON, 'M2');
    const carrying = t.provisions.filter((p) => p.resolution_id === LANG_SON && p.measures.includes('M2')).sort((a, b) => a.ord - b.ord);
    expect(c.status).toBe('present');
    expect(c.n).toBe(carrying.length);
    expect(c.first).toBe(carrying[0]?.provision_id);
    expect(c.firstAt).toEqual({ article: carrying[0]?.article, clause: carrying[0]?.clause, point: carrying[0]?.point });
    // The reader lands on words about communication (M2 is tuyên truyền, phổ biến, giáo dục pháp luật, nâng cao nhận
    // thức: Lạng Sơn's first is a principle the reviewer coded M2 for "nâng cao nhận thức").
    expect(carrying[0]?.text).toMatch(/tuyên truyền|nâng cao nhận thức/);
  });

  it('never says unknown for a full text, and never says absent for an opening or a catalogue entry', () => {
    for (const row of matrix.rows) {
      for (const c of row.cells) {
        if (c.status === 'present') continue;
        expect(c.status).toBe(row.resolution.completeness === 'full' ? 'absent' : 'unknown');
        expect(c.n).toBe(0);
        expect(c.first).toBeNull();
      }
    }
  });

  it('shows what an opening already holds as present, the rest as unknown', () => {
    expect(cellOf(BAC_GIANG, 'M1').status).toBe('present');
    expect(cellOf(BAC_GIANG, 'M2').status).toBe('unknown');
  });

  it('marks every code of the catalogue-only resolution unknown', () => {
    expect(rowOf(HA_TINH).cells.map((c) => c.status)).toEqual(Array(7).fill('unknown'));
  });

  it('marks a code missing from a full text absent: Sơn La assigns no task to the People\'s Inspection Boards (X2)', () => {
    expect(cellOf('son-la-2024-04-17-nq-hdnd', 'X2').status).toBe('absent');
  });

  it('agrees with resolutions.n_measures for every full text', () => {
    for (const row of matrix.rows.filter((r) => r.resolution.completeness === 'full')) {
      expect(row.cells.filter((c) => c.status === 'present').length).toBe(row.resolution.n_measures);
    }
  });

  it('orders full texts first, then openings, then catalogue entries', () => {
    const order = matrix.rows.map((r) => ['full', 'partial', 'metadata-only'].indexOf(r.resolution.completeness));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('writes the matrix as shown: BOM, a row per resolution, status, count and first provision per code', () => {
    const csv = matrixCsv(matrix);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv);
    expect(rows).toHaveLength(matrix.rows.length);
    const ls = rows.find((r) => r.resolution_id === LANG_SON);
    expect(ls?.M2).toBe('present');
    expect(ls?.M2_first_provision).toBe(cellOf(LANG_SON, 'M2').first);
    expect(rows.find((r) => r.resolution_id === HA_TINH)?.M1).toBe('unknown');
  });

  it('shades present cells in three steps', () => {
    expect([0, 1, 2, 4, 5, 30].map(heatStep)).toEqual([0, 1, 2, 2, 3, 3]);
  });
});

describe('headlineFacts', () => {
  it('counts resolutions by level and completeness, adding up to the whole', () => {
    const byLevel = countsByLevel(t.resolutions);
    expect(byLevel.reduce((a, l) => a + l.total, 0)).toBe(t.resolutions.length);
    for (const l of byLevel) expect(l.counts.full + l.counts.partial + l.counts['metadata-only']).toBe(l.total);
  });

  it('counts full texts with all five Điều 8 measures among full texts only, the rest unknown', () => {
    const f = headlineFacts(t);
    const full = t.resolutions.filter((r) => r.completeness === 'full');
    expect(f.allFive.of).toBe(full.length);
    expect(f.allFive.unknown).toHaveLength(t.resolutions.length - full.length);
    for (const id of f.allFive.ids) {
      for (const code of ['M1', 'M2', 'M3', 'M4', 'M5']) expect(cellOf(id, code).status).toBe('present');
    }
  });

  it('counts funding, citations of the law and superseded bases from their tables', () => {
    const f = headlineFacts(t);
    expect(new Set(f.funding.ids)).toEqual(new Set(t.funding.map((x) => x.resolution_id)));
    expect(f.funding.unknown).not.toContain(LANG_SON);
    expect(f.citesLaw.ids).toContain(LANG_SON);
    expect(f.citesLaw.unknown).toEqual([HA_TINH]);
    const citing = new Set(t.legal_bases.filter((b) => b.ref === GRASSROOTS_LAW_REF).map((b) => b.resolution_id));
    expect(new Set(f.citesLaw.ids)).toEqual(citing);
    const outdated = new Set(t.legal_bases.filter((b) => b.is_superseded === true).map((b) => b.resolution_id));
    expect(new Set(f.superseded.ids)).toEqual(outdated);
  });
});

describe('timeline', () => {
  it('dates by adoption, else by signing (marked), and lists the undated apart', () => {
    const tl = timeline(t.resolutions);
    expect(tl.points.length + tl.undated.length).toBe(t.resolutions.length);
    for (const r of tl.undated) expect(datedOn(r).on).toBeNull();
    const bg = tl.points.find((p) => p.id === BAC_GIANG);
    expect(bg).toMatchObject({ kind: 'signed', on: '2024-07-12' });
    expect(tl.points.find((p) => p.id === LANG_SON)).toMatchObject({ kind: 'adopted', on: '2024-07-23' });
    expect(tl.points.map((p) => p.on)).toEqual([...tl.points.map((p) => p.on)].sort());
    expect(new Set(tl.points.map((p) => p.label)).size).toBe(tl.points.length);
    expect(parse(timelineCsv(tl))).toHaveLength(t.resolutions.length);
  });
});

describe('provinceLineage', () => {
  it('finds 63 province-level units on 30 June 2025 and 34 from 1 July 2025', () => {
    const l = provinceLineage(t.jurisdictions, t.resolutions);
    expect(l.nBefore).toBe(63);
    expect(l.nAfter).toBe(34);
    expect(l.provinces.flatMap((p) => p.formers)).toHaveLength(63);
  });

  it('puts each resolution under the province that covers its area after the reform', () => {
    const l = provinceLineage(t.jurisdictions, t.resolutions);
    const ag = l.provinces.find((p) => p.unit.id === 'tinh-an-giang-2025');
    expect(ag?.formers.map((f) => f.unit.name)).toEqual(['An Giang', 'Kiên Giang']);
    expect(ag?.resolutionIds).toContain('an-giang-an-phu-47-nq-hdnd-2024');
    const bn = l.provinces.find((p) => p.unit.id === 'tinh-bac-ninh-2025');
    expect(bn?.formers.find((f) => f.unit.name === 'Bắc Giang')?.resolutionIds).toEqual([BAC_GIANG]);
    expect(l.provinces.find((p) => p.unit.id === 'tinh-lang-son')?.formers.map((f) => f.unit.id)).toEqual(['tinh-lang-son']);
    const all = l.provinces.flatMap((p) => p.resolutionIds);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(t.resolutions.length);
    expect(parse(lineageCsv(l))).toHaveLength(34);
  });
});

describe('completeness and CSV', () => {
  it('groups every resolution once by completeness', () => {
    const g = completenessGroups(t.resolutions);
    expect(g.map((x) => x.completeness)).toEqual(['full', 'partial', 'metadata-only']);
    expect(g.reduce((a, x) => a + x.resolutions.length, 0)).toBe(t.resolutions.length);
    expect(g[2]?.resolutions.map((r) => r.id)).toEqual([HA_TINH]);
    expect(parse(completenessCsv(g))).toHaveLength(t.resolutions.length);
  });

  it('quotes cells that need it and writes null as empty', () => {
    expect(chartCsv(['a', 'b'], [['x, "y"', null], [1, true]])).toBe('\uFEFFa,b\r\n"x, ""y""",\r\n1,true\r\n');
  });
});
