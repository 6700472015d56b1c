/**
 * The reviewed annotations (data/curated/annotations.csv): an independent reader's measure codes for each provision
 * of the full texts, made without looking at the rules. parseAnnotations reads and checks the file; verdictOf says
 * whether review confirms (true) or rejects (false) a code the rules gave, or null when the provision was not reviewed.
 */
import Papa from 'papaparse';

export interface Annotation {
  resolution_id: string;
  provision_id: string;
  codes: string[];
  confidence: 'high' | 'medium' | 'low';
  note: string;
}

const CODES = new Set(['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2']);

export function parseAnnotations(csv: string): { annotations: Annotation[]; problems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, dynamicTyping: false });
  const problems: string[] = parsed.errors.map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  const seen = new Set<string>();
  const annotations = parsed.data.map((r, i) => {
    const codes = (r.codes ?? '').split(';').map((c) => c.trim()).filter(Boolean);
    const key = `${r.resolution_id}#${r.provision_id}`;
    if (!r.resolution_id || !r.provision_id) problems.push(`row ${i + 2}: resolution_id and provision_id are required`);
    if (seen.has(key)) problems.push(`row ${i + 2}: ${key} is annotated twice`);
    seen.add(key);
    for (const c of codes) if (!CODES.has(c)) problems.push(`row ${i + 2}: unknown code ${c}; expected one of ${[...CODES].join(', ')}`);
    if (!['high', 'medium', 'low'].includes(r.confidence ?? '')) problems.push(`row ${i + 2}: confidence must be high, medium or low`);
    return { resolution_id: r.resolution_id ?? '', provision_id: r.provision_id ?? '', codes, confidence: (r.confidence ?? 'low') as Annotation['confidence'], note: r.note ?? '' };
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
