/**
 * Search queries and what is shown of a hit, the pure part of /search/: the reader's query string → words and
 * phrases in the project's fold (tokens.ts, as the index was made: "huong uoc" = "hương ước"); the index terms that
 * must all be present; whether a provision's text really holds each phrase word for word; the spans of a text to
 * highlight; the filters as read from and written to the page address; and the hits as CSV rows.
 */
import { tokenize } from '../text/tokens.ts';
import { LEVELS, MEASURE_CODES } from '../reference/vocabulary.ts';
import { chartCsv } from '../publish/csv-text.ts';

export interface ParsedQuery {
  /** Folded words outside quotes: each must occur. */
  words: string[];
  /** Folded phrases in quotes ("hương ước"): the words adjacent, in order. */
  phrases: string[][];
}

/** Words outside double quotes, phrases inside them (straight or curly quotes; an unclosed quote runs to the end). */
export function parseQuery(q: string): ParsedQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  const parts = q.normalize('NFC').split(/["“”„]/);
  parts.forEach((part, i) => {
    const w = tokenize(part).words;
    if (i % 2 === 0 || w.length === 1) words.push(...w);
    else if (w.length > 1) phrases.push(w);
  });
  return { words: [...new Set(words)], phrases };
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

export interface Segment { text: string; mark: boolean }

/** The text cut into plain and highlighted pieces: every query word, and every whole occurrence of a phrase. */
export function highlight(text: string, p: ParsedQuery): Segment[] {
  const t = tokenize(text);
  const marked = new Uint8Array(t.words.length);
  const single = new Set(p.words);
  t.words.forEach((w, i) => {
    if (single.has(w)) marked[i] = 1;
  });
  for (const ph of p.phrases) {
    for (let i = indexOfRun(t.words, ph); i >= 0; i = indexOfRun(t.words, ph, i + 1)) marked.fill(1, i, i + ph.length);
  }
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
