/**
 * Search queries and what is shown of a hit, the pure part of /search/: the reader's query string → words and
 * phrases in the project's fold (tokens.ts, as the index was made: "huong uoc" = "hương ước"), with the forms the
 * reader typed with diacritics kept beside them; the index terms that must all be present; whether a provision's text
 * really holds each phrase word for word, and whether it holds them as typed; the spans of a text to highlight (the
 * fold is for recall: where the text holds a word as typed, only those occurrences are marked, so "hương ước" marks
 * "hương", not "hưởng"); the filters as read from and written to the page address; ways out of an empty result; and
 * the hits as CSV rows.
 */
import { tokenize } from '../text/tokens.ts';
import { LEVELS, MEASURE_CODES } from '../reference/vocabulary.ts';
import { chartCsv } from '../publish/csv-text.ts';

export interface ParsedQuery {
  /** Folded words outside quotes: each must occur. */
  words: string[];
  /** Folded phrases in quotes ("hương ước"): the words adjacent, in order. */
  phrases: string[][];
  /**
   * Folded word → the word as typed (NFC, lower case), for the words typed with diacritics; absent when none was.
   * A fold typed two different ways in one query has no entry (either form counts as typed).
   */
  typed?: Readonly<Record<string, string>>;
}

/** Words outside double quotes, phrases inside them (straight or curly quotes; an unclosed quote runs to the end). */
export function parseQuery(q: string): ParsedQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  const typed = new Map<string, string | null>();
  const parts = q.normalize('NFC').split(/["“”„]/);
  parts.forEach((part, i) => {
    const t = tokenize(part);
    t.words.forEach((w, k) => {
      const form = t.text.slice(t.starts[k], t.ends[k]).toLowerCase();
      if (form === w) return;
      typed.set(w, typed.has(w) && typed.get(w) !== form ? null : form);
    });
    const w = t.words;
    if (i % 2 === 0 || w.length === 1) words.push(...w);
    else if (w.length > 1) phrases.push(w);
  });
  const out: ParsedQuery = { words: [...new Set(words)], phrases };
  const kept = [...typed].filter((e): e is [string, string] => e[1] !== null);
  if (kept.length) out.typed = Object.fromEntries(kept);
  return out;
}

export const isEmptyQuery = (p: ParsedQuery) => p.words.length === 0 && p.phrases.length === 0;

/** The index terms a hit must hold: every word, and every pair of adjacent words of every phrase. */
export function queryTerms(p: ParsedQuery): string[] {
  const terms = new Set(p.words);
  for (const ph of p.phrases) for (let i = 1; i < ph.length; i++) terms.add(`${ph[i - 1]} ${ph[i]}`);
  return [...terms];
}

const indexOfRun = (words: readonly string[], run: readonly string[], from = 0): number => {
  outer: for (let i = from; i + run.length <= words.length; i++) {
    for (let k = 0; k < run.length; k++) if (words[i + k] !== run[k]) continue outer;
    return i;
  }
  return -1;
};

/** True when the text holds every word and every phrase word for word (the index's pairs can only suggest it). */
export function matchesText(text: string, p: ParsedQuery): boolean {
  const words = tokenize(text).words;
  const set = new Set(words);
  return p.words.every((w) => set.has(w)) && p.phrases.every((ph) => indexOfRun(words, ph) >= 0);
}

/** Where each query word and phrase occurs in a text: by the fold, and which of those occurrences are as typed. */
function occurrences(text: string, p: ParsedQuery) {
  const t = tokenize(text);
  const typed = p.typed ?? {};
  const asTyped = (i: number) => {
    const want = typed[t.words[i]!];
    return want === undefined || t.text.slice(t.starts[i], t.ends[i]).toLowerCase() === want;
  };
  const runs: { all: number[][]; exact: number[][] }[] = [];
  for (const w of p.words) {
    const all = t.words.flatMap((x, i) => (x === w ? [[i, i + 1]] : []));
    runs.push({ all, exact: all.filter(([i]) => asTyped(i!)) });
  }
  for (const ph of p.phrases) {
    const all: number[][] = [];
    for (let i = indexOfRun(t.words, ph); i >= 0; i = indexOfRun(t.words, ph, i + 1)) all.push([i, i + ph.length]);
    runs.push({ all, exact: all.filter(([i, j]) => Array.from({ length: j! - i! }, (_, k) => i! + k).every(asTyped)) });
  }
  return { t, runs };
}

/** True when the query was typed with diacritics and the text holds every word and phrase as typed. */
export function matchesTyped(text: string, p: ParsedQuery): boolean {
  if (!p.typed) return false;
  const { runs } = occurrences(text, p);
  return runs.length > 0 && runs.every((r) => r.exact.length > 0);
}

export interface Segment { text: string; mark: boolean }

/**
 * The text cut into plain and highlighted pieces: every query word, and every whole occurrence of a phrase; where
 * the text holds a word or phrase as typed (with its diacritics), only those occurrences.
 */
export function highlight(text: string, p: ParsedQuery): Segment[] {
  const { t, runs } = occurrences(text, p);
  const marked = new Uint8Array(t.words.length);
  for (const r of runs) for (const [i, j] of r.exact.length ? r.exact : r.all) marked.fill(1, i, j);
  const out: Segment[] = [];
  let at = 0;
  for (let i = 0; i < t.words.length; i++) {
    if (!marked[i]) continue;
    // A run of marked words (and the spaces between them) is one highlight.
    let j = i;
    while (j + 1 < t.words.length && marked[j + 1] && /^\s*$/.test(t.text.slice(t.ends[j], t.starts[j + 1]))) j++;
    if (t.starts[i]! > at) out.push({ text: t.text.slice(at, t.starts[i]), mark: false });
    out.push({ text: t.text.slice(t.starts[i], t.ends[j]), mark: true });
    at = t.ends[j]!;
    i = j;
  }
  if (at < t.text.length) out.push({ text: t.text.slice(at), mark: false });
  return out;
}

/** Filters as in the page address: ?m=M1&level=commune&p=Lạng Sơn&pa=…&y=2024 (empty = any). */
export interface SearchFilters {
  measure: string | null;
  level: string | null;
  province: string | null;
  provinceAfter: string | null;
  year: number | null;
}

export const NO_FILTERS: SearchFilters = { measure: null, level: null, province: null, provinceAfter: null, year: null };

const PARAMS = { measure: 'm', level: 'level', province: 'p', provinceAfter: 'pa', year: 'y' } as const;

/** The query and filters of a page address (unknown or malformed values are dropped). */
export function readParams(params: URLSearchParams): { q: string; filters: SearchFilters } {
  const get = (k: string) => (params.get(k) ?? '').trim() || null;
  const m = get(PARAMS.measure);
  const y = Number(get(PARAMS.year));
  return {
    q: params.get('q') ?? '',
    filters: {
      measure: m && (MEASURE_CODES as readonly string[]).includes(m) ? m : null,
      level: ((l) => (l && (LEVELS as readonly string[]).includes(l) ? l : null))(get(PARAMS.level)),
      province: get(PARAMS.province),
      provinceAfter: get(PARAMS.provinceAfter),
      year: Number.isInteger(y) && y > 1900 ? y : null,
    },
  };
}

/** The address's search part for a query and filters, in a fixed order so that one search has one link. */
export function writeParams(q: string, f: SearchFilters): string {
  const p = new URLSearchParams();
  p.set('q', q);
  for (const k of Object.keys(PARAMS) as (keyof SearchFilters)[]) if (f[k] !== null && f[k] !== '') p.set(PARAMS[k], String(f[k]));
  return `?${p.toString()}`;
}

export const hasResolutionFilter = (f: SearchFilters) => f.level !== null || f.province !== null || f.provinceAfter !== null || f.year !== null;

export interface SearchHit {
  resolution_id: string;
  provision_id: string;
  title: string;
  council: string;
  date: string | null;
  text: string;
  measures?: readonly string[];
}

/**
 * Hits as CSV in the published files' layout (csv.ts: UTF-8 BOM, CRLF after every record, quotes only where
 * needed): resolution_id, provision_id, measures (';'-joined), text, url (absolute on `origin`).
 */
export function hitsCsv(hits: readonly SearchHit[], urlOf: (h: SearchHit) => string): string {
  return chartCsv(['resolution_id', 'provision_id', 'measures', 'text', 'url'], hits.map((h) => [h.resolution_id, h.provision_id, (h.measures ?? []).join(';'), h.text, urlOf(h)]));
}

/**
 * At most about `max` characters of highlighted text around the first highlight, cut at spaces, with "…" where the
 * text goes on: a long provision does not flood the list (the link opens it whole).
 */
export function snippet(segments: readonly Segment[], max = 360): Segment[] {
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  if (total <= max) return [...segments];
  let first = 0;
  for (const s of segments) {
    if (s.mark) break;
    first += s.text.length;
  }
  let from = Math.max(0, Math.min(first - Math.floor(max / 3), total - max));
  let to = Math.min(total, from + max);
  const whole = segments.map((s) => s.text).join('');
  if (from > 0) from = ((i) => (i < 0 || i > first ? from : i + 1))(whole.lastIndexOf(' ', from));
  // Never cut a highlight in two: the end moves past the mark it falls in, then to the next space.
  let end = 0;
  for (const s of segments) {
    end += s.text.length;
    if (s.mark && end - s.text.length < to && to < end) to = end;
  }
  if (to < total) to = ((i) => (i < 0 ? total : i))(whole.indexOf(' ', to));
  const out: Segment[] = from > 0 ? [{ text: '… ', mark: false }] : [];
  let at = 0;
  for (const s of segments) {
    const a = Math.max(at, from);
    const b = Math.min(at + s.text.length, to);
    if (b > a) out.push({ text: s.text.slice(a - at, b - at), mark: s.mark });
    at += s.text.length;
  }
  if (to < total) out.push({ text: ' …', mark: false });
  return out;
}

/** A way out of an empty result: what to change, and the query and filters to try. */
export interface WayOut { kind: 'filters' | 'quotes' | 'fewer'; q: string; filters: SearchFilters }

/**
 * What to try when nothing matched, each a search of its own (the page shows them as links): without the filters,
 * without the quotes (the words anywhere in a provision), without the last word. Diacritics are never a way out:
 * the search already ignores them.
 */
export function waysOut(q: string, f: SearchFilters): WayOut[] {
  const out: WayOut[] = [];
  const any = Object.values(f).some((v) => v !== null);
  if (any) out.push({ kind: 'filters', q, filters: NO_FILTERS });
  const unquoted = q.replace(/["“”„]/g, ' ').replace(/\s+/g, ' ').trim();
  if (unquoted !== q.trim() && parseQuery(q).phrases.length) out.push({ kind: 'quotes', q: unquoted, filters: f });
  const words = unquoted.split(' ').filter((w) => tokenize(w).words.length);
  if (words.length > 1) out.push({ kind: 'fewer', q: words.slice(0, -1).join(' '), filters: f });
  return out;
}
