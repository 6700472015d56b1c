/**
 * One resolution, end to end: reading text (+ reviewed corrections) → parse → metadata resolved against the
 * jurisdictions reference → legal bases matched to the register and checked for supersession at the resolution's
 * date → provisions labelled with measures → objectives, funding and supervision. The same function serves the data
 * build, the command line and the browser; its output is the `analyze --json` contract.
 */
import { applyCorrections, toSourceSpan, type Correction, type CorrectionResult, type Edit } from '../curated/corrections.ts';
import { applyCorrectionsLocated } from '../curated/correction-locate.ts';
import type { Citation } from '../parse/citations.ts';
import { classifyDocument, placedUnder, type Label, type ProvisionInput } from '../classify/measures.ts';
import { extractFunding, type FundingMention } from '../extract/funding.ts';
import { levelOf } from '../parse/header.ts';
import { resolutionId } from '../reference/ids.ts';
import { resolveJurisdiction, successorOn, type Jurisdiction } from '../reference/jurisdictions.ts';
import { matchCitation, supersededOn, type LegalDocument } from '../reference/legal-register.ts';
import { extractObjectives, type Objective } from '../extract/objectives.ts';
import { parseResolution, type Issue, type ParsedMetadata, type ParsedResolution, type Provision } from '../parse/parser.ts';
import type { MatchedSource } from './source-match.ts';
import { extractSupervision, isImplementationProvision, type SupervisionMention } from '../extract/supervision.ts';
import type { Taxonomy } from '../reference/taxonomy.ts';
import { foldVi } from '../text/normalize.ts';

export interface Reference {
  jurisdictions: Jurisdiction[];
  register: LegalDocument[];
  taxonomy: Taxonomy;
}

export interface AnalyzeOptions {
  corrections?: Correction[];
  /**
   * The curated source the text is (source-match.ts). Matched by content, the text is another surface of that
   * source: its corrections are located ignoring white space and markup, and one that cannot be located is a
   * warning (the copy may differ there), not an error.
   */
  matched?: MatchedSource | null;
}

export interface AnalysisMetadata extends ParsedMetadata {
  id: string | null;
  jurisdiction_id: string | null;
  /** The province-level unit the area belongs to (itself for a province), as named at the time. */
  province: string | null;
  /** The province-level unit that covers the area from 1/7/2025, or null when unknown. */
  province_after_2025: string | null;
}

export interface LegalBasis {
  kind: Citation['kind'];
  number: string | null;
  date: string | null;
  title: string | null;
  issuer: string | null;
  /** Register id, or null when the document is not in the register. */
  ref: string | null;
  amending: boolean;
  /** Superseded at the resolution's date; null when the date or the document is unknown. */
  superseded: boolean | null;
  superseded_by: string | null;
  citation: string;
}

export interface AnalysedProvision extends Provision {
  /** The classifier's measure codes (M…, X…) from the provision's own words. */
  measures: string[];
  labels: Label[];
  /** The measure codes of the nearest enclosing provision that has any: the heading it sits under, not a code of its own. */
  placed_under: string[];
}

export interface Analysis {
  metadata: AnalysisMetadata;
  legal_bases: LegalBasis[];
  submission: ParsedResolution['submission'];
  provisions: AnalysedProvision[];
  objectives: Objective[];
  funding: FundingMention[];
  supervision: SupervisionMention[];
  corrections: Edit[];
  /** The curated source whose corrections were applied, and how it was recognised; null for any other text. */
  matched_source: MatchedSource | null;
  issues: Issue[];
}

/** Folded names of the centrally-run cities in the reference. */
export function centrallyRunCities(jurisdictions: Jurisdiction[]): Set<string> {
  return new Set(jurisdictions.filter((j) => j.level === 'province' && j.unit_type === 'thành phố').map((j) => foldVi(j.name)));
}

export function analyzeResolution(source: string, reference: Reference, options: AnalyzeOptions = {}): Analysis {
  const byContent = options.matched?.by === 'content';
  const none: CorrectionResult = { text: source, edits: [], problems: [] };
  const located = byContent && options.corrections?.length ? applyCorrectionsLocated(source, options.corrections) : null;
  const corrected = located ?? (options.corrections?.length ? applyCorrections(source, options.corrections) : none);
  const parsed = parseResolution(corrected.text, { centrallyRunCities: centrallyRunCities(reference.jurisdictions) });
  const issues: Issue[] = [...parsed.issues];
  for (const p of corrected.problems) issues.push(byContent ? { code: 'correction_not_located', severity: 'warning', message: p } : { code: 'correction_failed', severity: 'error', message: p });
  if (byContent && options.matched) {
    issues.push({ code: 'matched_source', severity: 'info', message: `the same document as the curated source ${options.matched.id} in another form (content score ${options.matched.score}); its reviewed corrections are applied` });
  }
  if (located?.notNeeded.length) issues.push({ code: 'correction_not_needed', severity: 'info', message: `this copy already reads as corrected for ${located.notNeeded.join(', ')}` });
  const m = parsed.metadata;
  const on = m.signed_on ?? m.adopted_on;

  const query = m.jurisdiction && m.unit_type ? { name: m.jurisdiction, unit_type: m.unit_type, province: m.province } : null;
  let unit: Jurisdiction | null = null;
  if (query && on) unit = resolveJurisdiction(reference.jurisdictions, { ...query, on });
  else if (query) {
    // No date: the unit valid over the whole window the legal bases give, never the latest unit by default.
    const window = basesWindow(parsed.legal_bases, reference.register);
    const at = (d: string | null) => (d ? resolveJurisdiction(reference.jurisdictions, { ...query, on: d }) : null);
    const first = at(window.from);
    const last = window.until ? at(window.until) : resolveJurisdiction(reference.jurisdictions, query);
    unit = first && last && first.id === last.id ? first : null;
    if (!unit && (first || last)) {
      issues.push({ code: 'jurisdiction_window', severity: 'warning', message: `no date, and the window its legal bases give (${window.from ?? '…'} to ${window.until ?? '…'}) spans more than one unit named ${m.jurisdiction}: the unit is left unknown` });
    }
  }
  if (m.jurisdiction && !unit && !issues.some((i) => i.code === 'jurisdiction_window')) issues.push({ code: 'unknown_jurisdiction', severity: 'warning', message: `${m.unit_type ?? ''} ${m.jurisdiction} is not in the jurisdictions reference` });
  const provinceUnit = unit ? (unit.province_id ? reference.jurisdictions.find((j) => j.id === unit.province_id) ?? null : unit) : null;
  const after = provinceUnit ? successorOn(reference.jurisdictions, provinceUnit.id, '2025-07-01') : null;
  const level = m.level ?? unit?.level ?? levelOf(m.unit_type);
  const province = provinceUnit?.name ?? m.province;
  const metadata: AnalysisMetadata = {
    ...m,
    level,
    province,
    id: resolutionId({ ...m, province: level === 'province' ? null : province }),
    jurisdiction_id: unit?.id ?? null,
    province_after_2025: after?.name ?? null,
  };

  const legal_bases: LegalBasis[] = parsed.legal_bases.map((c) => {
    const doc = matchCitation({ kind: c.kind, number: c.number, date: c.date, title: c.title ?? '' }, reference.register);
    const sup = doc && on ? supersededOn(doc, on, reference.register) : null;
    return {
      kind: c.kind, number: c.number ?? doc?.number ?? null, date: c.date ?? doc?.adopted_on ?? null, title: c.title, issuer: c.issuer,
      ref: doc?.id ?? null, amending: c.amending, superseded: sup ? sup.superseded : null, superseded_by: sup?.by?.id ?? null, citation: c.text,
    };
  });

  const inputs: ProvisionInput[] = parsed.provisions.map((p) => ({ id: p.id, text: p.text, heading: p.heading, parentId: p.parent }));
  const labels = classifyDocument(inputs, reference.taxonomy);
  const under = placedUnder(inputs, labels);
  const provisions: AnalysedProvision[] = parsed.provisions.map((p) => {
    const ls = labels.get(p.id) ?? [];
    const codes = [...new Set(ls.map((l) => l.code))].filter((c) => /^[MX]\d$/.test(c)).sort();
    const span = toSourceSpan(corrected.edits, p.start, p.end);
    return { ...p, start: span.start, end: span.end, measures: codes, labels: ls, placed_under: under.get(p.id) ?? [] };
  });
  const objectives = inputs.flatMap((p) => extractObjectives(p));
  const funding = inputs.flatMap((p) => extractFunding(p));
  const supervision = inputs.filter((p) => isImplementationProvision(p)).flatMap((p) => extractSupervision(p));

  return { metadata, legal_bases, submission: parsed.submission, provisions, objectives, funding, supervision, corrections: corrected.edits, matched_source: options.matched ?? null, issues };
}

/**
 * The dates an undated act must lie between, from its legal bases: no earlier than the latest act it cites (its
 * adoption date, from the register or as printed), and no later than the last day in force of a cited act that the
 * register says was replaced (a council does not cite a law already replaced). Null where the bases do not say.
 */
export function basesWindow(bases: readonly Citation[], register: LegalDocument[]): { from: string | null; until: string | null } {
  let from: string | null = null;
  let until: string | null = null;
  for (const c of bases) {
    const doc = matchCitation({ kind: c.kind, number: c.number, date: c.date, title: c.title ?? '' }, register);
    const adopted = doc?.adopted_on ?? c.date;
    if (adopted && (from === null || adopted > from)) from = adopted;
    if (doc?.replaced_by && doc.effective_until && (until === null || doc.effective_until < until)) until = doc.effective_until;
  }
  return { from, until: until !== null && from !== null && until < from ? null : until };
}

/** The first error-level issue, if any: the reason a file cannot be analysed as a resolution. */
export function fatalIssue(a: Pick<Analysis, 'issues'>): Issue | null {
  return a.issues.find((i) => i.severity === 'error') ?? null;
}
