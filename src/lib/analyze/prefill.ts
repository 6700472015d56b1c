/**
 * A curated file pre-filled from the parser's reading, for a curator to review (npm run add): every metadata value
 * the parser read, with the exact words of the text that state it (evidence.ts) and marked `unreviewed`; values it
 * read but whose words cannot be found, and values it did not read, are unknown with a note saying so. The file as a
 * whole is `reviewed: false` until a curator has checked every value, and is published with reviewed = false.
 * Also the checklist printed for the curator. Pure: analysis and text in, curated JSON and lines out.
 */
import type { Analysis } from './analyze.ts';
import { METADATA_FIELDS, type Completeness, type Curated, type CuratedMetadata } from '../curated/curated.ts';
import { EvidenceFinder, findEvidence } from './evidence.ts';
import { verbatimPart } from '../curated/curated.ts';

export interface PrefillSource {
  id: string;
  raw_file: string;
  raw_sha256: string;
}

export interface Prefilled {
  curated: Curated;
  /** Fields the parser read whose words were not found (left unknown). */
  unfound: (keyof CuratedMetadata)[];
}

/** Full when the parser found the closing and the signature, partial when it found articles, else metadata only. */
function completenessOf(a: Analysis): Completeness {
  return a.metadata.complete ? 'full' : a.provisions.length > 0 ? 'partial' : 'metadata-only';
}

export function prefillCurated(a: Analysis, text: string, source: PrefillSource): Prefilled {
  const read = a.metadata as unknown as Record<string, unknown>;
  const finder = new EvidenceFinder(verbatimPart(text).text);
  // The address of an opening is in the curator's header block, outside the verbatim part (as checkAgainstRaw allows).
  const whole = new EvidenceFinder(text);
  const unfound: (keyof CuratedMetadata)[] = [];
  const metadata = Object.fromEntries(METADATA_FIELDS.map((field) => {
    const value = read[field];
    if (value === null || value === undefined || value === '') {
      return [field, { value: null, evidence: null, note: 'Not read by the parser (unreviewed): check whether the text states it.', unreviewed: true }];
    }
    const evidence = findEvidence(field === 'source_url' ? whole : finder, { field, value: value as string | number }, read);
    if (!evidence) {
      unfound.push(field);
      return [field, { value: null, evidence: null, note: `The parser read «${String(value)}» but the words stating it were not found (unreviewed): check by hand.`, unreviewed: true }];
    }
    return [field, { value, evidence, unreviewed: true }];
  })) as unknown as CuratedMetadata;
  const issues = a.issues.map((i) => `${i.code}: ${i.message}`);
  const curated: Curated = {
    ...source,
    reviewed: false,
    metadata,
    completeness: completenessOf(a),
    corrections: [],
    notes: `Pre-filled by npm run add from the parser's reading; not yet reviewed.${issues.length ? ` The parser reported: ${issues.join('; ')}.` : ''}`,
  };
  return { curated, unfound };
}

/** What the curator should check, one line each (Vietnamese terms kept, English prose). */
export function reviewChecklist(p: Prefilled, a: Analysis): string[] {
  const lines: string[] = [];
  for (const field of METADATA_FIELDS) {
    const f = p.curated.metadata[field];
    lines.push(f.value === null ? `  ${field}: unknown — ${f.note}` : `  ${field}: ${JSON.stringify(f.value)}  ← «${f.evidence.replace(/\s+/g, ' ').slice(0, 90)}»`);
  }
  const todo = [
    `completeness is "${p.curated.completeness}" (the parser found ${a.provisions.length} provisions${a.metadata.complete ? ', the closing and the signature' : ''}): check it against the document.`,
    ...a.issues.map((i) => `the parser says (${i.severity}, ${i.code}): ${i.message}`),
    'a conversion error in the text (OCR slip, stamp text, a misprinted label) is fixed by a correction in the curated file (before, after, count, reason), never in the raw file.',
    'check the provisions (npm run --silent analyze -- data/raw/<file>), the legal bases and the measures.',
    'when every value is right: remove each "unreviewed" mark and set "reviewed": {"by": "<you>", "on": "YYYY-MM-DD"}.',
    'then npm run data && npm test.',
  ];
  return [...lines, '', 'To check:', ...todo.map((t) => `  - ${t}`)];
}
