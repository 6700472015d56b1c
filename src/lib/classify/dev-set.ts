/**
 * The development set (data/dev/measures-dev.csv): real provisions from texts other than the five seeds, each with
 * the codes an independent reader gave before the classifier was run, scored against the classifier. parseDevSet
 * reads and checks the file; scoreDevSet classifies every row as the parser would give it (the row's heading as the
 * enclosing provision's words, its text as the provision's) and counts, on the grassroots-democracy rows, per-code
 * precision and recall and their micro average, and on the other-subject rows the share given any code. Rows are
 * also scored apart by split: "design" rows (the id's number not a multiple of 3) were the ones looked at while the
 * rules were written, "held-out" rows were not. Pure: the test and the methodology page read the file and call these.
 */
import Papa from 'papaparse';
import { MEASURE_CODES } from '../reference/vocabulary.ts';
import type { Taxonomy } from '../reference/taxonomy.ts';
import { computeAgreement, type Agreement } from './agreement.ts';
import { classifyDocument, type ProvisionInput } from './measures.ts';

export interface DevRow {
  id: string;
  subject: 'gd' | 'other';
  text: string;
  heading: string | null;
  source: string;
  codes: string[];
  reason: string;
}

const COLUMNS = ['id', 'subject', 'text', 'heading', 'source', 'locator', 'codes', 'reason'];

/** measures-dev.csv text → its rows, and every problem found ("row N: …"). */
export function parseDevSet(csv: string): { rows: DevRow[]; problems: string[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trimEnd(), { header: false, skipEmptyLines: false });
  const problems = parsed.errors.map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`);
  const [header = [], ...records] = parsed.data;
  if (header.join(',') !== COLUMNS.join(',')) return { rows: [], problems: [...problems, `header must be ${COLUMNS.join(',')}`] };
  const known = new Set<string>(MEASURE_CODES);
  const rows: DevRow[] = [];
  records.forEach((cells, i) => {
    const [id = '', subject = '', text = '', heading = '', source = '', , codeCell = '', reason = ''] = cells;
    const codes = codeCell.trim() === '' ? [] : codeCell.trim().split(/\s+/);
    if (cells.length !== COLUMNS.length) problems.push(`row ${i + 2}: expected ${COLUMNS.length} cells, found ${cells.length}`);
    if (subject !== 'gd' && subject !== 'other') problems.push(`row ${i + 2}: subject must be gd or other`);
    for (const c of codes) if (!known.has(c)) problems.push(`row ${i + 2}: unknown code ${c}`);
    rows.push({ id, subject: subject === 'other' ? 'other' : 'gd', text, heading: heading.trim() || null, source, codes, reason });
  });
  return { rows, problems };
}

/** The row's provision as the parser would give it: its label stripped, under a provision holding its heading. */
export function devProvisions(row: DevRow): ProvisionInput[] {
  const text = row.text.replace(/^\s*(?:\d+|[a-zđ])[.)]\s+/, '');
  if (!row.heading) return [{ id: 'row', parentId: null, heading: null, text }];
  return [{ id: 'context', parentId: null, heading: row.heading, text: row.heading }, { id: 'row', parentId: 'context', heading: null, text }];
}

export type DevSplit = 'all' | 'design' | 'held-out';

export interface DevScore {
  split: DevSplit;
  /** Agreement on the grassroots-democracy rows, the reader as reference (per code and micro). */
  gd: Agreement;
  /** Micro F1 over M1–M5, X1, X2 on those rows; null when there is nothing to score. */
  micro_f1: number | null;
  n_other: number;
  /** Other-subject rows given any code: none should be. */
  n_other_coded: number;
  other_coded_ids: string[];
}

export const isHeldOut = (id: string) => Number(id.replace(/\D+/g, '')) % 3 === 0;

/** The classifier's codes (M1–M5, X1, X2) for every row, keyed by row id. */
export function classifyDevSet(rows: readonly DevRow[], taxonomy: Taxonomy): Map<string, string[]> {
  const codes = new Set<string>(MEASURE_CODES);
  return new Map(rows.map((r) => {
    const labels = classifyDocument(devProvisions(r), taxonomy).get('row') ?? [];
    return [r.id, [...new Set(labels.map((l) => l.code).filter((c) => codes.has(c)))].sort()];
  }));
}

/** Scores of the classifier on the dev set, for one split. */
export function scoreDevSet(rows: readonly DevRow[], taxonomy: Taxonomy, split: DevSplit = 'all', given?: Map<string, string[]>): DevScore {
  const got = given ?? classifyDevSet(rows, taxonomy);
  const kept = rows.filter((r) => split === 'all' || (split === 'held-out') === isHeldOut(r.id));
  const gdRows = kept.filter((r) => r.subject === 'gd');
  const gd = computeAgreement(
    gdRows.map((r) => ({ resolution_id: 'dev', provision_id: r.id, codes: r.codes, note: r.reason })),
    gdRows.map((r) => ({ resolution_id: 'dev', provision_id: r.id, measures: got.get(r.id) ?? [], heading: r.heading, text: r.text })),
    MEASURE_CODES,
  );
  const { precision: p, recall: rc } = gd.overall;
  const other = kept.filter((r) => r.subject === 'other');
  const coded = other.filter((r) => (got.get(r.id) ?? []).length > 0).map((r) => r.id);
  return {
    split, gd, micro_f1: p === null || rc === null || p + rc === 0 ? null : (2 * p * rc) / (p + rc),
    n_other: other.length, n_other_coded: coded.length, other_coded_ids: coded,
  };
}
