/**
 * Curated facts per resolution (data/curated/<id>.json): reviewed metadata where every value carries the exact
 * words of the raw text that state it (or is null with a note saying why it is unknown), the corrections layer for
 * that text, and reviewers' notes. validateCurated(json) checks the shape and the internal consistency of one file
 * (enums, ISO dates, effect rules); checkAgainstRaw(curated, rawText) checks it against its raw text (every evidence
 * is a verbatim substring outside the curator's header block, dates and numbers agree with their evidence, every
 * correction applies). Both return problems and never throw; reading files is the caller's business.
 */
import { isHttpUrl } from '../text/url.ts';
import { applyCorrections, correctionShapeProblems, type Correction } from './corrections.ts';
import { levelOf } from '../reference/jurisdictions.ts';
import { UNIT_TYPES, type Level, type UnitType } from '../reference/vocabulary.ts';
import { findViDates, foldVi, isoDate, parseRoman } from '../text/normalize.ts';
import { LEVELS } from '../reference/vocabulary.ts';

/** `unreviewed`: pre-filled from the parser's reading (npm run add) and not yet checked by a curator. */
export type Known<T> = { value: T; evidence: string; note?: string; unreviewed?: true };
export type Unknown = { value: null; evidence: null; note: string; unreviewed?: true };
export type Field<T> = Known<T> | Unknown;

export type EffectiveRule = 'date' | 'on_adoption' | 'on_signing';
export type EffectiveSource = 'text' | 'catalogue';
export type SessionKind = 'regular' | 'thematic';
export type Completeness = 'full' | 'partial' | 'metadata-only';

export interface CuratedMetadata {
  number: Field<string>;
  council: Field<string>;
  jurisdiction: Field<string>;
  unit_type: Field<UnitType>;
  level: Field<Level>;
  province: Field<string>;
  title: Field<string>;
  signed_on: Field<string>;
  adopted_on: Field<string>;
  effective_on: Field<string>;
  effective_rule: Field<EffectiveRule>;
  effective_source: Field<EffectiveSource>;
  signer: Field<string>;
  signer_title: Field<string>;
  term: Field<string>;
  session: Field<number>;
  session_kind: Field<SessionKind>;
  source_url: Field<string>;
}

export interface Curated {
  id: string;
  raw_file: string;
  raw_sha256: string;
  /** Who reviewed the file and when; false while it is the parser's reading, not yet reviewed (npm run add). */
  reviewed: { by: string; on: string } | false;
  metadata: CuratedMetadata;
  /**
   * An English gloss of the title, written from the Vietnamese title by a reviewer and shown beside it on English
   * pages: a gloss to help the reader, not an official translation (kind "gloss"). Optional: absent, the English
   * pages show the Vietnamese title alone.
   */
  title_gloss_en?: { value: string; kind: 'gloss'; reviewed: { by: string; on: string } };
  completeness: Completeness;
  corrections: Correction[];
  notes: string;
}

export const METADATA_FIELDS: readonly (keyof CuratedMetadata)[] = [
  'number', 'council', 'jurisdiction', 'unit_type', 'level', 'province', 'title', 'signed_on', 'adopted_on',
  'effective_on', 'effective_rule', 'effective_source', 'signer', 'signer_title', 'term', 'session', 'session_kind',
  'source_url',
];
const DATE_FIELDS = ['signed_on', 'adopted_on', 'effective_on'] as const;
const ENUMS: Partial<Record<keyof CuratedMetadata, readonly string[]>> = {
  unit_type: UNIT_TYPES,
  level: LEVELS,
  effective_rule: ['date', 'on_adoption', 'on_signing'],
  effective_source: ['text', 'catalogue'],
  session_kind: ['regular', 'thematic'],
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const isIsoDate = (s: unknown): s is string =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && isoDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)).iso === s;

/** Reviewed by a curator: the file says who and when, and no value is still marked unreviewed. */
export function isReviewed(c: Curated): boolean {
  return c.reviewed !== false && METADATA_FIELDS.every((k) => c.metadata[k].unreviewed !== true);
}

/** Shape and consistency problems of one curated file (parsed JSON). */
export function validateCurated(json: unknown): string[] {
  const p: string[] = [];
  if (!isObject(json)) return ['curated: not a JSON object'];
  const at = `curated ${String(json.id ?? '(no id)')}`;
  if (typeof json.id !== 'string' || !/^[a-z0-9-]+$/.test(json.id)) p.push(`${at}: id must be a kebab-case string`);
  if (typeof json.raw_file !== 'string' || !/\.(txt|md)$/.test(json.raw_file) || !json.raw_file.startsWith(`${json.id}.`)) {
    p.push(`${at}: raw_file must be "<id>.txt" or "<id>.md", found «${String(json.raw_file)}»`);
  }
  if (typeof json.raw_sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(json.raw_sha256)) p.push(`${at}: raw_sha256 must be 64 hex digits`);
  const reviewed = json.reviewed;
  if (reviewed !== false && (!isObject(reviewed) || typeof reviewed.by !== 'string' || !reviewed.by || !isIsoDate(reviewed.on))) {
    p.push(`${at}: reviewed must be {"by": "...", "on": "YYYY-MM-DD"}, or false while the file awaits review`);
  }
  if (!['full', 'partial', 'metadata-only'].includes(String(json.completeness))) {
    p.push(`${at}: completeness must be full, partial or metadata-only`);
  }
  if (typeof json.notes !== 'string') p.push(`${at}: notes must be a string`);
  if ('title_gloss_en' in json) {
    const g = json.title_gloss_en;
    if (!isObject(g) || typeof g.value !== 'string' || !g.value.trim() || g.kind !== 'gloss' || !isObject(g.reviewed) || typeof g.reviewed.by !== 'string' || !isIsoDate(g.reviewed.on)) {
      p.push(`${at}: title_gloss_en must be {"value": "…", "kind": "gloss", "reviewed": {"by": "…", "on": "YYYY-MM-DD"}}`);
    }
  }
  if (!Array.isArray(json.corrections)) p.push(`${at}: corrections must be an array`);
  else {
    const ids = new Set<string>();
    for (const c of json.corrections as Correction[]) {
      p.push(...correctionShapeProblems(c).map((m) => `${at}: ${m}`));
      if (ids.has(c.id)) p.push(`${at}: correction ${c.id}: duplicate id`);
      ids.add(c.id);
    }
  }
  const m = json.metadata;
  if (!isObject(m)) return [...p, `${at}: metadata must be an object`];
  for (const k of Object.keys(m)) if (!(METADATA_FIELDS as readonly string[]).includes(k)) p.push(`${at}: metadata.${k} is not a known field`);
  for (const k of METADATA_FIELDS) {
    const f = m[k];
    if (!isObject(f) || !('value' in f) || !('evidence' in f)) {
      p.push(`${at}: metadata.${k} must be {"value", "evidence"} or {"value": null, "evidence": null, "note"}`);
      continue;
    }
    if ('unreviewed' in f && f.unreviewed !== true) p.push(`${at}: metadata.${k}.unreviewed must be true, or be removed once the value is checked`);
    if (f.unreviewed === true && reviewed !== false) {
      p.push(`${at}: metadata.${k} is still marked unreviewed in a reviewed file; hint: check the value and remove the mark, or set "reviewed": false`);
    }
    if (f.value === null) {
      if (f.evidence !== null || typeof f.note !== 'string' || f.note.trim() === '') {
        p.push(`${at}: metadata.${k} is unknown, so evidence must be null and a note must say why`);
      }
      continue;
    }
    if (typeof f.evidence !== 'string' || f.evidence === '') p.push(`${at}: metadata.${k} has a value but no evidence`);
    if ('note' in f && typeof f.note !== 'string') p.push(`${at}: metadata.${k}.note must be a string`);
    const allowed = ENUMS[k];
    if (allowed && !allowed.includes(String(f.value))) p.push(`${at}: metadata.${k} «${String(f.value)}» is not one of ${allowed.join(', ')}`);
    if ((DATE_FIELDS as readonly string[]).includes(k) && !isIsoDate(f.value)) p.push(`${at}: metadata.${k} «${String(f.value)}» is not a valid ISO date`);
    if (k === 'term' && (typeof f.value !== 'string' || parseRoman(f.value) === null)) p.push(`${at}: metadata.term must be a roman numeral`);
    if (k === 'session' && (!Number.isInteger(f.value) || (f.value as number) < 1)) p.push(`${at}: metadata.session must be a whole number ≥ 1`);
    if (k === 'number' && /\s|\*/.test(String(f.value))) p.push(`${at}: metadata.number must have no spaces or markup`);
    if (k === 'source_url' && !isHttpUrl(f.value)) p.push(`${at}: metadata.source_url «${String(f.value).slice(0, 60)}» is not an http(s) address`);
  }
  if (p.length > 0) return p;
  return [...p, ...consistencyProblems(at, json as unknown as Curated)];
}

function consistencyProblems(at: string, c: Curated): string[] {
  const p: string[] = [];
  const m = c.metadata;
  if (m.unit_type.value !== null && m.level.value !== null && levelOf(m.unit_type.value) !== m.level.value) {
    p.push(`${at}: level ${m.level.value} does not fit unit type ${m.unit_type.value}`);
  }
  const rule = m.effective_rule.value;
  const source = m.effective_source.value;
  const eff = m.effective_on.value;
  if (eff !== null && source === null) p.push(`${at}: effective_on needs an effective_source`);
  if (rule !== null && source !== 'text') p.push(`${at}: an effective_rule comes from the text (effective_source "text")`);
  if (rule === 'on_adoption' && eff !== m.adopted_on.value) p.push(`${at}: effective on adoption, so effective_on must equal adopted_on`);
  if (rule === 'on_signing' && eff !== m.signed_on.value) p.push(`${at}: effective on signing, so effective_on must equal signed_on`);
  if (rule === 'date' && eff === null) p.push(`${at}: effective_rule "date" needs effective_on`);
  if (source === 'catalogue' && rule !== null) p.push(`${at}: a catalogue date says nothing of the rule; effective_rule must be null`);
  if (source === 'text' && rule === null) p.push(`${at}: effective_source "text" needs the rule the text states`);
  if (c.completeness === 'metadata-only' && c.corrections.length > 0) p.push(`${at}: a metadata-only file has no text to correct`);
  return p;
}

/**
 * The part of a raw file that is the source's own words. Full texts are verbatim throughout; an opening (.md) has a
 * curator's "---" header block and heading first, then the excerpt between "<!-- BEGIN" and "<!-- END" comments
 * (or, without them, the rest of the file after the heading).
 */
export function verbatimPart(rawText: string): { text: string; offset: number } {
  if (!rawText.startsWith('---\n')) return { text: rawText, offset: 0 };
  const headerEnd = rawText.indexOf('\n---\n', 3);
  if (headerEnd === -1) return { text: rawText, offset: 0 };
  const begin = rawText.indexOf('<!-- BEGIN', headerEnd);
  if (begin !== -1) {
    const offset = rawText.indexOf('\n', begin) + 1;
    const end = rawText.indexOf('<!-- END', offset);
    return { text: rawText.slice(offset, end === -1 ? undefined : end), offset };
  }
  let offset = headerEnd + '\n---\n'.length;
  const heading = /^\n*# [^\n]*\n/.exec(rawText.slice(offset));
  if (heading) offset += heading[0].length;
  return { text: rawText.slice(offset), offset };
}

const plain = (s: string) => foldVi(s.replace(/[*#|]/g, ' '));

/** The evidence of a source address that the text does not print but the sidecar records (npm run add --source). */
export const sidecarEvidence = (id: string) => `${id}.source.json`;

/**
 * Problems of a (valid) curated file against its raw text. `sidecarUrl`: the source_url its sidecar records, which
 * a source_url whose evidence is the sidecar's name (sidecarEvidence) must equal.
 */
export function checkAgainstRaw(c: Curated, rawText: string, sidecarUrl?: string | null): string[] {
  const p: string[] = [];
  const at = `curated ${c.id}`;
  const verbatim = verbatimPart(rawText).text;
  for (const k of METADATA_FIELDS) {
    const f = c.metadata[k];
    if (f.value === null) continue;
    if (k === 'source_url' && f.evidence === sidecarEvidence(c.id)) {
      if (sidecarUrl !== f.value) p.push(`${at}: metadata.source_url cites the sidecar, which records «${String(sidecarUrl)}», not «${f.value}»`);
      continue;
    }
    const where = k === 'source_url' ? rawText : verbatim;
    if (!where.includes(f.evidence)) {
      const inHeader = rawText.includes(f.evidence);
      p.push(
        `${at}: metadata.${k}: evidence «${f.evidence.slice(0, 60)}» is not ${inHeader ? 'in the verbatim part' : 'in the raw text'}; ` +
          `hint: ${inHeader ? 'the curator header block is not evidence' : 'copy it exactly from the raw file'}`,
      );
      continue;
    }
    const datesIn = (s: string) => findViDates(s).map((d) => d.iso);
    const dated = DATE_FIELDS.includes(k as (typeof DATE_FIELDS)[number]) && !(k === 'effective_on' && c.metadata.effective_rule.value !== 'date' && c.metadata.effective_source.value !== 'catalogue');
    if (dated && !datesIn(f.evidence).includes(String(f.value))) p.push(`${at}: metadata.${k}: evidence does not state ${String(f.value)}`);
    if (k === 'number' && f.evidence.replace(/[\s*]/g, '') !== f.value) p.push(`${at}: metadata.number: evidence does not read ${f.value}`);
    if (k === 'title' && plain(f.evidence) !== plain(String(f.value))) p.push(`${at}: metadata.title differs from its evidence beyond case and line breaks`);
  }
  const applied = applyCorrections(rawText, c.corrections);
  p.push(...applied.problems.map((m) => `${at}: ${m}`));
  return p;
}
