/**
 * The scorecard in plain words, on real documents: a 2026 commune draft gets a summary (2 of 5 measures, what to fix
 * first), the 2015 law's end from the register (1/3/2025, replaced by 65/2025/QH15 then 72/2025/QH15), never the
 * judging date; an honest peer base; suggestions that never carry the district level or an outdated basis after
 * the reform, and "strengthen" ones only for measures the draft has. A published resolution pasted in another form is
 * recognised and has no commune peer left. The command line prints the same summary in Vietnamese and English.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { identifySource } from '../../src/lib/analyze/source-match.ts';
import { benchmarkDraft, supersededFacts } from '../../src/lib/draft/scorecard.ts';
import { readScorecard } from '../../src/lib/draft/reading.ts';
import { benchmarkContext, readBenchmarkContext, sourceKeys } from '../../src/lib/draft/context.ts';
import { codeWord, knownCodes, provisionPlace } from '../../src/lib/views/code-words.ts';
import { EXAMPLES, exampleSql } from '../../src/lib/views/explore.ts';
import { MEASURE_CODES } from '../../src/lib/reference/vocabulary.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { loadPeers } from '../../src/node/peers.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../../src/node/reference.ts';
import { edition } from '../../src/node/edition.ts';
import { ROOT } from '../../src/node/paths.ts';

const reference = loadReference();
const register = reference.register;
const peers = loadPeers(reference);
const TODAY = '2026-12-07';
const draftText = readFileSync(join(ROOT, 'data/examples/draft-missing-measures-2026.txt'), 'utf8');

function judge(text: string) {
  const a = analyzeResolution(normalizeText(text), reference);
  const s = benchmarkDraft(a, peers.filter((p) => p.id !== a.metadata.id), register, { today: TODAY });
  return { a, s };
}

describe('the register, not the judging date', () => {
  it('the 2015 local-government law stopped applying on 1/3/2025; 65/2025/QH15 then 72/2025/QH15 replaced it', () => {
    const doc = register.find((d) => d.id === 'luat-77-2015-qh13');
    if (!doc) throw new Error('register lacks luat-77-2015-qh13');
    const f = supersededFacts(doc, TODAY, register);
    expect(f.ended_on).toBe('2025-03-01');
    expect(f.replaced_by.map((r) => [r.number, r.effective_from])).toEqual([['65/2025/QH15', '2025-03-01'], ['72/2025/QH15', '2025-06-16']]);
    // Judged before 72/2025/QH15 existed, the chain stops at 65/2025/QH15.
    expect(supersededFacts(doc, '2025-04-01', register).replaced_by.map((r) => r.number)).toEqual(['65/2025/QH15']);
  });
  it('an amendment shares the end of the law it amends', () => {
    const doc = register.find((d) => d.id === 'luat-47-2019-qh14');
    if (!doc) throw new Error('register lacks luat-47-2019-qh14');
    const f = supersededFacts(doc, TODAY, register);
    expect(f.amends?.number).toBe('77/2015/QH13');
    expect(f.ended_on).toBe('2025-03-01');
  });
  it('says so when the register has no date', () => {
    const doc = { ...register.find((d) => d.id === 'luat-77-2015-qh13')!, replaced_by: null, effective_until: null };
    const f = supersededFacts(doc, TODAY, register.map((d) => (d.id === doc.id ? doc : d)));
    expect(f.ended_on).toBeNull();
  });
});

describe('a 2026 commune draft, read', () => {
  const { a, s } = judge(draftText);
  const vi = readScorecard(a, s, register, 'vi');
  const en = readScorecard(a, s, register, 'en');
  it('summary first: 2 of 5 measures, the outdated basis to fix first', () => {
    expect(vi.summary.headline).toBe('Dự thảo có 2/5 biện pháp của Điều 8 Luật Thực hiện dân chủ ở cơ sở.');
    expect(en.summary.headline).toContain('2 of the 5 measures');
    expect(vi.summary.fixes[0]).toContain('72/2025/QH15');
    expect(vi.summary.missing).toContain(codeWord('vi', 'measure', 'M3'));
  });
  it('the law\'s dates are the register\'s, never the judging date', () => {
    const f = vi.findings.find((x) => x.code === 'outdated_legal_basis');
    expect(f?.place).toBe('Căn cứ thứ 1');
    expect(f?.law).toContain('hết hiệu lực từ ngày 1/3/2025');
    expect(f?.law).toContain('65/2025/QH15 (có hiệu lực từ 1/3/2025)');
    expect(f?.law).toContain('72/2025/QH15 (có hiệu lực từ 16/6/2025)');
    expect(JSON.stringify(vi)).not.toContain('10/3/2026 ');
    expect(s.lint.find((l) => l.code === 'outdated_legal_basis')?.message).not.toContain(s.judged_on);
  });
  it('places are written as people write them', () => {
    expect(vi.findings.find((x) => x.code === 'abolished_district_level')?.place).toBe('Điều 1 khoản 1 điểm b');
    expect(en.findings.find((x) => x.code === 'abolished_district_level')?.place).toBe('Article 1(1)(b)');
  });
  it('peers: one commune-level resolution, named; medians never called same level otherwise', () => {
    expect(s.peer_basis).toMatchObject({ level: 'commune', same_level: true, ids: ['thai-nguyen-linh-son-36-nq-hdnd-2025'] });
    expect(vi.peer_base).toBe('So với 1 nghị quyết cấp xã đã công bố: Linh Sơn 36/NQ-HĐND.');
  });
  it('suggestions agree with the findings: no district level, no superseded act; present measures are to strengthen', () => {
    expect(s.suggestions.length).toBeGreaterThan(0);
    for (const g of s.suggestions) {
      expect(g.text).not.toMatch(/huyện/i);
      expect(g.text).not.toContain('77/2015/QH13');
      expect(g.kind).toBe(s.coverage[g.measure as 'M1'] ? 'strengthen' : 'add');
    }
    expect(s.suggestions_left_out).toBeGreaterThan(0);
  });
  it('no code in the words', () => {
    const words = JSON.stringify([vi.summary, vi.peer_base, vi.measures.map((m) => [m.name, m.places, m.compare]), vi.findings.map((f) => [f.place, f.what, f.law, f.todo]), vi.details, vi.suggestions.map((g) => [g.name, g.source, g.place])]);
    for (const c of [...MEASURE_CODES, ...knownCodes('actor').filter((x) => x.includes('_')), ...knownCodes('source'), ...s.lint.map((l) => l.code)]) expect(words).not.toMatch(new RegExp(`\\b${c}\\b`));
    expect(words).not.toMatch(/dieu-\d|legal-basis-/);
  });
});

describe('a published resolution in another form', () => {
  it('is recognised through the context the browser gets, and has no commune peer left', async () => {
    const curated = loadCurated();
    const ctx = readBenchmarkContext(JSON.parse(JSON.stringify(benchmarkContext(reference, peers, loadSourceKeys(curated), new Map(curated.map((c) => [c.id, c.corrections])), await edition()))));
    const raw = readFileSync(join(ROOT, 'data/raw/thai-nguyen-linh-son-36-nq-hdnd-2025.txt'), 'utf8').replace(/\n/g, '\r\n');
    const matched = identifySource(raw, null, sourceKeys(ctx));
    expect(matched).toMatchObject({ id: 'thai-nguyen-linh-son-36-nq-hdnd-2025', by: 'content' });
    const a = analyzeResolution(raw, ctx.reference, { matched, corrections: ctx.sources.find((x) => x.id === matched?.id)?.corrections });
    const s = benchmarkDraft(a, ctx.peers.filter((p) => p.id !== matched?.id), register, { today: TODAY });
    expect(s.peer_basis.same_level).toBe(false);
    expect(s.peer_basis.ids).toHaveLength(4);
    const vi = readScorecard(a, s, register, 'vi');
    expect(vi.peer_base).toMatch(/^Không có nghị quyết cấp xã nào đã công bố để so; so với 4 nghị quyết 3 cấp tỉnh, 1 cấp huyện:/);
    expect(vi.matched?.text).toContain('Linh Sơn 36/NQ-HĐND');
  });
});

describe('words for codes', () => {
  it('every measure, actor and source has a name in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const c of MEASURE_CODES) expect(codeWord(lang, 'measure', c)).not.toBe(c);
      for (const c of ['people_committee', 'standing_committee', 'committees', 'delegate_groups', 'delegates', 'fatherland_front', 'socio_political_orgs']) expect(codeWord(lang, 'actor', c)).not.toBe(c);
      for (const c of ['state_budget', 'socialized', 'other_lawful', 'board_support']) expect(codeWord(lang, 'source', c)).not.toBe(c);
    }
    expect(provisionPlace('vi', 'dieu-1.khoan-3.diem-c')).toBe('Điều 1 khoản 3 điểm c');
    expect(provisionPlace('en', 'dieu-1.khoan-3.diem-c')).toBe('Article 1(3)(c)');
  });
  it('the Vietnamese explorer\'s example comments are Vietnamese and name the codes', () => {
    const who = EXAMPLES.find((e) => e.id === 'who-supervises');
    if (!who) throw new Error('no who-supervises example');
    expect(exampleSql(who, 'vi')).toContain('standing_committee = Thường trực HĐND');
    for (const e of EXAMPLES) expect(exampleSql(e, 'vi').split('\n').filter((l) => l.startsWith('--')).join('\n')).not.toMatch(/unknown|register|at the resolution/);
  });
});

describe('npm run benchmark text report', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/benchmark.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  it('Vietnamese by default, English with --lang en, the same summary as the page', async () => {
    const { a, s } = judge(draftText);
    const vi = run('data/examples/draft-missing-measures-2026.txt', '--today', TODAY);
    expect(vi.status).toBe(0);
    expect(vi.stdout).toContain('TÓM TẮT');
    for (const f of readScorecard(a, s, register, 'vi').summary.fixes) expect(vi.stdout).toContain(f);
    expect(vi.stdout).toContain(`Phiên bản dữ liệu: ${(await edition()).dataset_version}`);
    const en = run('data/examples/draft-missing-measures-2026.txt', '--today', TODAY, '--lang', 'en');
    expect(en.stdout).toContain('SUMMARY');
    expect(en.stdout).toContain(readScorecard(a, s, register, 'en').summary.headline);
    expect(run('data/examples/draft-missing-measures-2026.txt', '--lang', 'fr').status).toBe(2);
  });
  it('--json gains only additive fields', async () => {
    const doc = JSON.parse(run('data/examples/draft-missing-measures-2026.txt', '--json', '--today', TODAY).stdout);
    expect(doc.report).toMatchObject({ file_name: 'draft-missing-measures-2026.txt', draft_sent: false, dataset_version: (await edition()).dataset_version });
    expect(doc.summary).toMatchObject({ law_measures: 5, law_measures_present: 2, missing_law_measures: ['M3', 'M4', 'M5'] });
    expect(doc.peer_basis.ids).toEqual(['thai-nguyen-linh-son-36-nq-hdnd-2025']);
    for (const k of ['analysis', 'matched_source', 'judged_on', 'coverage', 'missing_measures', 'measures', 'specificity', 'funding', 'supervision', 'lint', 'similar', 'peers', 'suggestions']) expect(doc).toHaveProperty(k);
  });
});
