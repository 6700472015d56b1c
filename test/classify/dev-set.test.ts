/**
 * The classifier on text it was not written from: data/dev/measures-dev.csv (222 real provisions from the law, its
 * decree, implementing texts and other subjects that share the trigger words, labelled by a reader before the
 * classifier was run). Prints per-code precision and recall and the micro F1, on the whole set and on its design and
 * held-out splits, and fails below the floors of issue 16: micro F1 ≥ 0.85 on grassroots-democracy rows, at most 1 in
 * 10 other-subject rows coded, X1 recall ≥ 0.8. The floors hold on the held-out split too (a little lower: F1 ≥ 0.8).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDevSet, parseDevSet, scoreDevSet, type DevScore } from '../../src/lib/classify/dev-set.ts';
import { loadReference } from '../../src/node/reference.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const { taxonomy } = loadReference();
const { rows, problems } = parseDevSet(readFileSync(new URL('data/dev/measures-dev.csv', ROOT_URL), 'utf8'));
const got = classifyDevSet(rows, taxonomy);
const score = (split: DevScore['split']) => scoreDevSet(rows, taxonomy, split, got);
const pct = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function report(s: DevScore): string {
  const lines = s.gd.codes.map((c) => `  ${c.code}  P ${pct(c.precision)}  R ${pct(c.recall)}  (tp ${c.true_positive}, fp ${c.false_positive}, fn ${c.false_negative})`);
  return [
    `dev set, ${s.split}: ${s.gd.overall.n_reviewed_provisions} gd rows, micro P ${pct(s.gd.overall.precision)} R ${pct(s.gd.overall.recall)} F1 ${pct(s.micro_f1)}; other rows coded ${s.n_other_coded}/${s.n_other}`,
    ...lines,
  ].join('\n');
}

describe('dev set (data/dev/measures-dev.csv)', () => {
  it('reads without problems, 150+ rows, both subjects', () => {
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.subject === 'other').length).toBeGreaterThan(30);
  });

  it('meets the floors on the whole set', () => {
    const s = score('all');
    console.log(report(s));
    expect(s.micro_f1 ?? 0).toBeGreaterThanOrEqual(0.85);
    expect(s.n_other_coded / s.n_other, `other rows coded: ${s.other_coded_ids.join(', ')}`).toBeLessThanOrEqual(0.1);
    expect(s.gd.codes.find((c) => c.code === 'X1')?.recall ?? 0).toBeGreaterThanOrEqual(0.8);
  });

  it('holds on the held-out rows (not looked at while the rules were written)', () => {
    const design = score('design');
    const held = score('held-out');
    console.log(report(design));
    console.log(report(held));
    expect(held.micro_f1 ?? 0).toBeGreaterThanOrEqual(0.8);
    expect(held.n_other_coded / held.n_other).toBeLessThanOrEqual(0.1);
  });

});
