/**
 * Running a search on the split index (search-index.ts) through a loader the caller gives (fetch in the browser,
 * the file system in tests and the bench): a parsed query and filters → hits in index order, a page at a time.
 * Only the shards of the query's terms are read, then, led by the rarest term, only the continuation chunks that can
 * hold its candidates, r.json when a resolution filter is set, and the display files of the hits shown; so the
 * bytes of a query grow with what it finds and shows, not with the corpus. Pure (no fetch, no DOM).
 */
import { bucketOf, MEASURE_TERM, type DocFile, type ResFile, type SearchMeta, type ShardEntry } from './indexer.ts';
import { hasResolutionFilter, matchesText, queryTerms, type ParsedQuery, type SearchFilters, type SearchHit } from './query.ts';

/** Reads one index file (a path under /data/search/) as parsed JSON; rejects when it cannot. */
export type SearchLoader = (path: string) => Promise<unknown>;

const undelta = (d: readonly number[], base: number): number[] => {
  const out = new Array<number>(d.length);
  let v = base;
  for (let i = 0; i < d.length; i++) out[i] = v += d[i]!;
  return out;
};

/** Largest i with xs[i] <= v (−1 when none); xs ascending. */
const floorIndex = (xs: readonly number[], v: number): number => {
  let lo = 0;
  let hi = xs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
};

interface Postings { term: string; df: number; bucket: number; n: number; bounds: number[]; chunks: (number[] | Promise<number[]>)[] }

/** The index as files are read: each file once (cached, shared by every search on the page). */
export class SearchIndex {
  private files = new Map<string, Promise<unknown>>();
  readonly meta: SearchMeta;
  private readonly load: SearchLoader;
  constructor(meta: SearchMeta, load: SearchLoader) {
    this.meta = meta;
    this.load = load;
  }

  static async open(load: SearchLoader): Promise<SearchIndex> {
    return new SearchIndex((await load('meta.json')) as SearchMeta, load);
  }

  file<T>(path: string): Promise<T> {
    let f = this.files.get(path);
    if (!f) {
      f = this.load(path);
      // A failed read is not cached: the reader can try again.
      f.catch(() => this.files.delete(path));
      this.files.set(path, f);
    }
    return f as Promise<T>;
  }

  async postings(term: string): Promise<Postings | null> {
    const bucket = bucketOf(term, this.meta.buckets);
    const e = (await this.file<Record<string, ShardEntry>>(`s/${bucket}.json`))[term];
    if (!e) return null;
    return { term, df: e[0], bucket, n: e[1], bounds: e[2], chunks: [undelta(e[3], 0)] };
  }

  /** Chunk k of a term's postings (0 is in the shard). */
  async chunk(p: Postings, k: number): Promise<number[]> {
    const c = p.chunks[k] ?? (p.chunks[k] = this.file<number[]>(`c/${p.bucket}/${p.n}-${k}.json`).then((d) => undelta(d, p.bounds[k - 1]!)));
    return c;
  }

  docs(k: number): Promise<DocFile> {
    return this.file<DocFile>(`d/${k}.json`);
  }
}

export interface Page { hits: SearchHit[]; done: boolean; found: number; maxTotal: number }

/** Provision ordinals allowed by the resolution filters, as sorted [from, to) ranges; null when none is set. */
async function allowedRanges(index: SearchIndex, f: SearchFilters): Promise<[number, number][] | null> {
  if (!hasResolutionFilter(f)) return null;
  const r = await index.file<ResFile>('r.json');
  const m = index.meta;
  const start = undelta(r.start, 0);
  const lvl = f.level === null ? -1 : m.levels.indexOf(f.level);
  const pro = f.province === null ? -1 : m.provinces.indexOf(f.province);
  const aft = f.provinceAfter === null ? -1 : m.provincesAfter.indexOf(f.provinceAfter);
  const out: [number, number][] = [];
  for (let k = 0; k < start.length; k++) {
    if (f.level !== null && r.level[k] !== lvl) continue;
    if (f.province !== null && r.province[k] !== pro) continue;
    if (f.provinceAfter !== null && r.after[k] !== aft) continue;
    if (f.year !== null && r.year[k] !== f.year) continue;
    const to = k + 1 < start.length ? start[k + 1]! : m.docs;
    const last = out[out.length - 1];
    if (last && last[1] === start[k]) last[1] = to;
    else if (to > start[k]!) out.push([start[k]!, to]);
  }
  return out;
}

/** A test of membership in sorted [from, to) ranges (their starts taken once, not per id). */
const inRanges = (ranges: readonly [number, number][]) => {
  const starts = ranges.map((r) => r[0]);
  return (id: number) => {
    const i = floorIndex(starts, id);
    return i >= 0 && id < ranges[i]![1];
  };
};

/**
 * A search as a cursor: next(n) gives the next n hits (fewer at the end). `found` counts the hits so far; `maxTotal`
 * is an upper bound (the rarest term's frequency) until `done`, when `found` is the total.
 */
export class SearchCursor {
  private terms: Postings[] | null = null;
  private allowed: ((id: number) => boolean) | null = null;
  /** Driver chunks read per refill: doubled while refills come back short, so a sparse query needs few round trips. */
  private stride = 1;
  private driverChunk = 0;
  private driverPos = 0;
  private pending: number[] = [];
  private exhausted = false;
  found = 0;
  maxTotal = 0;
  private readonly index: SearchIndex;
  readonly query: ParsedQuery;
  readonly filters: SearchFilters;
  constructor(index: SearchIndex, query: ParsedQuery, filters: SearchFilters) {
    this.index = index;
    this.query = query;
    this.filters = filters;
  }

  private async open(): Promise<Postings[]> {
    if (this.terms) return this.terms;
    const names = queryTerms(this.query);
    if (this.filters.measure) names.push(MEASURE_TERM + this.filters.measure);
    const [ps, ranges] = await Promise.all([Promise.all(names.map((t) => this.index.postings(t))), allowedRanges(this.index, this.filters)]);
    this.allowed = ranges ? inRanges(ranges) : null;
    if (ps.some((p) => p === null) || ps.length === 0) {
      this.exhausted = true;
      this.terms = [];
      return this.terms;
    }
    this.terms = (ps as Postings[]).sort((a, b) => a.df - b.df);
    this.maxTotal = this.terms[0]!.df;
    return this.terms;
  }

  /**
   * The next batch of the rarest term's postings that every other term and the filters allow: `stride` of its
   * chunks at once, then, all at once, the other terms' chunks that can hold those candidates.
   */
  private async refill(): Promise<void> {
    const [driver, ...others] = this.terms!;
    if (!driver) return;
    const last = Math.min(driver.bounds.length, this.driverChunk + this.stride - 1);
    const ks = Array.from({ length: last - this.driverChunk + 1 }, (_, i) => this.driverChunk + i);
    let batch = (await Promise.all(ks.map((k) => this.index.chunk(driver, k)))).flat();
    this.driverChunk = last + 1;
    this.stride *= 2;
    if (this.driverChunk > driver.bounds.length) this.exhausted = true;
    if (this.allowed) batch = batch.filter(this.allowed);
    const loaded = await Promise.all(others.map(async (p) => {
      const need = [...new Set(batch.map((id) => floorIndex(p.bounds, id) + 1))];
      return new Map(await Promise.all(need.map(async (k) => [k, await this.index.chunk(p, k)] as const)));
    }));
    others.forEach((p, j) => {
      batch = batch.filter((id) => {
        const ids = loaded[j]!.get(floorIndex(p.bounds, id) + 1)!;
        const i = floorIndex(ids, id);
        return i >= 0 && ids[i] === id;
      });
    });
    this.pending.push(...batch);
  }

  async next(n: number): Promise<Page> {
    await this.open();
    const hits: SearchHit[] = [];
    while (hits.length < n && !(this.exhausted && this.pending.length === 0)) {
      if (this.pending.length === 0) {
        await this.refill();
        continue;
      }
      if (this.pending.length >= n) this.stride = 1;
      const take = this.pending.splice(0, n - hits.length);
      const dc = this.index.meta.docChunk;
      const files = new Map(await Promise.all([...new Set(take.map((id) => Math.floor(id / dc)))].map(async (k) => [k, await this.index.docs(k)] as const)));
      for (const id of take) {
        const file = files.get(Math.floor(id / dc))!;
        const [ord, provision_id, text, measures] = file.d[id % dc]!;
        // The index's word pairs say a phrase may be there; the text says whether it is.
        if (this.query.phrases.some((ph) => ph.length > 2) && !matchesText(text, this.query)) continue;
        const [resolution_id, title, council, date] = file.r[ord]!;
        hits.push({ resolution_id, provision_id, title, council, date, text, measures });
      }
    }
    this.found += hits.length;
    const done = this.exhausted && this.pending.length === 0;
    if (done) this.maxTotal = this.found;
    return { hits, done, found: this.found, maxTotal: this.maxTotal };
  }
}
