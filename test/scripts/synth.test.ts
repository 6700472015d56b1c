/**
 * The synthetic corpus (npm run synth): every text is marked synthetic on its first line and still reads as a
 * resolution; the parser reads ≥ 99% of them as complete, with the measures each measure clause was drawn for and
 * the id the generator intended; metadata respects the 2025 reform (no district after 30/6/2025, provinces valid on
 * the date, legal bases in force); the same count and seed give the same bytes, another seed other texts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { isValidOn } from '../../src/lib/reference/jurisdictions.ts';
import { SYNTHETIC_MARK, synthCorpus, synthPool } from '../../scripts/lib/synth.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { loadReference } from '../../src/node/reference.ts';
import { loadSynthSeeds } from '../../scripts/synth.ts';

const reference = loadReference();
const pool = synthPool(loadSynthSeeds(reference));
const docs = synthCorpus(pool, reference.jurisdictions, { count: 300, seed: 7 });
const analyses = docs.map((d) => analyzeResolution(normalizeText(d.text), reference));

describe('synthetic corpus', () => {
  it('draws on every full seed and on every measure code', () => {
    expect(new Set(pool.clauses.map((c) => c.seed)).size).toBe(5);
    expect([...new Set(pool.clauses.flatMap((c) => c.codes))].sort()).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']);
    expect(pool.funding.length).toBe(5);
  });

  it('marks every text synthetic on its first line, which the parser sets aside', () => {
    for (const d of docs) {
      expect(d.text.split('\n')[0]).toBe(SYNTHETIC_MARK);
      expect(d.text).not.toContain('\u0001');
    }
    for (const a of analyses) expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads ≥ 99% of the texts as complete, with the measures each measure clause was drawn for', () => {
    const good = docs.filter((d, i) => {
      const a = analyses[i];
      const clauses = a?.provisions.filter((p) => p.article === d.measuresArticle && p.clause !== null && p.point === null).map((p) => p.measures);
      return a?.metadata.complete && JSON.stringify(clauses) === JSON.stringify(d.measures);
    });
    console.log(`synthetic: ${good.length}/${docs.length} complete with the intended measures`);
    expect(good.length / docs.length).toBeGreaterThanOrEqual(0.99);
    expect(docs.every((d) => d.measures.length > 0)).toBe(true);
  });

  it('gives the ids the generator intended, unique, for all but a province name the parser cuts at its hyphen', () => {
    const same = docs.filter((d, i) => analyses[i]?.metadata.id === d.id);
    // "tỉnh Bà Rịa - Vũng Tàu" reads as "Bà Rịa" (header.ts stops a name at the hyphen): a parser limit the corpus exposes.
    const cut = docs.filter((d, i) => analyses[i]?.metadata.id !== d.id && d.meta.province.includes(' - '));
    expect(same.length + cut.length).toBe(docs.length);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('follows the 2025 reform: districts only before 1/7/2025, provinces valid on the date, legal bases in force', () => {
    const provinces = reference.jurisdictions.filter((j) => j.level === 'province');
    docs.forEach((d, i) => {
      if (d.meta.level === 'district') expect(d.meta.signed < '2025-07-01').toBe(true);
      if (d.meta.level !== 'province') expect(d.meta.name.startsWith('Mô Phỏng ')).toBe(true);
      expect(provinces.some((p) => p.name === d.meta.province && isValidOn(p, d.meta.signed))).toBe(true);
      expect(d.meta.signed >= '2023-09-01' && d.meta.signed <= '2026-06-30').toBe(true);
      expect(analyses[i]?.legal_bases.filter((b) => b.superseded === true)).toEqual([]);
    });
    expect(new Set(docs.map((d) => d.meta.level))).toEqual(new Set(['province', 'district', 'commune']));
    expect(docs.some((d) => d.meta.signed >= '2025-07-01') && docs.some((d) => d.meta.signed < '2025-07-01')).toBe(true);
  });

  it('is deterministic: the same count and seed give the same bytes, another seed other texts', () => {
    const again = synthCorpus(pool, reference.jurisdictions, { count: 300, seed: 7 });
    expect(again.map((d) => d.text)).toEqual(docs.map((d) => d.text));
    const other = synthCorpus(pool, reference.jurisdictions, { count: 300, seed: 8 });
    expect(other.filter((d, i) => d.text === docs[i]?.text).length).toBe(0);
  });
});
