/**
 * The legal documents register: every law, decree, decision and resolution the corpus cites as a legal basis, plus
 * the documents that replaced them (data/reference/legal-documents.csv). parseRegister(csv) → typed documents and
 * problems; matchCitation(citation, documents) finds the document a "Căn cứ …" citation means, by its normalised
 * number when it has one and otherwise by kind, date and title words (laws are usually cited by name and date);
 * supersededOn(doc, date, documents) says whether a document, in the role the corpus cites it, was out of date on a
 * date and what replaced it. documentId owns the register's ids ("luat-77-2015-qh13", "qd-346-2023-qd-ttg").
 */
import Papa from 'papaparse';
import { foldVi, isoDate, slugVi } from '../text/normalize.ts';

export type DocumentKind = 'luat' | 'nghi-dinh' | 'quyet-dinh' | 'nghi-quyet' | 'thong-tu';
const DOCUMENT_KINDS: readonly DocumentKind[] = ['luat', 'nghi-dinh', 'quyet-dinh', 'nghi-quyet', 'thong-tu'];
const ID_PREFIX: Record<DocumentKind, string> = {
  'luat': 'luat', 'nghi-dinh': 'nd', 'quyet-dinh': 'qd', 'nghi-quyet': 'nq', 'thong-tu': 'tt',
};

export interface LegalDocument {
  id: string;
  kind: DocumentKind;
  /** As official: "77/2015/QH13", "346/QĐ-TTg". */
  number: string;
  /** Short Vietnamese title. */
  title: string;
  title_en: string;
  issuer: string;
  /** ISO dates; null where the register could not confirm them. */
  adopted_on: string | null;
  effective_from: string | null;
  /** Last day in force. */
  effective_until: string | null;
  replaced_by: string | null;
  amends: string | null;
  /** Where each fact comes from. */
  source: string;
  note: string;
}

/** How a legal basis is cited; every part may be missing except the words. */
export interface Citation {
  kind: string | null;
  number: string | null;
  /** ISO. */
  date: string | null;
  title: string;
}

const COLUMNS = [
  'id', 'kind', 'number', 'title', 'title_en', 'issuer', 'adopted_on', 'effective_from', 'effective_until',
  'replaced_by', 'amends', 'source', 'note',
];

/** Comparison key of a document number: folded, no spaces or markup, Đ→D, upper case, no leading zeros. */
export function normalizeDocNumber(s: string): string {
  return foldVi(s.replace(/\*/g, ''))
    .replace(/^so:?\s*/, '')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[–—]/g, '-')
    .replace(/^0+(?=\d)/, '')
    .toUpperCase();
}

const hasYear = (number: string) => /^\d+\/\d{4}\//.test(normalizeDocNumber(number));

/** The register id: kind prefix + number; a number without a year gets the year of adoption; local issuers their place. */
export function documentId(kind: DocumentKind, number: string, adoptedOn: string | null, issuer: string): string {
  const parts = normalizeDocNumber(number).split('/');
  if (!hasYear(number) && adoptedOn) parts.splice(1, 0, adoptedOn.slice(0, 4));
  const place = /^(HĐND|UBND)\s/u.test(issuer) ? slugVi(issuer.replace(/^(HĐND|UBND)\s+(tỉnh|thành phố)\s+/u, '')) : '';
  return [ID_PREFIX[kind], slugVi(parts.join('-')), place].filter(Boolean).join('-');
}

const isIso = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isoDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)).iso === s;

/** Typed documents from the register's CSV text, with problems ("row N: …; hint: …") instead of exceptions. */
export function parseRegister(csvText: string): { documents: LegalDocument[]; problems: string[] } {
  const problems: string[] = [];
  const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  for (const e of parsed.errors) problems.push(`legal-documents.csv: row ${(e.row ?? 0) + 2}: ${e.message}`);
  const header = parsed.meta.fields ?? [];
  if (header.join(',') !== COLUMNS.join(',')) {
    problems.push(`legal-documents.csv: expected columns ${COLUMNS.join(',')}, found ${header.join(',')}`);
  }
  const documents: LegalDocument[] = [];
  parsed.data.forEach((r, i) => {
    const at = `legal-documents.csv: row ${i + 2} (${r.id ?? ''})`;
    const kind = r.kind as DocumentKind;
    if (!DOCUMENT_KINDS.includes(kind)) problems.push(`${at}: kind «${r.kind}» is not one of ${DOCUMENT_KINDS.join(', ')}`);
    const date = (k: 'adopted_on' | 'effective_from' | 'effective_until') => {
      const v = r[k] ?? '';
      if (v !== '' && !isIso(v)) problems.push(`${at}: ${k} «${v}» is not a valid ISO date`);
      return v === '' ? null : v;
    };
    const doc: LegalDocument = {
      id: r.id ?? '', kind, number: r.number ?? '', title: r.title ?? '', title_en: r.title_en ?? '',
      issuer: r.issuer ?? '', adopted_on: date('adopted_on'), effective_from: date('effective_from'),
      effective_until: date('effective_until'), replaced_by: r.replaced_by || null, amends: r.amends || null,
      source: r.source ?? '', note: r.note ?? '',
    };
    for (const k of ['number', 'title', 'issuer', 'source'] as const) if (!doc[k]) problems.push(`${at}: ${k} is empty`);
    if (DOCUMENT_KINDS.includes(kind)) {
      const expected = documentId(kind, doc.number, doc.adopted_on, doc.issuer);
      if (doc.id !== expected) problems.push(`${at}: id should be «${expected}»; hint: ids derive from kind and number`);
    }
    if (doc.effective_from && doc.effective_until && doc.effective_until < doc.effective_from) {
      problems.push(`${at}: effective_until ${doc.effective_until} is before effective_from ${doc.effective_from}`);
    }
    if (doc.adopted_on && doc.effective_from && doc.effective_from < doc.adopted_on) {
      problems.push(`${at}: effective_from ${doc.effective_from} is before adopted_on ${doc.adopted_on}`);
    }
    documents.push(doc);
  });
  const ids = new Set(documents.map((d) => d.id));
  if (ids.size !== documents.length) problems.push('legal-documents.csv: duplicate ids');
  for (const d of documents) {
    for (const k of ['replaced_by', 'amends'] as const) {
      const ref = d[k];
      if (ref && !ids.has(ref)) problems.push(`legal-documents.csv: ${d.id}: ${k} «${ref}» is not in the register`);
    }
  }
  return { documents, problems };
}

const words = (s: string) => new Set(foldVi(s).split(/[^a-z0-9]+/).filter(Boolean));

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Kind from a citation's kind or its first words ("Luật …", "Nghị định …"), as a register kind. */
function kindOf(citation: Citation): DocumentKind | null {
  const k = foldVi(citation.kind ?? citation.title);
  if (/^luat\b/.test(k)) return 'luat';
  if (/^(nghi dinh|nd)\b/.test(k)) return 'nghi-dinh';
  if (/^(quyet dinh|qd)\b/.test(k)) return 'quyet-dinh';
  if (/^(nghi quyet|nq)\b/.test(k)) return 'nghi-quyet';
  if (/^(thong tu|tt)\b/.test(k)) return 'thong-tu';
  return DOCUMENT_KINDS.includes(citation.kind as DocumentKind) ? (citation.kind as DocumentKind) : null;
}

const MIN_TITLE_SIMILARITY = 0.6;

/**
 * The register document a citation means, or null. With a number: the document with that normalised number (a
 * number without a year, like 346/QĐ-TTg, must also agree on the date). Without: same kind and adoption date and
 * the most similar title (at least 0.6 of shared words), or without a date the one document whose title is
 * nearly identical; null when two documents tie.
 */
export function matchCitation(citation: Citation, documents: LegalDocument[]): LegalDocument | null {
  if (citation.number) {
    const n = normalizeDocNumber(citation.number);
    let found = documents.filter((d) => normalizeDocNumber(d.number) === n);
    if (!hasYear(citation.number)) found = found.filter((d) => citation.date !== null && d.adopted_on === citation.date);
    return found.length === 1 ? (found[0] ?? null) : null;
  }
  const kind = kindOf(citation);
  const cited = words(citation.title);
  const pool = documents.filter((d) => (kind === null || d.kind === kind) && (citation.date ? d.adopted_on === citation.date : true));
  const threshold = citation.date ? MIN_TITLE_SIMILARITY : 0.95;
  const scored = pool
    .map((d) => ({ d, s: similarity(words(d.title), cited) }))
    .filter((x) => x.s >= threshold)
    .sort((a, b) => b.s - a.s);
  const [best, next] = scored;
  if (!best || (next && next.s === best.s)) return null;
  return best.d;
}

export interface Superseded {
  superseded: boolean;
  /** The document in force in its place on that date (following replacements), when known. */
  by: LegalDocument | null;
  /** Why, in words, for lint messages. */
  reason: string | null;
}

/**
 * Whether a document was out of date on a date: its effective_until has passed, or a replacement is in force (a
 * replacement whose entry into force is not recorded counts from its adoption, and the reason says so), or the
 * document it amends is superseded (the register records amending documents in the role the corpus cites them).
 */
export function supersededOn(doc: LegalDocument, dateIso: string, documents: LegalDocument[]): Superseded {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const latest = (d: LegalDocument, seen: Set<string>): LegalDocument => {
    const r = d.replaced_by ? byId.get(d.replaced_by) : undefined;
    if (!r || seen.has(r.id) || !startsBy(r, dateIso)) return d;
    return latest(r, seen.add(r.id));
  };
  const replacement = doc.replaced_by ? byId.get(doc.replaced_by) : undefined;
  if (replacement && startsBy(replacement, dateIso)) {
    const by = latest(replacement, new Set([doc.id, replacement.id]));
    const when = replacement.effective_from
      ? `in force from ${replacement.effective_from}`
      : `adopted on ${replacement.adopted_on} (its entry into force is not recorded)`;
    return { superseded: true, by, reason: `replaced by ${replacement.number}, ${when}` };
  }
  if (doc.effective_until && doc.effective_until < dateIso) {
    return { superseded: true, by: null, reason: `no longer in force after ${doc.effective_until}` };
  }
  const base = doc.amends ? byId.get(doc.amends) : undefined;
  if (base && base.id !== doc.id) {
    const s = supersededOn(base, dateIso, documents.filter((d) => d.id !== doc.id));
    if (s.superseded) return { superseded: true, by: s.by, reason: `amends ${base.number}, which is superseded: ${s.reason}` };
  }
  return { superseded: false, by: null, reason: null };
}

function startsBy(d: LegalDocument, dateIso: string): boolean {
  const start = d.effective_from ?? d.adopted_on;
  return start !== null && start <= dateIso;
}
