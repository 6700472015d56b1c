/**
 * Agreement between the reviewer and the classifier: hand-made cases whose counts can be checked by eye, the
 * real figures on data/curated/annotations.csv and the provisions published from the repository's data (built for
 * the test): every reviewed provision matched, counts consistent with the disagreements listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAgreement, labelledFrom, selectReviewed, type LabelledProvision, type ReviewedProvision } from '../../src/lib/classify/agreement.ts';
import { parseCsv } from '../../src/lib/publish/csv.ts';
import type { RowOf } from '../../src/lib/publish/schema.ts';
import { parseAnnotations } from '../../src/lib/curated/annotations.ts';
import { ROOT_URL } from '../../src/node/paths.ts';
import { publishedData } from '../fixtures/published.ts';

const CODES = ['M1', 'M2', 'X1'];
const R = 'res-a';
const reviewed: ReviewedProvision[] = [
  { resolution_id: R, provision_id: 'dieu-1', codes: ['M1', 'M2'], confidence: 'high', note: 'parent' },
  { resolution_id: R, provision_id: 'dieu-1.khoan-1', codes: ['M1'], confidence: 'high', note: null },
  { resolution_id: R, provision_id: 'dieu-1.khoan-2', codes: ['M2'], confidence: 'low', note: 'arguable' },
  { resolution_id: R, provision_id: 'dieu-2', codes: [], confidence: 'high', note: null },
  { resolution_id: R, provision_id: 'dieu-9', codes: ['X1'], confidence: 'high', note: 'no such provision' },
];
const labelled: LabelledProvision[] = [
  { resolution_id: R, provision_id: 'dieu-1', measures: [], text: 'Biện pháp' },
  { resolution_id: R, provision_id: 'dieu-1.khoan-1', measures: ['M1', 'P-cuoc-thi'], text: 'Bồi dưỡng' },
  { resolution_id: R, provision_id: 'dieu-1.khoan-2', measures: ['M1', 'M2'], text: 'Tuyên truyền, tập huấn' },
  { resolution_id: R, provision_id: 'dieu-2', measures: ['X1'], inherited: ['X1'], heading: 'Giám sát', text: null },
  { resolution_id: 'res-b', provision_id: 'dieu-1', measures: ['M1'] },
];

describe('computeAgreement', () => {
  const a = computeAgreement(reviewed, labelled, CODES);

  it('counts true and false positives and negatives per code, ignoring codes not scored', () => {
    expect(a.codes).toEqual([
      { code: 'M1', n_reviewed_provisions: 4, true_positive: 1, false_positive: 1, false_negative: 1, precision: 0.5, recall: 0.5, false_positive_inherited: 0 },
      { code: 'M2', n_reviewed_provisions: 4, true_positive: 1, false_positive: 0, false_negative: 1, precision: 1, recall: 0.5, false_positive_inherited: 0 },
      { code: 'X1', n_reviewed_provisions: 4, true_positive: 0, false_positive: 1, false_negative: 0, precision: 0, recall: null, false_positive_inherited: 1 },
    ]);
  });

  it('micro-averages over all codes', () => {
    expect(a.overall).toEqual({ n_reviewed_provisions: 4, true_positive: 2, false_positive: 2, false_negative: 2, precision: 0.5, recall: 0.5 });
  });

  it('lists each provision where the two differ, with both readings, the words and the note', () => {
    expect(a.disagreements.map((d) => [d.reviewed_provision_id, d.missed, d.extra])).toEqual([
      ['dieu-1', ['M1', 'M2'], []],
      ['dieu-1.khoan-2', [], ['M1']],
      ['dieu-2', [], ['X1']],
    ]);
    expect(a.disagreements[1]).toMatchObject({
      labelled_provision_id: 'dieu-1.khoan-2', reviewer: ['M2'], classifier: ['M1', 'M2'],
      text: 'Tuyên truyền, tập huấn', confidence: 'low', note: 'arguable',
    });
    expect(a.disagreements[2]).toMatchObject({ heading: 'Giám sát', text: null, extra_inherited: ['X1'] });
  });

  it('reports reviewed provisions with no published twin instead of dropping them silently', () => {
    expect(a.unmatched).toEqual([{ resolution_id: R, provision_id: 'dieu-9' }]);
  });

  it('gives null precision and recall where there is nothing to measure', () => {
    const none = computeAgreement([], labelled, ['M1']);
    expect(none.overall).toMatchObject({ n_reviewed_provisions: 0, precision: null, recall: null });
  });
});

describe('labelledFrom', () => {
  it('takes the rules\' own codes from provision_measures, not the reviewed answer in provisions.measures', () => {
    const l = labelledFrom(
      // provisions.measures shows the reviewer's answer (M2 added, M3 rejected): agreement must not score it.
      [{ resolution_id: R, provision_id: 'dieu-1.khoan-1', measures: ['M1', 'M2'], heading: null, text: 'x' }],
      [
        { resolution_id: R, provision_id: 'dieu-1.khoan-1', code: 'M1', via: 'text' },
        { resolution_id: R, provision_id: 'dieu-1.khoan-1', code: 'M3', via: 'inherited' },
        { resolution_id: R, provision_id: 'dieu-1.khoan-1', code: 'M2', via: 'review' },
        { resolution_id: R, provision_id: 'dieu-1.khoan-1', code: 'P-doi-thoai', via: 'text' },
        { resolution_id: R, provision_id: 'dieu-1', code: 'M3', via: 'inherited' },
      ],
    );
    expect(l).toEqual([{ resolution_id: R, provision_id: 'dieu-1.khoan-1', measures: ['M1', 'M3'], inherited: ['M3'], heading: null, text: 'x' }]);
  });
});

describe('selectReviewed', () => {
  const provisions = [
    { resolution_id: R, parent_id: null },
    { resolution_id: R, parent_id: 'dieu-1' },
    { resolution_id: 'res-b', parent_id: 'dieu-2' },
  ];
  it('keeps leaves only, and drops low-confidence rows, on request', () => {
    const ids = (rs: ReviewedProvision[]) => rs.map((r) => r.provision_id);
    expect(ids(selectReviewed(reviewed, provisions, {}))).toHaveLength(5);
    expect(ids(selectReviewed(reviewed, provisions, { leavesOnly: true }))).toEqual(['dieu-1.khoan-1', 'dieu-1.khoan-2', 'dieu-2', 'dieu-9']);
    expect(ids(selectReviewed(reviewed, provisions, { leavesOnly: true, excludeLow: true }))).toEqual(['dieu-1.khoan-1', 'dieu-2', 'dieu-9']);
  });
});

const ANNOTATIONS = new URL('data/curated/annotations.csv', ROOT_URL);

describe('on the real annotations and the published provisions', () => {
  const { annotations: rows, problems } = parseAnnotations(readFileSync(ANNOTATIONS, 'utf8'));
  const codes = ['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2'];
  let provisions: RowOf<'provisions'>[] = [];
  let labelled: LabelledProvision[] = [];
  beforeAll(async () => {
    const dir = await publishedData();
    provisions = parseCsv('provisions', readFileSync(join(dir, 'provisions.csv'), 'utf8'));
    labelled = labelledFrom(provisions, parseCsv('provision_measures', readFileSync(join(dir, 'provision_measures.csv'), 'utf8')));
  }, 120_000);

  it('parses cleanly and matches every reviewed provision to a published one', () => {
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(100);
    expect(computeAgreement(rows, provisions, codes).unmatched).toEqual([]);
  });

  it('has counts consistent with the disagreements listed, in every view', () => {
    for (const opts of [{}, { leavesOnly: true }, { leavesOnly: true, excludeLow: true }]) {
      const sample = selectReviewed(rows, provisions, opts);
      const a = computeAgreement(sample, labelled, codes);
      expect(a.overall.n_reviewed_provisions).toBe(sample.length);
      expect(a.disagreements.reduce((s, d) => s + d.extra.length, 0)).toBe(a.overall.false_positive);
      expect(a.disagreements.reduce((s, d) => s + d.missed.length, 0)).toBe(a.overall.false_negative);
      const positives = sample.reduce((s, r) => s + r.codes.filter((c) => codes.includes(c)).length, 0);
      expect(a.overall.true_positive + a.overall.false_negative).toBe(positives);
      for (const d of a.disagreements) expect(d.text ?? d.heading, d.reviewed_provision_id).toBeTruthy();
      const inheritedFp = a.codes.reduce((s, c) => s + c.false_positive_inherited, 0);
      expect(inheritedFp).toBe(a.disagreements.reduce((s, d) => s + d.extra_inherited.length, 0));
      console.log(`agreement ${JSON.stringify(opts)}: n=${sample.length} precision=${a.overall.precision?.toFixed(3)} recall=${a.overall.recall?.toFixed(3)} disagreements=${a.disagreements.length} inherited false positives=${inheritedFp}/${a.overall.false_positive}`);
    }
  });
});
