/**
 * The drafters' scorecard on real documents: each seed benchmarked against the other four, and drafts written for
 * the purpose (missing measures, a superseded law, the abolished district level, passages copied from a seed) get
 * exactly the findings they should. Also the `benchmark` command line contract.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { benchmarkDraft } from '../../src/lib/draft/scorecard.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { loadPeers } from '../../src/node/peers.ts';
import { loadCurated, loadReference } from '../../src/node/reference.ts';
import { ROOT } from '../../src/node/paths.ts';

const reference = loadReference();
const peers = loadPeers(reference);
const TODAY = '2026-11-22';
const seeds = loadCurated().filter((c) => c.completeness === 'full');

function card(text: string, excludeId?: string) {
  const a = analyzeResolution(normalizeText(text), reference);
  return { a, s: benchmarkDraft(a, peers.filter((p) => p.id !== (excludeId ?? a.metadata.id)), reference.register, { today: TODAY }) };
}

describe.each(seeds.map((c) => [c.id, c] as const))('seed %s against the other four', (id, c) => {
  const raw = readFileSync(join(ROOT, 'data/raw', c.raw_file), 'utf8');
  const a = analyzeResolution(normalizeText(raw), reference, { corrections: c.corrections });
  const s = benchmarkDraft(a, peers.filter((p) => p.id !== id), reference.register, { today: TODAY });

  it('coverage is what its provisions carry, and missing is the rest', () => {
    for (const m of s.measures) expect(s.coverage[m.code]).toBe(a.provisions.some((p) => p.measures.includes(m.code)));
    expect(s.missing_measures).toEqual(s.measures.filter((m) => m.status === 'missing').map((m) => m.code));
    for (const code of ['M1', 'M2', 'M3', 'M4', 'M5'] as const) expect(s.coverage[code]).toBe(true);
  });
  it('is compared with four peers, same level first, never itself', () => {
    expect(s.peers).toHaveLength(4);
    expect(s.peers.map((p) => p.id)).not.toContain(id);
    expect(s.similar.map((x) => x.id)).not.toContain(id);
    const firstOther = s.peers.findIndex((p) => !p.same_level);
    if (firstOther >= 0) expect(s.peers.slice(firstOther).every((p) => !p.same_level)).toBe(true);
  });
  it('lint: only what the text lacks', () => {
    const codes = s.lint.map((l) => l.code).sort();
    const expected: Record<string, string[]> = {
      'lang-son-08-2024-nq-hdnd': [],
      'son-la-2024-04-17-nq-hdnd': [],
      'an-giang-an-phu-47-nq-hdnd-2024': [],
      'hai-phong-99-nq-hdnd-2024': ['no_effect_clause'],
      'thai-nguyen-linh-son-36-nq-hdnd-2025': ['no_effect_clause'],
    };
    expect(codes).toEqual(expected[id]);
  });
});

describe('drafts', () => {
  it('a 2026 commune draft missing measures, citing the 2015 law, naming the district level', () => {
    const { s } = card(readFileSync(join(ROOT, 'data/examples/draft-missing-measures-2026.txt'), 'utf8'));
    expect(s.judged_on).toBe('2026-03-10');
    expect(s.missing_measures).toEqual(['M3', 'M4', 'M5', 'X1', 'X2']);
    expect(s.lint.map((l) => l.code).sort()).toEqual(['abolished_district_level', 'missing_core_basis', 'no_effect_clause', 'no_funding_clause', 'no_supervision_clause', 'outdated_legal_basis']);
    expect(s.lint.find((l) => l.code === 'abolished_district_level')?.message).toContain('("cấp huyện")');
    const outdated = s.lint.find((l) => l.code === 'outdated_legal_basis');
    expect(outdated?.provision).toBe('legal-basis-1');
    expect(outdated?.message_en).toContain('72/2025/QH15');
    expect(s.lint.find((l) => l.code === 'abolished_district_level')?.provision).toBe('dieu-1.khoan-1.diem-b');
    // Suggestions for what is missing come from peers, commune level first.
    expect(s.suggestions.filter((g) => g.measure === 'M3').length).toBeGreaterThan(0);
    expect(s.suggestions[0]?.level).toBe('commune');
  });

  it('a draft copying An Phú finds An Phú first, with the copied passage linked to its provision', () => {
    const { s } = card(readFileSync(join(ROOT, 'data/examples/draft-copied-from-an-phu.txt'), 'utf8'));
    expect(s.judged_on).toBe(TODAY);
    expect(s.similar[0]?.id).toBe('an-giang-an-phu-47-nq-hdnd-2024');
    const passage = s.similar[0]?.shared_passages.find((p) => p.source_provision === 'an-giang-an-phu-47-nq-hdnd-2024#dieu-1.khoan-3.diem-a');
    expect(passage?.draft_provision).toBe('dieu-1.khoan-1.diem-a');
    expect(passage?.text).toContain('Dân tin - Đảng cử');
    expect(s.lint).toEqual([]);
  });

  it('the same draft dated before the reform is not flagged for the district level', () => {
    const text = readFileSync(join(ROOT, 'data/examples/draft-missing-measures-2026.txt'), 'utf8').replace(/năm 2026/g, 'năm 2024');
    const { s } = card(text);
    expect(s.lint.map((l) => l.code)).not.toContain('abolished_district_level');
    expect(s.lint.map((l) => l.code)).not.toContain('outdated_legal_basis');
  });
});

describe('benchmark command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/benchmark.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  it('prints one JSON object with the contract keys', () => {
    const r = run('data/examples/draft-missing-measures-2026.txt', '--json', '--today', TODAY);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const k of ['analysis', 'coverage', 'missing_measures', 'lint', 'similar', 'peers', 'suggestions']) expect(doc).toHaveProperty(k);
    expect(Object.keys(doc.coverage)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']);
    expect(doc.lint[0]).toHaveProperty('message');
    expect(doc.lint[0]).toHaveProperty('provision');
    expect(doc.matched_source).toBeNull();
  });
  it('a copy of a curated source is read with its corrections and says which (matched_source)', () => {
    const text = readFileSync(join(ROOT, 'data/raw/an-giang-an-phu-47-nq-hdnd-2024.txt'), 'utf8');
    const p = join(mkdtempSync(join(tmpdir(), 'bench-')), 'copy.txt');
    writeFileSync(p, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    const doc = JSON.parse(run(p, '--json', '--today', TODAY).stdout);
    expect(doc.matched_source).toMatchObject({ id: 'an-giang-an-phu-47-nq-hdnd-2024', by: 'content' });
    expect(doc.analysis.corrections.length).toBeGreaterThan(0);
    expect(doc.analysis.provisions.some((x: { id: string }) => /diem-d-2$/.test(x.id))).toBe(false);
  });
  it('empty file: exit 2, one line', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'bench-')), 'empty.txt');
    writeFileSync(p, '');
    const r = run(p, '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('empty');
  });
});
