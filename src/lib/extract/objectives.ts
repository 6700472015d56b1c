/**
 * Numeric targets in a provision's text: a provision → objectives (value, unit, subject, action, deadline,
 * frequency, and the words they came from). A target is a number with "%" ("100% cơ quan, đơn vị … ban hành quy
 * chế …") or with a counted unit ("từ 01 đến 02 lớp", "ít nhất 01 lần"); a sentence without one is not an
 * objective, so principles give nothing. Numbers that are dates, article numbers or document numbers are never
 * read, because only "%" and the units below make a target.
 *
 * Reading one target: sentences are cut into semicolon parts. A part with a number starts a target; the parts
 * after it up to the next number belong to it (Lạng Sơn 3.1 lists three groups of trainees under one "100%"),
 * and Hải Phòng 1.1.c, five "100% …" parts in one sentence, gives five targets. The subject is the noun phrase
 * between the number and the first main verb, the action runs from that verb to the end of its part.
 */
import type { ProvisionInput } from '../classify/measures.ts';
import { foldWithMap, originalSlice, splitSegments, type FoldedText } from '../reference/taxonomy.ts';
import { findViDates } from '../text/normalize.ts';

export interface Objective {
  provision: string;
  /** The number, or the lower bound of a range ("từ 01 đến 02 lớp" → 1). */
  value: number;
  /** The upper bound of a range, else null. */
  value_max: number | null;
  /** "%" or the counted unit as printed ("lớp", "lần", "hội nghị" …). */
  unit: string;
  subject: string | null;
  action: string | null;
  /** ISO date, or a year ("2025"), when the sentence sets one ("đến năm 2025", "trước ngày 31/12/2025"). */
  deadline: string | null;
  /** Normalised frequency (see FREQUENCIES), or null. */
  frequency: string | null;
  /** The target's part of the sentence, with the parts that continue it. */
  text: string;
}

/** Frequency words (folded) → normalised value. "định kỳ N tháng" is computed, the rest read from this list. */
const FREQUENCIES: readonly [RegExp, string][] = [
  [/\bhang nam\b|\bmoi nam\b|\btung nam\b|\/\s?nam\b/, 'annual'],
  [/\b(?:hang|moi) quy\b|\/\s?quy\b/, 'quarterly'],
  [/\b(?:hang|moi) thang\b|\/\s?thang\b/, 'monthly'],
  [/\b(?:sau|06|6) thang (?:mot|1|01) lan\b|\bnua nam\b/, '6-monthly'],
  [/\b(?:hang|moi) tuan\b/, 'weekly'],
  [/\bthuong xuyen\b/, 'regular'],
];

/** "hằng năm" → "annual", "định kỳ 06 tháng" → "6-monthly", "định kỳ (hằng quý, tháng)" → "quarterly"; else null. */
export function normalizeFrequency(text: string): string | null {
  const f = foldWithMap(text).folded;
  const months = /\bdinh ky (\d{1,2}) thang\b/.exec(f);
  const periodic = /\bdinh ky (?:\(?\s*)?(?:hang|moi) (nam|quy|thang)\b/.exec(f);
  const candidates: [number, string][] = [];
  if (months) {
    const n = Number(months[1]);
    const v = n === 12 ? 'annual' : n === 6 ? '6-monthly' : n === 3 ? 'quarterly' : n === 1 ? 'monthly' : `${n}-monthly`;
    candidates.push([months.index, v]);
  }
  if (periodic) candidates.push([periodic.index, { nam: 'annual', quy: 'quarterly', thang: 'monthly' }[periodic[1] as 'nam'] ?? 'annual']);
  for (const [re, v] of FREQUENCIES) {
    const m = re.exec(f);
    if (m) candidates.push([m.index, v]);
  }
  candidates.sort((a, b) => a[0] - b[0]);
  return candidates[0]?.[1] ?? null;
}

/** Vietnamese decimal: "1.234,5" → 1234.5, "98,5" → 98.5, "01" → 1; null for anything else. */
export function parseViDecimal(s: string): number | null {
  const t = s.trim();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(?:,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d+\.\d{1,2}$/.test(t)) return Number(t);
  return null;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const UNITS = ['hoi nghi', 'cuoc thi', 'mo hinh', 'lop', 'lan', 'cuoc', 'buoi', 'dot', 'luot', 'nguoi', 'bai', 'tin', 'chuyen de', 'khoa'];
const TARGET = new RegExp(
  String.raw`(?<![a-z0-9.,])(?:tu\s+)?(${NUM})\s*(?:(%)|(?:\s*(?:den|-|–)\s*(${NUM}))?\s+(${UNITS.join('|')})(?![a-z0-9]))`,
  'g',
);
const VERBS = /(?<![a-z0-9])(?:ban hanh|thuc hien|trien khai|pho bien|ho tro|quyet dinh|hoat dong|bo sung|xay dung|to chuc|tham gia|ung dung|duoc|dat|hoan thanh|cap nhat|su dung|ap dung|kien toan|thanh lap|tuyen truyen|duy tri|ra soat|tiep nhan|giai quyet|nang cao)(?![a-z0-9])/g;

/** Index (in folded) of the first main verb at or after `from`, or -1. Skips verbs that belong to a noun phrase. */
function firstVerb(f: string, from: number): number {
  VERBS.lastIndex = from;
  for (let m = VERBS.exec(f); m; m = VERBS.exec(f)) {
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    const after = f.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (m[0] === 'duoc' && /^ giao\b/.test(after)) continue; // "người được giao nhiệm vụ": a relative clause
    if (/nhiem vu(?: (?:tham muu|to chuc|thuc hien|thuc thi))* $/.test(before)) continue; // the task itself
    if (m[0] === 'thuc hien' && (/^ dan chu\b/.test(after) || /\b(?:viec|ve|ket qua) $/.test(before))) continue;
    if (m[0] === 'to chuc' && (/, $/.test(before) || /^(?:,| co su dung| chinh tri)/.test(after))) continue; // a noun in a list
    return m.index;
  }
  return -1;
}

function deadlineOf(sentence: string): string | null {
  const f = foldWithMap(sentence).folded;
  for (const d of findViDates(sentence)) {
    const at = f.indexOf(foldWithMap(d.match).folded);
    if (at >= 0 && /\b(?:truoc|den|cham nhat|han|hoan thanh)\s+(?:het\s+)?(?:ngay\s+)?$/.test(f.slice(Math.max(0, at - 30), at))) return d.iso;
  }
  const y = /\b(?:den|truoc|trong|cuoi|het|hoan thanh trong)\s+(?:het\s+)?nam\s+(\d{4})\b/.exec(f) ?? /\bgiai doan\s+\d{4}\s*[-–]\s*(\d{4})\b/.exec(f);
  return y?.[1] ?? null;
}

const trimPart = (s: string) => s.replace(/^[\s,;:–-]+|[\s,;:.]+$/g, '').trim();

/** Time words that open a clause ("Hằng năm, …", "Đến năm 2025, …", "Phấn đấu …") are not part of a subject. */
const LEAD = new RegExp(String.raw`^(?:\s|,)*(?:(?:phan dau|hang nam|moi nam|tung nam|hang quy|hang thang|dinh ky(?: \d+ thang| \(?(?:hang|moi) \w+\)?)?|(?:den|truoc|trong|cham nhat) (?:het )?(?:nam \d{4}|ngay \d{1,2} thang \d{1,2} nam \d{4}|(?:ngay )?\d{1,2}/\d{1,2}/\d{4}))(?:\s|,)*)+`);

function subjectOf(ft: FoldedText, start: number, end: number): string | null {
  const lead = LEAD.exec(ft.folded.slice(start, end));
  return trimPart(originalSlice(ft, start + (lead?.[0].length ?? 0), end)) || null;
}

interface Part { ft: FoldedText; targets: RegExpMatchArray[] }

/** Subject and action of the target `k` of part `h`; `continuation` holds the number-less parts that follow it. */
function readTarget(h: Part, k: number, continuation: Part[]): { subject: string | null; action: string | null } {
  const { ft } = h;
  const f = ft.folded;
  const m = h.targets[k] as RegExpMatchArray;
  const at = m.index ?? 0;
  const numEnd = at + m[0].length;
  const scopeEnd = h.targets[k + 1]?.index ?? f.length;
  if (m[2] !== '%') {
    // Counts put the verb first ("Hằng năm tổ chức từ 01 đến 02 lớp …"): whoever comes before it is the subject.
    const verbAt = firstVerb(f.slice(0, at), k === 0 ? 0 : (h.targets[k - 1]?.index ?? 0));
    if (verbAt < 0) return { subject: null, action: trimPart(originalSlice(ft, at, scopeEnd)) || null };
    return { subject: subjectOf(ft, 0, verbAt), action: trimPart(originalSlice(ft, verbAt, scopeEnd)) || null };
  }
  const verbAt = firstVerb(f.slice(0, scopeEnd), numEnd);
  if (verbAt >= 0) return { subject: subjectOf(ft, numEnd, verbAt), action: trimPart(originalSlice(ft, verbAt, scopeEnd)) || null };
  // The verb comes after the listed subjects (Lạng Sơn 3.1: "100% A; B được bồi dưỡng …; C được tham gia tập huấn …").
  const ci = continuation.findIndex((x) => firstVerb(x.ft.folded, 0) >= 0);
  const rest = trimPart(originalSlice(ft, numEnd, scopeEnd)) || null;
  if (ci < 0) return { subject: rest, action: null };
  const c = continuation[ci] as Part;
  const cAt = firstVerb(c.ft.folded, 0);
  const listed = [rest, ...continuation.slice(0, ci).map((x) => trimPart(x.ft.source)), trimPart(originalSlice(c.ft, 0, cAt))];
  return { subject: listed.filter(Boolean).join('; ') || null, action: trimPart(originalSlice(c.ft, cAt, c.ft.folded.length)) || null };
}

/** Numeric targets of one provision, in order of appearance. */
export function extractObjectives(p: ProvisionInput): Objective[] {
  const out: Objective[] = [];
  // One NFC pass at the boundary: the words an objective quotes read the same for NFD input.
  for (const sentence of splitSegments(p.text.normalize('NFC'), /\n|[.!?](?=\s|$)/g)) {
    const parts: Part[] = splitSegments(sentence.text, /;/g).map((seg) => {
      const ft = foldWithMap(seg.text);
      return { ft, targets: [...ft.folded.matchAll(TARGET)] };
    });
    // Most sentences hold no number: only those with a target need their deadline read.
    if (parts.every((x) => x.targets.length === 0)) continue;
    const deadline = deadlineOf(sentence.text);
    parts.forEach((h, i) => {
      let j = i + 1;
      while (j < parts.length && (parts[j]?.targets.length ?? 0) === 0) j++;
      const continuation = parts.slice(i + 1, j);
      h.targets.forEach((m, k) => {
        const value = parseViDecimal(m[1] ?? '');
        if (value === null) return;
        const at = m.index ?? 0;
        const numEnd = at + m[0].length;
        const scopeEnd = h.targets[k + 1]?.index ?? h.ft.folded.length;
        const own = originalSlice(h.ft, k === 0 ? 0 : at, scopeEnd);
        const last = k === h.targets.length - 1;
        out.push({
          provision: p.id,
          value,
          value_max: m[3] ? parseViDecimal(m[3]) : null,
          unit: m[2] === '%' ? '%' : originalSlice(h.ft, numEnd - (m[4]?.length ?? 0), numEnd),
          ...readTarget(h, k, continuation),
          deadline,
          frequency: normalizeFrequency(own),
          text: [own, ...(last ? continuation.map((x) => x.ft.source) : [])].map(trimPart).filter(Boolean).join('; '),
        });
      });
    });
  }
  return out;
}
