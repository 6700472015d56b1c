/**
 * Published rows from analysed resolutions: one reviewed resolution (its curated facts + the library's analysis of
 * its corrected text) → rows of resolutions, provisions, legal_bases, corrections, provision_measures, objectives,
 * funding and supervision, in the columns schema.ts declares. Reviewed metadata wins over what the parser reads; the
 * parser's reading is compared with it elsewhere (disagreements are reported, not hidden). An uncurated text (the
 * data build's --raw mode) gets the same rows from the parser's reading alone (parsedCurated), and a unit the
 * jurisdictions reference does not list gets a row of its own (unlistedJurisdiction), so every key still resolves.
 */
import type { Analysis } from '../analyze/analyze.ts';
import { verdictOf } from '../curated/annotations.ts';
import { isReviewed, METADATA_FIELDS, type Curated, type CuratedMetadata } from '../curated/curated.ts';
import { resolveJurisdiction, successorOn, type Jurisdiction } from '../reference/jurisdictions.ts';
import { slugVi } from '../text/normalize.ts';
import { MEASURE_CODES } from '../reference/vocabulary.ts';
import type { RowOf } from './schema.ts';
import type { Taxonomy } from '../reference/taxonomy.ts';

export interface ResolutionRows {
  resolutions: RowOf<'resolutions'>[];
  provisions: RowOf<'provisions'>[];
  legal_bases: RowOf<'legal_bases'>[];
  corrections: RowOf<'corrections'>[];
  provision_measures: RowOf<'provision_measures'>[];
  objectives: RowOf<'objectives'>[];
  funding: RowOf<'funding'>[];
  supervision: RowOf<'supervision'>[];
}

const v = <T>(f: { value: T | null } | undefined): T | null => (f ? f.value : null);

/**
 * Rows for one curated resolution. `review` (from reviewIndex) adds the reviewer's verdict to each label and a
 * "review" row for every code the reviewer gave that the rules missed, so disagreements stay visible.
 */
export function resolutionRows(c: Curated, a: Analysis, review: Map<string, Set<string>> = new Map()): ResolutionRows {
  const id = c.id;
  const m = c.metadata;
  // The reviewed layer wins: a leaf the reviewer coded shows the reviewer's codes. A provision with sub-provisions
  // was reviewed as the union of its parts (data/curated/ANNOTATIONS.md), so there review only takes away: a code
  // the reviewer rejected is never shown, and the parts' codes are not added to it (they are counted in the parts).
  const hasParts = new Set(a.provisions.map((p) => p.parent).filter((x): x is string => x !== null));
  const shown = new Map(a.provisions.map((p) => {
    const reviewed = review.get(`${id}#${p.id}`);
    if (!reviewed) return [p.id, p.measures];
    return [p.id, hasParts.has(p.id) ? p.measures.filter((code) => reviewed.has(code)) : MEASURE_CODES.filter((code) => reviewed.has(code))];
  }));
  const measureCodes = new Set([...shown.values()].flat());
  const supervises = a.supervision.some((s) => s.role === 'supervises');
  const resolution = {
    id,
    number: v(m.number),
    title: v(m.title) ?? a.metadata.title ?? '',
    council: v(m.council) ?? a.metadata.council ?? '',
    jurisdiction: v(m.jurisdiction) ?? '',
    jurisdiction_id: a.metadata.jurisdiction_id ?? '',
    level: v(m.level) ?? a.metadata.level ?? 'province',
    unit_type: v(m.unit_type) ?? a.metadata.unit_type ?? 'tỉnh',
    // The jurisdictions reference (reviewed, with sources) knows the province even where the text does not name it.
    province: a.metadata.province ?? v(m.province) ?? '',
    province_after_2025: a.metadata.province_after_2025,
    signed_on: v(m.signed_on),
    adopted_on: v(m.adopted_on),
    effective_on: v(m.effective_on),
    effective_rule: v(m.effective_rule),
    effective_source: v(m.effective_source),
    signer: v(m.signer),
    signer_title: v(m.signer_title),
    term: v(m.term),
    session: v(m.session),
    session_kind: v(m.session_kind),
    completeness: c.completeness,
    reviewed: isReviewed(c),
    source_url: v(m.source_url),
    raw_file: c.raw_file,
    raw_sha256: c.raw_sha256,
    n_provisions: a.provisions.length,
    // A count is null where the part of the text it counts is not held (never 0 for "not seen"): legal bases are
    // printed before the decision, so an opening holds them and a catalogue entry does not; measures and targets
    // are known only from a full text.
    n_legal_bases: c.completeness === 'metadata-only' ? null : a.legal_bases.length,
    n_corrections: a.corrections.length,
    n_measures: c.completeness === 'full' ? measureCodes.size : null,
    n_objectives: c.completeness === 'full' ? a.objectives.length : null,
    // An opening that stops before the funding or implementation article: unknown, not absent.
    has_funding_clause: a.funding.length > 0 ? true : c.completeness === 'full' ? false : null,
    has_supervision_clause: supervises ? true : c.completeness === 'full' ? false : null,
    issues: a.issues.map((i) => i.code).filter((code, k, all) => all.indexOf(code) === k),
  } as unknown as RowOf<'resolutions'>;

  const provisions = a.provisions.map((p) => ({
    resolution_id: id,
    provision_id: p.id,
    ord: p.ord,
    article: p.article,
    clause: p.clause,
    point: p.point,
    parent_id: p.parent,
    depth: p.depth,
    heading: p.heading,
    text: p.text,
    struck_text: p.struck,
    start: p.start,
    end: p.end,
    n_chars: p.text.length,
    measures: shown.get(p.id) ?? p.measures,
    placed_under: p.placed_under,
  })) as unknown as RowOf<'provisions'>[];

  const legal_bases = a.legal_bases.map((b, k) => ({
    resolution_id: id,
    ord: k + 1,
    kind: b.kind,
    number: b.number,
    date_on: b.date,
    title: b.title,
    issuer: b.issuer,
    ref: b.ref,
    is_superseded: b.superseded,
    superseded_by: b.superseded_by,
    citation: b.citation,
  })) as unknown as RowOf<'legal_bases'>[];

  const byId = new Map(c.corrections.map((x) => [x.id, x]));
  const corrections = a.corrections.map((e, k) => ({
    resolution_id: id,
    correction_id: a.corrections.filter((x) => x.correction_id === e.correction_id).length > 1 ? `${e.correction_id}.${a.corrections.slice(0, k + 1).filter((x) => x.correction_id === e.correction_id).length}` : e.correction_id,
    kind: byId.get(e.correction_id)?.kind ?? 'ocr',
    before: e.before,
    after: e.after === '' ? null : e.after,
    reason: byId.get(e.correction_id)?.reason ?? '',
    start: e.start,
    end: e.end,
  })) as unknown as RowOf<'corrections'>[];

  const parentOf = new Map(a.provisions.map((p) => [p.id, p.parent]));
  const codesOf = new Map(a.provisions.map((p) => [p.id, p.measures]));
  /** The enclosing provision whose own codes include `code` (the measure clause a provision sits under), or null. */
  const under = (pid: string, code: string): string | null => {
    const seen = new Set<string>();
    for (let q = parentOf.get(pid) ?? null; q !== null && !seen.has(q); q = parentOf.get(q) ?? null) {
      seen.add(q);
      if ((codesOf.get(q) ?? []).length) return codesOf.get(q)?.includes(code) ? q : null;
    }
    return null;
  };
  const provision_measures = a.provisions.flatMap((p) => {
    const byRules = p.labels.map((l) => ({
      resolution_id: id,
      provision_id: p.id,
      code: l.code,
      via: l.via,
      rule: l.rule,
      matched: l.matched.join('; ') || null,
      inherited_from: null,
      object: l.object,
      object_from: l.object_from,
      object_in: l.object_in,
      placed_under: under(p.id, l.code),
      reviewed: verdictOf(review, id, p.id, l.code),
    }));
    const given = new Set(p.labels.map((l) => l.code));
    const missed = [...(review.get(`${id}#${p.id}`) ?? [])].filter((code) => !given.has(code)).sort();
    const byReview = missed.map((code) => ({
      resolution_id: id, provision_id: p.id, code, via: 'review', rule: null, matched: null, inherited_from: null,
      object: null, object_from: null, object_in: null, placed_under: under(p.id, code), reviewed: true,
    }));
    return [...byRules, ...byReview];
  }) as unknown as RowOf<'provision_measures'>[];

  const objectives = a.objectives.map((o, k) => ({
    resolution_id: id, provision_id: o.provision, ord: k + 1, value: o.value, value_max: o.value_max, unit: o.unit, subject: o.subject, action: o.action,
    deadline: o.deadline, frequency: o.frequency, text: o.text,
  })) as unknown as RowOf<'objectives'>[];
  const funding = a.funding.map((f) => ({
    resolution_id: id, provision_id: f.provision, source: f.source, budget_decentralisation: f.budget_decentralisation,
    regular_spending: f.regular_spending, text: f.text,
  })) as unknown as RowOf<'funding'>[];
  const supervision = a.supervision.map((s) => ({
    resolution_id: id, provision_id: s.provision, actor: s.actor, role: s.role, text: s.text,
  })) as unknown as RowOf<'supervision'>[];

  return { resolutions: [resolution], provisions, legal_bases, corrections, provision_measures, objectives, funding, supervision };
}

export function jurisdictionRows(js: Jurisdiction[]): RowOf<'jurisdictions'>[] {
  const blankToNull = (x: unknown) => (x === '' ? null : x);
  return js.map((j) => Object.fromEntries(Object.entries(j).map(([k, x]) => [k, blankToNull(x)]))) as unknown as RowOf<'jurisdictions'>[];
}

export function taxonomyRows(t: Taxonomy): RowOf<'taxonomy'>[] {
  return t.entries.map((e) => ({
    code: e.code, parent_code: e.parent_code ?? null, kind: e.kind, label_vi: e.label_vi, label_en: e.label_en,
    description_vi: e.description_vi, description_en: e.description_en, law_ref: e.law_ref ?? null,
  })) as unknown as RowOf<'taxonomy'>[];
}

/** Where the parser's reading of a resolution differs from its reviewed metadata (for review, not for output). */
export function metadataDisagreements(c: Curated, a: Analysis): string[] {
  const out: string[] = [];
  const parsed = a.metadata as unknown as Record<string, unknown>;
  for (const [field, f] of Object.entries(c.metadata) as [string, { value: unknown }][]) {
    if (!(field in parsed) || field === 'source_url') continue;
    const mine = parsed[field] ?? null;
    if (JSON.stringify(mine) !== JSON.stringify(f.value)) out.push(`${c.id}: ${field} reviewed ${JSON.stringify(f.value)}, parser reads ${JSON.stringify(mine)}`);
  }
  return out;
}

/**
 * The parser's reading of an uncurated text in the shape of a curated file, for resolutionRows: no corrections, no
 * evidence, completeness from what the parser found (closing and signature → full; articles only → partial).
 */
export function parsedCurated(a: Analysis, source: { id: string; raw_file: string; raw_sha256: string }): Curated {
  const parsed = a.metadata as unknown as Record<string, unknown>;
  const metadata = Object.fromEntries(METADATA_FIELDS.map((f) => {
    const value = parsed[f] ?? null;
    return [f, value === null ? { value: null, evidence: null, note: 'not read by the parser' } : { value, evidence: '' }];
  })) as unknown as CuratedMetadata;
  return {
    ...source, metadata, corrections: [], notes: 'uncurated: read by the parser',
    reviewed: false,
    completeness: a.metadata.complete ? 'full' : a.provisions.length ? 'partial' : 'metadata-only',
  };
}

/**
 * A unit named by an uncurated text but absent from the jurisdictions reference (a commune not yet curated, or a
 * synthetic one): its row, with the id local units use (province slug + "." + type and name), its province when
 * the reference knows that one on the resolution's date, and unknown validity and lineage. Null when the text's unit
 * is in the reference or not read at all. Also the province_after_2025 the resolution row should carry.
 */
export function unlistedJurisdiction(a: Analysis, jurisdictions: Jurisdiction[], rawFile: string): { unit: Jurisdiction; province_after_2025: string | null } | null {
  const m = a.metadata;
  if (m.jurisdiction_id || !m.jurisdiction || !m.unit_type || !m.level) return null;
  const on = m.signed_on ?? m.adopted_on;
  const provinces = jurisdictions.filter((j) => j.level === 'province');
  const province = m.level === 'province' || !m.province ? null : resolveJurisdiction(provinces, { name: m.province, unit_type: null, on });
  const id = m.level === 'province' ? `${slugVi(m.unit_type)}-${slugVi(m.jurisdiction)}` : `${slugVi(province?.name ?? m.province ?? 'unknown')}.${slugVi(m.unit_type)}-${slugVi(m.jurisdiction)}`;
  const unit: Jurisdiction = {
    id, name: m.jurisdiction, unit_type: m.unit_type, level: m.level, province_id: province?.id ?? null, code: null,
    valid_from: null, valid_until: null, successor_id: null,
    source: `read by the parser from ${rawFile}; not in data/reference`, note: 'Not in the jurisdictions reference: listed so that the resolutions naming it have a unit to refer to. Validity and lineage unknown.',
  };
  const after = province ? successorOn(jurisdictions, province.id, '2025-07-01') : null;
  return { unit, province_after_2025: after?.name ?? null };
}
