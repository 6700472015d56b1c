/**
 * The reviewed annotations (data/curated/annotations.csv): an independent reader's measure codes for each provision
 * of the full texts, made without looking at the rules. parseAnnotations reads and checks the file; verdictOf says
 * whether review confirms (true) or rejects (false) a code the rules gave, or null when the provision was not reviewed.
 */
import Papa from 'papaparse';
import { MEASURE_CODES } from '../reference/vocabulary.ts';

export interface Annotation {
  resolution_id: string;
  provision_id: string;
  /** The reviewer's codes; empty is the judgement "none of the codes", not a missing value. */
  codes: string[];
  confidence: 'high' | 'medium' | 'low';
  note: string | null;
}

const CODES = new Set<string>(MEASURE_CODES);
const COLUMNS = ['resolution_id', 'provision_id', 'codes', 'confidence', 'note'];
const CONFIDENCE = ['high', 'medium', 'low'];

/**
 * annotations.csv text (BOM or not, CRLF or LF) → the reviewed provisions, and every problem found ("row N: …"): a
 * different header, a row of the wrong width, a missing id, a provision annotated twice, codes not ';'-joined, a code
 * outside M1–M5, X1, X2, a confidence other than high, medium or low. The one reader of the file: the data build,
 * the methodology page and the tests all call it.
 */
export function parseAnnotations(csv: string): { annotations: Annotation[]; problems: string[] } {
  const body = csv.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body.trimEnd(), { header: false, skipEmptyLines: false, dynamicTyping: false });
  const problems = parsed.errors.map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`);
  const [header = [], ...records] = parsed.data;
  if (header.join(',') !== COLUMNS.join(',')) return { annotations: [], problems: [...problems, `header must be ${COLUMNS.join(',')}, found ${header.join(',')}`] };
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  records.forEach((cells, i) => {
    const where = `row ${i + 2}`;
    const [resolution_id = '', provision_id = '', codeCell = '', confidence = '', note = ''] = cells.map((c) => c.trim());
    if (cells.length !== COLUMNS.length) problems.push(`${where}: expected ${COLUMNS.length} cells, found ${cells.length}`);
    if (!resolution_id || !provision_id) return void problems.push(`${where}: resolution_id and provision_id are required`);
    const key = `${resolution_id}#${provision_id}`;
    if (seen.has(key)) return void problems.push(`${where}: ${resolution_id} ${provision_id} is annotated twice`);
    seen.add(key);
    const codes = codeCell === '' ? [] : codeCell.split(';').map((c) => c.trim());
    if (codes.some((c) => c === '' || /\s/.test(c))) problems.push(`${where}: codes must be ';'-joined codes, found '${codeCell}'`);
    else for (const c of codes) if (!CODES.has(c)) problems.push(`${where}: unknown code ${c}; expected one of ${[...CODES].join(', ')}`);
    if (!CONFIDENCE.includes(confidence)) problems.push(`${where}: confidence must be high, medium or low`);
    annotations.push({ resolution_id, provision_id, codes: codes.filter(Boolean), confidence: (CONFIDENCE.includes(confidence) ? confidence : 'low') as Annotation['confidence'], note: note || null });
  });
  return { annotations, problems };
}

/** Reviewed codes by "<resolution>#<provision>". */
export function reviewIndex(annotations: Annotation[]): Map<string, Set<string>> {
  return new Map(annotations.map((a) => [`${a.resolution_id}#${a.provision_id}`, new Set(a.codes)]));
}

/** Review's verdict on a code the rules gave a provision: confirmed, rejected, or null (not reviewed, or a practice tag). */
export function verdictOf(index: Map<string, Set<string>>, resolutionId: string, provisionId: string, code: string): boolean | null {
  if (!CODES.has(code)) return null;
  const codes = index.get(`${resolutionId}#${provisionId}`);
  return codes ? codes.has(code) : null;
}
