/**
 * A curated source's reviewed corrections, applied to a copy of the same document in another surface (re-wrapped,
 * CRLF, markdown stripped, extracted from a PDF with page furniture between the lines). Each correction's `before`
 * is first looked for exactly, as applyCorrections does; when the exact count differs from the guard it is looked
 * for again ignoring case, white space, line breaks, markup marks and hyphens (both sides reduced to a "skeleton" of the
 * other characters; page numbers and running headers of the copy are skipped). The count guard still holds on the
 * skeleton. Only the characters the correction changes are replaced (the quoted context stays as the copy prints
 * it). A correction that cannot be located is reported, never silently dropped; one whose corrected words are
 * already there is reported as not needed. Returns the same shape as applyCorrections (text, edits, problems) plus
 * those two lists. Pure, never throws.
 */
import { correctionShapeProblems, findOccurrences, preview, sharedEnds, type Correction, type CorrectionResult, type Edit } from './corrections.ts';
import { splitLines } from '../text/lines.ts';
import { furnitureLines } from '../text/furniture.ts';

export interface LocatedResult extends CorrectionResult {
  /** Ids of corrections located only by the white-space-and-markup-insensitive search. */
  loose: string[];
  /** Ids of corrections whose `after` already stands in the copy where `before` would (not needed). */
  notNeeded: string[];
}

/** Characters that differ between surfaces of one text and are ignored when locating a correction. */
const IGNORED = /[\s\u00a0*_#|`>~\-–—•+]/;

interface Skeleton {
  chars: string;
  /** at[k]: offset in the text of skeleton character k. */
  at: number[];
}

function skeleton(text: string, skip: (offset: number) => boolean = () => false): Skeleton {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (IGNORED.test(ch) || skip(i)) continue;
    // Case too: a copy in TCVN3 cannot hold toned capitals ("ĐẾN" comes back "ĐếN"); one character for one.
    const lower = ch.toLowerCase();
    chars += lower.length === 1 ? lower : ch;
    at.push(i);
  }
  return { chars, at };
}

const skeletonLength = (s: string) => skeleton(s).chars.length;

interface Occurrence {
  c: Correction;
  /** The whole located `before`, for the overlap check. */
  from: number;
  to: number;
  /** The part that changes, and what it becomes. */
  start: number;
  end: number;
  after: string;
}

/** Occurrences of one correction found on the skeleton, as ranges of the copy. */
function looseOccurrences(text: string, sk: Skeleton, c: Correction): Occurrence[] | number {
  const before = c.before.normalize('NFC');
  const after = c.after.normalize('NFC');
  const needle = skeleton(before).chars;
  if (needle === '') return 0;
  const found = findOccurrences(sk.chars, needle);
  if (found.length !== c.count) return found.length;
  const [p, q] = sharedEnds(before, after);
  const k1 = skeletonLength(before.slice(0, p));
  const k2 = skeletonLength(before.slice(before.length - q));
  const changed = after.slice(p, after.length - q);
  const was = before.slice(p, before.length - q);
  // The changed characters start at a skeleton character, or in the white space after the prefix's last one; they
  // end at a skeleton character, or in the white space before the suffix's first one.
  const startsOnChar = was !== '' && !IGNORED.test(was[0] ?? '');
  const endsOnChar = was !== '' && !IGNORED.test(was[was.length - 1] ?? '');
  return found.map((m) => {
    const last = m + needle.length - 1;
    const from = sk.at[m] ?? 0;
    const to = (sk.at[last] ?? 0) + 1;
    const afterPrefix = k1 === 0 ? from : (sk.at[m + k1 - 1] ?? 0) + 1;
    const start = startsOnChar ? (sk.at[m + k1] ?? afterPrefix) : afterPrefix;
    const beforeSuffix = k2 === 0 ? to : (sk.at[m + needle.length - k2] ?? to);
    const end = was === '' ? start : endsOnChar ? (sk.at[m + needle.length - k2 - 1] ?? 0) + 1 : beforeSuffix;
    return { c, from, to, start, end: Math.max(start, end), after: changed };
  });
}

export function applyCorrectionsLocated(text: string, corrections: Correction[]): LocatedResult {
  const problems: string[] = [];
  const loose: string[] = [];
  const notNeeded: string[] = [];
  const lines = splitLines(text);
  const furniture = furnitureLines(lines);
  const skip = new Uint8Array(text.length);
  for (const l of lines) if (furniture.has(l.index)) skip.fill(1, l.start, l.end);
  const sk = skeleton(text, (i) => skip[i] === 1);
  const accepted: Occurrence[] = [];
  const seen = new Set<string>();
  for (const c of corrections) {
    const shape = correctionShapeProblems(c);
    if (seen.has(c.id)) shape.push(`correction ${c.id}: duplicate id`);
    seen.add(c.id);
    if (shape.length > 0) {
      problems.push(...shape);
      continue;
    }
    let occ: Occurrence[];
    const exact = findOccurrences(text, c.before);
    if (exact.length === c.count) {
      const [p, q] = sharedEnds(c.before, c.after);
      occ = exact.map((s) => ({ c, from: s, to: s + c.before.length, start: s + p, end: s + c.before.length - q, after: c.after.slice(p, c.after.length - q) }));
    } else {
      const r = looseOccurrences(text, sk, c);
      if (typeof r === 'number') {
        const already = skeleton(c.after.normalize('NFC')).chars;
        if (r === 0 && already !== '' && findOccurrences(sk.chars, already).length === c.count) notNeeded.push(c.id);
        else problems.push(`correction ${c.id}: expected ${c.count} occurrence${c.count === 1 ? '' : 's'} of «${preview(c.before)}» in this copy (ignoring white space, line breaks and markup), found ${r}; not applied`);
        continue;
      }
      occ = r;
      loose.push(c.id);
    }
    const clash = accepted.find((a) => occ.some((o) => o.from < a.to && a.from < o.to));
    if (clash) {
      problems.push(`correction ${c.id}: overlaps correction ${clash.c.id} at offset ${clash.from}; not applied`);
      continue;
    }
    accepted.push(...occ);
  }
  accepted.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const edits: Edit[] = [];
  let cursor = 0;
  let outLength = 0;
  for (const o of accepted) {
    const before = text.slice(o.start, o.end);
    // The copy may already print the corrected characters here (a layout fix on a copy laid out differently).
    if (before === o.after) continue;
    const kept = text.slice(cursor, o.start);
    parts.push(kept, o.after);
    const newStart = outLength + kept.length;
    outLength = newStart + o.after.length;
    edits.push({ correction_id: o.c.id, start: o.start, end: o.end, before, after: o.after, newStart, newEnd: outLength });
    cursor = o.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), edits, problems, loose, notNeeded };
}
