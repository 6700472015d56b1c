/**
 * The thematic pages' aggregations on the real published rows (built in memory as `npm run data` builds them):
 * counts agree with the tables they come from, openings are unknown (null) and never zero, full texts without a
 * measure are zero, the register's replacements are followed, the heat-map is symmetric, and the chart CSV is what
 * a spreadsheet expects (BOM, CRLF, quoting) and parses back to the same cells.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables } from '../../scripts/lib/tables.ts';
import { parseRegister, type LegalDocument } from '../../src/lib/reference/legal-register.ts';
import { ROOT_URL } from '../../src/node/paths.ts';
import { boilerplateRule, citedDocuments, CODES, fundingCells, fundingRows, longestPassages, measureCells, measureExamples, measuresByLevel, objectiveRows, orderedResolutions, practiceCounts, roleCounts, shortNames, similarityCells, supervisionCells, supervisionQuotes, targetsByMeasure, targetsByResolution, type ThemeTables } from '../../src/lib/views/themes.ts';
import { chartCsv } from '../../src/lib/publish/csv-text.ts';

let t: ThemeTables;
let register: LegalDocument[];
beforeAll(() => {
  t = buildTables().tables;
  register = parseRegister(readFileSync(new URL('data/reference/legal-documents.csv', ROOT_URL), 'utf8')).documents;
}, 120_000);

const LANG_SON = 'lang-son-08-2024-nq-hdnd';
const SON_LA = 'son-la-2024-04-17-nq-hdnd';
const HAI_PHONG = 'hai-phong-99-nq-hdnd-2024';
const BAC_GIANG = 'bac-giang-46-nq-hdnd-2024';
const LINH_SON = 'thai-nguyen-linh-son-36-nq-hdnd-2025';

describe('measures', () => {
  it('counts provisions per resolution and code; openings are unknown, full texts zero', () => {
    const cells = measureCells(t);
    expect(cells).toHaveLength(t.resolutions.length * CODES.length);
    const at = (id: string, code: string) => cells.find((c) => c.id === id && c.code === code);
    expect(at(BAC_GIANG, 'M1')).toMatchObject({ n_provisions: 1, status: 'found' });
    expect(at(BAC_GIANG, 'M2')).toMatchObject({ n_provisions: null, status: 'unknown' });
    expect(at(SON_LA, 'X2')).toMatchObject({ n_provisions: 0, status: 'not-found' });
    expect(at(LANG_SON, 'M1')?.n_provisions).toBe(5);
    for (const r of t.resolutions) {
      const total = cells.filter((c) => c.id === r.id).reduce((s, c) => s + (c.n_provisions ?? 0), 0);
      const expected = t.provisions.filter((p) => p.resolution_id === r.id).reduce((s, p) => s + p.measures.filter((m) => (CODES as readonly string[]).includes(m)).length, 0);
      expect(total, r.id).toBe(expected);
      if (r.completeness !== 'full') expect(cells.filter((c) => c.id === r.id && c.n_provisions === 0)).toEqual([]);
    }
  });

  it('by level: full texts and openings add up to the corpus', () => {
    const rows = measuresByLevel(t);
    const m1 = rows.filter((r) => r.code === 'M1');
    expect(m1.reduce((s, r) => s + r.n_full, 0)).toBe(t.resolutions.filter((r) => r.completeness === 'full').length);
    expect(m1.reduce((s, r) => s + r.n_openings, 0)).toBe(t.resolutions.filter((r) => r.completeness !== 'full').length);
    expect(rows.find((r) => r.level === 'province' && r.code === 'X2')).toMatchObject({ n_full: 3, n_full_with: 2 });
    expect(rows.find((r) => r.level === 'province' && r.code === 'M1')?.n_openings_with).toBe(1);
  });

  it('practice tags: counts from provision_measures, most used first, rejected labels left out', () => {
    const rows = practiceCounts(t);
    expect(rows.length).toBe(t.taxonomy.filter((x) => x.kind === 'practice').length);
    for (let i = 1; i < rows.length; i++) expect((rows[i - 1]?.n_provisions ?? 0) >= (rows[i]?.n_provisions ?? 0)).toBe(true);
    const total = rows.reduce((s, r) => s + r.n_provisions, 0);
    expect(total).toBe(t.provision_measures.filter((m) => m.code.startsWith('P-') && m.reviewed !== false).length);
    expect(rows[0]).toMatchObject({ code: 'P-chuyen-doi-so', n_provisions: 14, n_resolutions: 5 });
  });

  it('examples state the measure themselves, one per resolution', () => {
    const ex = measureExamples(t);
    for (const code of CODES) {
      const list = ex[code] ?? [];
      expect(list.length, code).toBeGreaterThan(0);
      expect(new Set(list.map((e) => e.resolution_id)).size).toBe(list.length);
      for (const e of list) {
        const m = t.provision_measures.find((x) => x.resolution_id === e.resolution_id && x.provision_id === e.provision_id && x.code === code);
        expect(m?.via === 'heading' || m?.via === 'text').toBe(true);
        expect(e.text.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('objectives', () => {
  it('lists every target with its provision and counts them by measure and unit', () => {
    const rows = objectiveRows(t);
    expect(rows).toHaveLength(t.objectives.length);
    expect(rows[0]?.resolution_id).toBe(BAC_GIANG);
    const counts = targetsByMeasure(t);
    expect(counts.find((c) => c.code === 'M1' && c.unit === 'lớp')).toMatchObject({ n_targets: 1, n_resolutions: 1 });
    // Each target counts once per code of its provision, once under '' when it has none.
    const expected = rows.reduce((s, o) => s + Math.max(1, o.measures.length), 0);
    expect(counts.reduce((s, c) => s + c.n_targets, 0)).toBe(expected);
  });

  it('per resolution: zero for full texts without targets, unknown for openings', () => {
    const by = new Map(targetsByResolution(t).map((r) => [r.id, r]));
    expect(by.get(HAI_PHONG)).toMatchObject({ n_targets: 9, status: 'found' });
    expect(by.get(SON_LA)).toMatchObject({ n_targets: 0, status: 'not-found' });
    expect(by.get('ninh-binh-30-2024-nq-hdnd')).toMatchObject({ n_targets: null, status: 'unknown' });
  });
});

describe('funding and supervision', () => {
  it('funding sources by resolution', () => {
    const cells = fundingCells(t);
    const at = (id: string, s: string) => cells.find((c) => c.id === id && c.source === s);
    expect(at(HAI_PHONG, 'board_support')?.status).toBe('found');
    expect(at(HAI_PHONG, 'board_support')?.provisions.map((p) => p.provision_id)).toEqual(['dieu-2.khoan-3.diem-b', 'dieu-2.khoan-4']);
    expect(at(LANG_SON, 'socialized')?.status).toBe('not-found');
    expect(at('ninh-binh-30-2024-nq-hdnd', 'state_budget')?.status).toBe('unknown');
    const budget = fundingRows(t, 'state_budget');
    expect(budget).toHaveLength(t.funding.filter((f) => f.source === 'state_budget').length);
    expect(budget.find((b) => b.resolution_id === LINH_SON)).toMatchObject({ budget_decentralisation: true, regular_spending: null, ref_vi: 'Điều 2' });
  });

  it('roles by body and resolution', () => {
    const counts = roleCounts(t);
    expect(counts.find((c) => c.role === 'implements' && c.actor === 'people_committee')).toMatchObject({ n_resolutions: 5, n_full: 5 });
    expect(counts.find((c) => c.role === 'reports')?.resolution_ids).toEqual([LANG_SON]);
    const cells = supervisionCells(t);
    expect(cells.find((c) => c.id === LINH_SON && c.actor === 'fatherland_front')?.roles).toEqual(['supervises']);
    expect(cells.find((c) => c.id === LANG_SON && c.actor === 'people_committee')?.roles).toEqual(['implements', 'reports']);
    expect(cells.find((c) => c.id === BAC_GIANG && c.actor === 'people_committee')?.status).toBe('unknown');
    const quotes = supervisionQuotes(t);
    expect(quotes.length).toBe(new Set(t.supervision.map((s) => `${s.resolution_id} ${s.provision_id} ${s.text}`)).size);
  });
});

describe('legal bases', () => {
  it('groups citations by document and follows the register to the document in force', () => {
    const docs = citedDocuments(t, register);
    expect(docs.reduce((s, d) => s + d.resolution_ids.length, 0)).toBe(new Set(t.legal_bases.map((b) => `${b.resolution_id} ${b.ref ?? b.citation}`)).size);
    const lgo = docs.find((d) => d.ref === 'luat-77-2015-qh13');
    expect(lgo).toMatchObject({ n_resolutions: 8, status: 'replaced', n_superseded: 0 });
    expect(lgo?.replaced_by.map((x) => x.number)).toEqual(['65/2025/QH15', '72/2025/QH15']);
    expect(docs[0]?.ref).toBe('luat-10-2022-qh15');
    expect(docs.find((d) => d.ref === 'luat-72-2025-qh15')?.status).toBe('in-force');
    expect(docs.reduce((s, d) => s + d.n_unknown, 0)).toBe(t.legal_bases.filter((b) => b.is_superseded === null).length);
  });
});

describe('text reuse', () => {
  it('is a symmetric matrix of the resolutions with text, 0 where no pair row exists', () => {
    const { ids, cells } = similarityCells(t);
    const withText = new Set(t.provisions.map((p) => p.resolution_id));
    expect(ids.every((id) => withText.has(id))).toBe(true);
    expect(ids.length).toBe(withText.size);
    expect(cells).toHaveLength(ids.length * (ids.length - 1));
    for (const c of cells) expect(cells.find((x) => x.a === c.b && x.b === c.a)?.score).toBe(c.score);
    const all = t.similarity.filter((s) => s.scope === 'all');
    expect(cells.filter((c) => c.score > 0)).toHaveLength(all.filter((s) => s.score > 0).length * 2);
    expect(cells.find((c) => c.a === LANG_SON && c.b === 'an-giang-an-phu-47-nq-hdnd-2024')?.score).toBe(0.1003); // IDF over the 16 texts with provisions (0.096 over 12, before the 2025 openings)
  });

  it('longest passages first, with references to both provisions', () => {
    const top = longestPassages(t, 5);
    expect(top[0]?.n_words).toBe(Math.max(...t.shared_passages.map((s) => s.n_words)));
    for (let i = 1; i < top.length; i++) expect((top[i - 1]?.n_words ?? 0) >= (top[i]?.n_words ?? 0)).toBe(true);
    expect(top[0]?.ref_b[0]).toMatch(/^Điều \d/);
  });

  it('states the boilerplate rule for this corpus', () => {
    expect(boilerplateRule(t)).toEqual({ n_documents: 16, min_df: 3, share: 0.6, threshold: 10 });
  });
});

describe('labels and CSV', () => {
  it('short names are unique', () => {
    const refs = orderedResolutions(t.resolutions);
    for (const lang of ['vi', 'en'] as const) {
      const names = shortNames(refs, t.resolutions, lang);
      expect(new Set(names.values()).size).toBe(refs.length);
    }
    expect(shortNames(refs, t.resolutions, 'vi').get('ho-chi-minh-53-2025-nq-hdnd')).toBe('Hồ Chí Minh (53/2025)');
  });

  it('writes CSV with a BOM and CRLF, quoting only where needed, parsing back to the same cells', () => {
    const csv = chartCsv(['a', 'b', 'c'], [['x, y', 'say "hi"', null], [1, true, 'Lạng Sơn']]);
    expect(csv.startsWith('\uFEFFa,b,c\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"x, y","say ""hi""",\r\n');
    const back = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(back).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', ''], ['1', 'true', 'Lạng Sơn']]);
  });
});
