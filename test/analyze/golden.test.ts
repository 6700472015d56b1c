/**
 * Golden cases: each full seed, analysed with its reviewed corrections, against expectations written from a careful
 * reading of the text (test/golden/<id>.json, each saying why the case exists). CI never rewrites these files; a
 * change in output is a diff to review like code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { loadCurated, loadReference } from '../../src/node/reference.ts';
import { ROOT } from '../../src/node/paths.ts';

const reference = loadReference();
const curated = new Map(loadCurated().map((c) => [c.id, c]));
const cases = readdirSync(`${ROOT}test/golden`).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

describe.each(cases)('%s', (id) => {
  const golden = JSON.parse(readFileSync(`${ROOT}test/golden/${id}.json`, 'utf8'));
  const c = curated.get(id);
  if (!c) throw new Error(`test/golden/${id}.json has no data/curated/${id}.json`);
  const a = analyzeResolution(normalizeText(readFileSync(`${ROOT}data/raw/${c.raw_file}`, 'utf8')), reference, { corrections: c.corrections });

  it('says why it exists', () => expect(golden.why.length).toBeGreaterThan(40));
  it('metadata', () => expect(a.metadata).toMatchObject(golden.metadata));
  it('agrees with the reviewed metadata', () => {
    for (const f of ['number', 'council', 'jurisdiction', 'level', 'unit_type', 'signed_on', 'adopted_on', 'effective_on', 'effective_rule', 'term', 'session', 'signer'] as const) {
      expect(a.metadata[f], f).toEqual(c.metadata[f].value);
    }
  });
  it('legal bases', () => expect(a.legal_bases.map((b) => `${b.kind} ${b.number ?? '?'} ${b.ref ?? '?'}`)).toEqual(golden.legal_bases));
  it('provision structure', () => expect(a.provisions.map((p) => p.id)).toEqual(golden.provisions));
  it('measure of every measures clause', () => {
    const got = Object.fromEntries(a.provisions.filter((p) => p.depth === 2 && p.measures.length).map((p) => [p.id, p.measures]));
    expect(got).toEqual(golden.measure_clauses);
  });
  it('funding sources, implementers and supervisors', () => {
    expect([...new Set(a.funding.map((f) => f.source))].sort()).toEqual(golden.funding_sources);
    expect([...new Set(a.supervision.filter((s) => s.role === 'supervises').map((s) => s.actor))].sort()).toEqual(golden.supervisors);
    expect([...new Set(a.supervision.filter((s) => s.role === 'implements').map((s) => s.actor))].sort()).toEqual(golden.implementers);
  });
  it('objectives', () => expect(a.objectives.map((o) => `${o.provision} ${o.value}${o.unit}`)).toEqual(golden.objectives));
  it('no correction failed and no error', () => expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]));
});
