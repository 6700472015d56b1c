/**
 * The full-text index of every provision, built at build time and split into small files so that one query fetches
 * only what it needs (src/lib/search/cursor.ts reads it). Published resolutions + provisions → a map of file paths
 * (under /data/search/) to JSON text:
 * - meta.json: format version, counts, the number of term shards and chunk sizes, the filter vocabularies;
 * - s/<bucket>.json: the terms whose hash falls in that bucket, each with its document frequency and the first
 *   CHUNK postings (provision ordinals, delta-coded); a longer list continues in c/<bucket>/<n>-<k>.json, and the
 *   shard lists the first ordinal of every continuation so that a query loads only the chunks it can hit;
 * - d/<k>.json: the display records of DOC_CHUNK consecutive provisions (resolution id, provision id, text) with the
 *   titles, councils and dates of their resolutions;
 * - r.json: per resolution its first provision ordinal, level, provinces before and after 2025 and year (loaded
 *   only when one of those filters is set).
 * Terms are the project's folded words (tokens.ts: no marks, đ→d, lower case, so "huong uoc", "hương ước" and an OCR
 * "Üy" match alike), the pairs of adjacent words ("huong uoc", for phrases) and one term per measure code ("#M1").
 * Provisions are numbered newest resolution first, then in reading order, which is the order of the results.
 * Same rows in, same bytes out. Pure.
 */
import { tokenize } from '../text/tokens.ts';
import { LEVELS } from '../reference/vocabulary.ts';

const SEARCH_FORMAT = 1;
/** Postings kept in a term's shard; the rest of a long list goes to continuation files of this many each. */
export const CHUNK = 2048;
/** Provisions per display file: a page of 20 scattered hits fetches at most 20 of these (~3 KB brotli each). */
const DOC_CHUNK = 32;
export const MEASURE_TERM = '#';

export interface SearchResolution {
  id: string;
  title: string;
  council: string;
  level: string;
  province: string;
  province_after_2025: string | null;
  adopted_on: string | null;
  signed_on: string | null;
}

export interface SearchProvision {
  resolution_id: string;
  provision_id: string;
  ord: number;
  heading: string | null;
  text: string | null;
  measures: readonly string[];
}

export interface SearchMeta {
  format: number;
  docs: number;
  resolutions: number;
  buckets: number;
  chunk: number;
  docChunk: number;
  levels: readonly string[];
  provinces: readonly string[];
  provincesAfter: readonly string[];
  years: readonly number[];
}

/** A shard entry: [document frequency, index within the bucket, first ordinals of the continuations, deltas]. */
export type ShardEntry = [number, number, number[], number[]];
/** A display record: [resolution ordinal, provision id, text as shown (heading, then text), measure codes]. */
export type DocRecord = [number, string, string, string[]];
/** A resolution in a display file: [id, title, council, date]. */
export type DocResolution = [string, string, string, string | null];
export interface DocFile { r: Record<string, DocResolution>; d: DocRecord[] }
/** r.json: first provision ordinal of each resolution (delta-coded), then per resolution level, provinces, year. */
export interface ResFile { start: number[]; level: number[]; province: number[]; after: number[]; year: number[] }

/** FNV-1a over UTF-16 units: the shard of a term, the same in Node and the browser. */
export function bucketOf(term: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/** A provision's text as shown and searched: its heading, then its own words. */
export function provisionText(p: Pick<SearchProvision, 'heading' | 'text'>): string {
  return [p.heading, p.text].filter((s): s is string => !!s && s.trim() !== '').join(' ');
}

/** The index terms of a text: each folded word and each pair of adjacent words, once. */
function termsOf(text: string): Set<string> {
  const words = tokenize(text).words;
  const out = new Set<string>(words);
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

const datedOf = (r: Pick<SearchResolution, 'adopted_on' | 'signed_on'>): string | null => r.adopted_on ?? r.signed_on ?? null;

/** Resolutions newest first (undated last), then by id: the order of provisions in the index and of results. */
export function orderResolutions<R extends SearchResolution>(resolutions: readonly R[]): R[] {
  return [...resolutions].sort((a, b) => {
    const da = datedOf(a) ?? '';
    const db = datedOf(b) ?? '';
    return da !== db ? (da < db ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

const deltas = (ids: readonly number[], from: number, to: number, base: number): number[] => {
  const out: number[] = [];
  let prev = base;
  for (let i = from; i < to; i++) {
    out.push(ids[i]! - prev);
    prev = ids[i]!;
  }
  return out;
};

/** Buckets for about 4,000 capped postings each (a power of two, at least 16). */
function bucketCount(cappedPostings: number): number {
  let b = 16;
  while (cappedPostings / b > 4000 && b < 65536) b *= 2;
  return b;
}

const collator = new Intl.Collator('vi');

/** The index files: path under /data/search/ → JSON text. */
export function buildSearchIndex(resolutions: readonly SearchResolution[], provisions: readonly SearchProvision[]): Map<string, string> {
  const ordered = orderResolutions(resolutions);
  const resOrd = new Map(ordered.map((r, i) => [r.id, i]));
  const byRes = new Map<string, SearchProvision[]>();
  for (const p of provisions) {
    if (!resOrd.has(p.resolution_id)) throw new Error(`provision ${p.resolution_id}#${p.provision_id}: no such resolution`);
    const list = byRes.get(p.resolution_id);
    if (list) list.push(p);
    else byRes.set(p.resolution_id, [p]);
  }
  const postings = new Map<string, number[]>();
  const docs: DocRecord[] = [];
  const start: number[] = [];
  for (const [k, r] of ordered.entries()) {
    start.push(docs.length);
    for (const p of (byRes.get(r.id) ?? []).sort((a, b) => a.ord - b.ord)) {
      const doc = docs.length;
      const text = provisionText(p);
      docs.push([k, p.provision_id, text, [...p.measures]]);
      const terms = termsOf(text);
      for (const m of p.measures) terms.add(MEASURE_TERM + m);
      for (const t of terms) {
        const list = postings.get(t);
        if (list) list.push(doc);
        else postings.set(t, [doc]);
      }
    }
  }
  const files = new Map<string, string>();
  let capped = 0;
  for (const list of postings.values()) capped += Math.min(list.length, CHUNK);
  const buckets = bucketCount(capped);
  const shards: Map<string, ShardEntry>[] = Array.from({ length: buckets }, () => new Map());
  for (const term of [...postings.keys()].sort()) {
    const ids = postings.get(term)!;
    const b = bucketOf(term, buckets);
    const n = shards[b]!.size;
    const bounds: number[] = [];
    for (let k = CHUNK; k < ids.length; k += CHUNK) {
      bounds.push(ids[k]!);
      files.set(`c/${b}/${n}-${bounds.length}.json`, JSON.stringify(deltas(ids, k, Math.min(ids.length, k + CHUNK), ids[k]!)));
    }
    shards[b]!.set(term, [ids.length, n, bounds, deltas(ids, 0, Math.min(ids.length, CHUNK), 0)]);
  }
  for (const [b, shard] of shards.entries()) files.set(`s/${b}.json`, JSON.stringify(Object.fromEntries(shard)));
  for (let k = 0; k * DOC_CHUNK < docs.length; k++) {
    const d = docs.slice(k * DOC_CHUNK, (k + 1) * DOC_CHUNK);
    const r: Record<string, DocResolution> = {};
    for (const [ord] of d) {
      const res = ordered[ord]!;
      r[ord] = [res.id, res.title, res.council, datedOf(res)];
    }
    files.set(`d/${k}.json`, JSON.stringify({ r, d } satisfies DocFile));
  }
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x !== '').sort(collator.compare);
  const provinces = sorted(ordered.map((r) => r.province));
  const provincesAfter = sorted(ordered.map((r) => r.province_after_2025 ?? ''));
  const yearOf = (r: SearchResolution) => Number((datedOf(r) ?? '').slice(0, 4)) || 0;
  const years = [...new Set(ordered.map(yearOf))].filter((y) => y > 0).sort((a, b) => b - a);
  const res: ResFile = {
    start: deltas(start, 0, start.length, 0),
    level: ordered.map((r) => LEVELS.indexOf(r.level as never)),
    province: ordered.map((r) => provinces.indexOf(r.province)),
    after: ordered.map((r) => provincesAfter.indexOf(r.province_after_2025 ?? '')),
    year: ordered.map(yearOf),
  };
  files.set('r.json', JSON.stringify(res));
  const meta: SearchMeta = {
    format: SEARCH_FORMAT, docs: docs.length, resolutions: ordered.length, buckets, chunk: CHUNK, docChunk: DOC_CHUNK,
    levels: LEVELS, provinces, provincesAfter, years,
  };
  files.set('meta.json', JSON.stringify(meta));
  return files;
}
