/**
 * How well the rule-based classifier agrees with an independent reviewer. Inputs: the reviewer's codes per
 * provision (data/curated/annotations.csv, read by curated/annotations.ts), the published labels (provisions.measures)
 * and the codes to score (M1–M5, X1, X2). Output: per code the true positives (both give the code), false positives
 * (only the classifier), false negatives (only the reviewer), precision and recall; the micro averages over all
 * codes; every provision where the two differ, with what each said, the provision's words and the reviewer's note;
 * and the reviewed provisions that match no published one (so a renamed id shows instead of silently shrinking
 * the sample). The reviewer is the reference: "precision" is the share of the classifier's codes the reviewer
 * also gave. Pure: the methodology page and the tests read the files and call these functions.
 */
export interface ReviewedProvision {
  resolution_id: string;
  provision_id: string;
  codes: string[];
  confidence?: string | null;
  note?: string | null;
}

export interface LabelledProvision {
  resolution_id: string;
  provision_id: string;
  measures: readonly string[];
  /** The codes among measures the classifier passed down from an enclosing provision's heading. */
  inherited?: readonly string[];
  heading?: string | null;
  text?: string | null;
}

export interface Counts {
  n_reviewed_provisions: number;
  true_positive: number;
  false_positive: number;
  false_negative: number;
  /** tp / (tp + fp); null when the classifier gave the code nowhere (nothing to be right or wrong about). */
  precision: number | null;
  /** tp / (tp + fn); null when the reviewer gave the code nowhere. */
  recall: number | null;
}

export interface CodeAgreement extends Counts {
  code: string;
  /** False positives where the classifier's code was inherited from a heading, not read in the provision itself. */
  false_positive_inherited: number;
}

export interface Disagreement {
  resolution_id: string;
  /** The reviewed provision's id and the published provision it was matched to (the same id, kept apart so a
   * future matching by position or text can show both). */
  reviewed_provision_id: string;
  labelled_provision_id: string;
  reviewer: string[];
  classifier: string[];
  /** Codes the reviewer gave and the classifier did not (false negatives) … */
  missed: string[];
  /** … and codes the classifier gave and the reviewer did not (false positives) … */
  extra: string[];
  /** … of which these were inherited from an enclosing heading. */
  extra_inherited: string[];
  heading: string | null;
  text: string | null;
  confidence: string | null;
  note: string | null;
}

export interface Agreement {
  codes: CodeAgreement[];
  overall: Counts;
  disagreements: Disagreement[];
  unmatched: { resolution_id: string; provision_id: string }[];
}

const key = (resolution: string, provision: string) => `${resolution}\u001f${provision}`;

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

function counts(n: number, tp: number, fp: number, fn: number): Counts {
  return {
    n_reviewed_provisions: n, true_positive: tp, false_positive: fp, false_negative: fn,
    precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn),
  };
}

/** Agreement over the reviewed provisions that have a published twin, scored on `codes` only (in that order). */
export function computeAgreement(
  reviewed: readonly ReviewedProvision[],
  labelled: readonly LabelledProvision[],
  codes: readonly string[],
): Agreement {
  const byKey = new Map(labelled.map((l) => [key(l.resolution_id, l.provision_id), l]));
  const scored = new Set(codes);
  const tally = new Map(codes.map((c) => [c, { tp: 0, fp: 0, fn: 0, fpi: 0 }]));
  const disagreements: Disagreement[] = [];
  const unmatched: Agreement['unmatched'] = [];
  let n = 0;
  for (const r of reviewed) {
    const l = byKey.get(key(r.resolution_id, r.provision_id));
    if (!l) {
      unmatched.push({ resolution_id: r.resolution_id, provision_id: r.provision_id });
      continue;
    }
    n++;
    const want = new Set(r.codes.filter((c) => scored.has(c)));
    const got = new Set(l.measures.filter((c) => scored.has(c)));
    const inherited = new Set(l.inherited ?? []);
    const missed: string[] = [];
    const extra: string[] = [];
    for (const c of codes) {
      const t = tally.get(c)!;
      if (want.has(c) && got.has(c)) t.tp++;
      else if (got.has(c)) {
        t.fp++;
        extra.push(c);
        if (inherited.has(c)) t.fpi++;
      } else if (want.has(c)) (t.fn++, missed.push(c));
    }
    if (missed.length || extra.length) {
      disagreements.push({
        resolution_id: r.resolution_id,
        reviewed_provision_id: r.provision_id,
        labelled_provision_id: l.provision_id,
        reviewer: codes.filter((c) => want.has(c)),
        classifier: codes.filter((c) => got.has(c)),
        missed,
        extra,
        extra_inherited: extra.filter((c) => inherited.has(c)),
        heading: l.heading ?? null,
        text: l.text ?? null,
        confidence: r.confidence ?? null,
        note: r.note ?? null,
      });
    }
  }
  const perCode = codes.map((code) => {
    const t = tally.get(code)!;
    return { code, ...counts(n, t.tp, t.fp, t.fn), false_positive_inherited: t.fpi };
  });
  const sum = (k: 'true_positive' | 'false_positive' | 'false_negative') => perCode.reduce((s, c) => s + c[k], 0);
  return {
    codes: perCode,
    overall: counts(n, sum('true_positive'), sum('false_positive'), sum('false_negative')),
    disagreements,
    unmatched,
  };
}

/**
 * The classifier's side from the published tables: each provision's codes as the rules gave them (provision_measures
 * rows other than via = 'review', M…/X… codes only: provisions.measures shows the reviewed answer where there is one,
 * so it cannot be scored against the reviewer), heading and text, with the codes that were inherited (via =
 * 'inherited', from datasets before 0.2.0).
 */
export function labelledFrom(
  provisions: readonly { resolution_id: string; provision_id: string; measures: readonly string[]; heading: string | null; text: string | null }[],
  provisionMeasures: readonly { resolution_id: string; provision_id: string; code: string; via: string }[],
): LabelledProvision[] {
  const inherited = new Map<string, string[]>();
  const byRules = new Map<string, string[]>();
  for (const m of provisionMeasures) {
    const k = key(m.resolution_id, m.provision_id);
    if (m.via !== 'review' && /^[MX]\d$/.test(m.code)) byRules.set(k, [...(byRules.get(k) ?? []), m.code]);
    if (m.via === 'inherited') inherited.set(k, [...(inherited.get(k) ?? []), m.code]);
  }
  return provisions.map((p) => ({
    resolution_id: p.resolution_id, provision_id: p.provision_id, measures: byRules.get(key(p.resolution_id, p.provision_id)) ?? [],
    inherited: inherited.get(key(p.resolution_id, p.provision_id)) ?? [], heading: p.heading, text: p.text,
  }));
}

/**
 * The reviewed provisions a view keeps: `leavesOnly` drops provisions that have sub-provisions (their codes are
 * unions of their children's, so they agree almost by construction), `excludeLow` drops the reviewer's low-confidence
 * rows. `parents` are the published provisions' parent ids.
 */
export function selectReviewed(
  reviewed: readonly ReviewedProvision[],
  provisions: readonly { resolution_id: string; parent_id: string | null }[],
  opts: { leavesOnly?: boolean; excludeLow?: boolean },
): ReviewedProvision[] {
  const parents = new Set(provisions.filter((p) => p.parent_id !== null).map((p) => key(p.resolution_id, p.parent_id!)));
  return reviewed.filter(
    (r) => !(opts.leavesOnly && parents.has(key(r.resolution_id, r.provision_id))) && !(opts.excludeLow && r.confidence === 'low'),
  );
}
