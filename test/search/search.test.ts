/**
 * Search on the real published provisions: the index is built in memory from the data build's tables and read back
 * through the same cursor the browser uses; every expectation is computed independently, by scanning the folded
 * texts of the provisions (foldText, the project's fold), never written down.
 */
import { provisionLabelOfId } from '../../src/lib/reference/provision-label.ts';
import { TypedFirstCursor } from '../../src/lib/search/rank.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables } from '../../scripts/lib/tables.ts';
import { foldText } from '../../src/lib/text/fold.ts';
import type { RowOf } from '../../src/lib/publish/schema.ts';
import { bucketOf, buildSearchIndex, CHUNK, orderResolutions, provisionText, type SearchMeta } from '../../src/lib/search/indexer.ts';
import { SearchCursor, SearchIndex } from '../../src/lib/search/cursor.ts';
import { highlight, hitsCsv, matchesText, matchesTyped, NO_FILTERS, parseQuery, readParams, snippet, waysOut, writeParams, type SearchFilters, type SearchHit } from '../../src/lib/search/query.ts';

let resolutions: RowOf<'resolutions'>[];
let provisions: RowOf<'provisions'>[];
let files: Map<string, string>;
let reads: string[];

const open = () => SearchIndex.open(async (p) => {
  reads.push(p);
  const f = files.get(p);
  if (f === undefined) throw new Error(`no file ${p}`);
  return JSON.parse(f);
});

async function all(q: string, filters: SearchFilters = NO_FILTERS): Promise<SearchHit[]> {
  const c = new SearchCursor(await open(), parseQuery(q), filters);
  const out: SearchHit[] = [];
  for (;;) {
    const page = await c.next(7);
    out.push(...page.hits);
    if (page.done) return out;
  }
}

const key = (h: { resolution_id: string; provision_id: string }) => `${h.resolution_id}#${h.provision_id}`;
// Folded text padded with spaces: a whole-word test by substring (the fold squashes white space to one space).
const padded = (p: RowOf<'provisions'>) => ` ${foldText(provisionText(p)).replace(/[^a-z0-9]+/g, ' ')} `;

beforeAll(() => {
  const t = buildTables().tables;
  resolutions = t.resolutions;
  provisions = t.provisions;
  files = buildSearchIndex(resolutions, provisions);
  reads = [];
});

describe('search on the real provisions', () => {
  it('"huong uoc" finds exactly the provisions holding "hương ước", typed with or without diacritics', async () => {
    const expected = provisions.filter((p) => padded(p).includes(' huong uoc ')).map(key).sort();
    expect(expected.length).toBeGreaterThan(0);
    for (const q of ['"huong uoc"', '"hương ước"', '"HƯƠNG ƯỚC"', '"hương ước"'.normalize('NFD')]) {
      expect((await all(q)).map(key).sort(), q).toEqual(expected);
    }
  });

  it('word queries match all words anywhere; phrases only adjacent', async () => {
    const both = provisions.filter((p) => padded(p).includes(' giam ') && padded(p).includes(' sat ')).map(key).sort();
    const phrase = provisions.filter((p) => padded(p).includes(' giam sat ')).map(key).sort();
    expect((await all('giám sát')).map(key).sort()).toEqual(both);
    expect((await all('"giam sat"')).map(key).sort()).toEqual(phrase);
    const three = provisions.filter((p) => padded(p).includes(' thuc hien dan chu ')).map(key).sort();
    expect(three.length).toBeGreaterThan(0);
    expect((await all('"thực hiện dân chủ"')).map(key).sort()).toEqual(three);
    expect(await all('xyzzyq')).toEqual([]);
  });

  it('hits come newest resolution first, in reading order, each once', async () => {
    const hits = await all('dân');
    const order = new Map(orderResolutions(resolutions).map((r, i) => [r.id, i]));
    const ord = new Map(provisions.map((p) => [key(p), p.ord]));
    const pos = hits.map((h) => [order.get(h.resolution_id)!, ord.get(key(h))!] as const);
    expect(pos).toEqual([...pos].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(new Set(hits.map(key)).size).toBe(hits.length);
    expect(hits.length).toBe(provisions.filter((p) => padded(p).includes(' dan ')).length);
  });

  it('filters narrow by measure, level, province before and after 2025, and year', async () => {
    const base = provisions.filter((p) => padded(p).includes(' dan '));
    const res = new Map(resolutions.map((r) => [r.id, r]));
    const year = (r: RowOf<'resolutions'>) => Number((r.adopted_on ?? r.signed_on ?? '').slice(0, 4));
    const some = resolutions.find((r) => r.level === 'commune') ?? resolutions[0]!;
    const cases: [SearchFilters, (p: RowOf<'provisions'>) => boolean][] = [
      [{ ...NO_FILTERS, measure: 'M2' }, (p) => p.measures.includes('M2')],
      [{ ...NO_FILTERS, level: some.level }, (p) => res.get(p.resolution_id)!.level === some.level],
      [{ ...NO_FILTERS, province: some.province }, (p) => res.get(p.resolution_id)!.province === some.province],
      [{ ...NO_FILTERS, provinceAfter: some.province_after_2025 }, (p) => res.get(p.resolution_id)!.province_after_2025 === some.province_after_2025],
      [{ ...NO_FILTERS, year: year(some), measure: 'M1' }, (p) => year(res.get(p.resolution_id)!) === year(some) && p.measures.includes('M1')],
    ];
    for (const [f, keep] of cases) {
      const expected = base.filter(keep).map(key).sort();
      const got = (await all('dan', f)).map(key).sort();
      expect(got, JSON.stringify(f)).toEqual(expected);
      expect(got.length).toBeLessThan(base.length);
    }
  });

  it('a query reads only its terms\' shards, and the display files of what it shows', async () => {
    reads = [];
    const c = new SearchCursor(await open(), parseQuery('"hương ước"'), NO_FILTERS);
    await c.next(20);
    const meta = JSON.parse(files.get('meta.json')!) as SearchMeta;
    expect(reads.filter((p) => p.startsWith('s/'))).toEqual([`s/${bucketOf('huong uoc', meta.buckets)}.json`]);
    expect(reads.some((p) => p === 'r.json' || p.startsWith('c/'))).toBe(false);
  });
});

describe('long posting lists', () => {
  it('are split into chunks and read back whole, with filters skipping to the chunks they need', async () => {
    // A synthetic index of one term in CHUNK × 2.5 provisions of 3 resolutions: the cursor must cross chunks.
    const n = Math.floor(CHUNK * 2.5);
    const rs = [0, 1, 2].map((k) => ({ id: `r${k}`, title: 't', council: 'c', level: k === 2 ? 'commune' : 'province', province: 'A', province_after_2025: null, adopted_on: `202${k}-01-01`, signed_on: null }));
    const ps = Array.from({ length: n }, (_, i) => ({ resolution_id: `r${i % 3}`, provision_id: `p${i}`, ord: i, heading: null, text: i % 2 ? 'hương ước làng' : 'làng', measures: i % 5 ? [] : ['M1'] }));
    const saved = files;
    files = buildSearchIndex(rs, ps);
    try {
      expect([...files.keys()].some((p) => p.startsWith('c/'))).toBe(true);
      expect((await all('lang')).length).toBe(n);
      expect((await all('huong uoc')).length).toBe(ps.filter((p) => p.text.startsWith('h')).length);
      expect((await all('lang', { ...NO_FILTERS, measure: 'M1', level: 'commune' })).map((h) => h.provision_id).sort()).toEqual(ps.filter((p) => p.measures.length && p.resolution_id === 'r2').map((p) => p.provision_id).sort());
    } finally {
      files = saved;
    }
  });
});

describe('queries, highlights, addresses, CSV', () => {
  it('parses words and quoted phrases in the fold', () => {
    expect(parseQuery('Hương ước "giám sát cộng đồng" dân')).toEqual({
      words: ['huong', 'uoc', 'dan'], phrases: [['giam', 'sat', 'cong', 'dong']],
      typed: { huong: 'hương', uoc: 'ước', giam: 'giám', sat: 'sát', cong: 'cộng', dong: 'đồng', dan: 'dân' },
    });
    expect(parseQuery('huong uoc').typed).toBeUndefined();
    // One fold typed two ways: either form counts as typed.
    expect(parseQuery('hương hưởng').typed).toBeUndefined();
    expect(parseQuery('“Đối thoại”')).toEqual({ words: [], phrases: [['doi', 'thoai']], typed: { doi: 'đối', thoai: 'thoại' } });
    expect(parseQuery('  ')).toEqual({ words: [], phrases: [] });
  });

  it('highlights the words as printed, whatever the query\'s diacritics', () => {
    const text = 'Xây dựng Hương ước, quy ước; hương   ước của thôn.';
    const segs = highlight(text, parseQuery('"huong uoc"'));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Hương ước', 'hương   ước']);
    expect(highlight(text, parseQuery('uoc')).filter((s) => s.mark).map((s) => s.text)).toEqual(['ước', 'ước', 'ước']);
    expect(matchesText(text, parseQuery('"cua huong"'))).toBe(false);
    // An OCR slip (Ü for Ủ, as in Sơn La's scan) and decomposed marks read the same as the printed word.
    const ocr = 'Üy ban nhân dân xã; Ủy ban'.normalize('NFD');
    expect(highlight(ocr, parseQuery('"uy ban"')).filter((s) => s.mark).map((s) => s.text.normalize('NFC'))).toEqual(['Üy ban', 'Ủy ban']);
    expect(matchesText(text, parseQuery('"uoc cua thon"'))).toBe(true);
  });

  it('marks the words as typed first: "hương ước" marks "hương", not "hưởng"; the fold only when nothing is as typed', () => {
    const text = 'Người dân được hưởng lợi ích; xây dựng hương ước, quy ước.';
    const marks = (q: string) => highlight(text, parseQuery(q)).filter((s) => s.mark).map((s) => s.text);
    expect(marks('hương ước')).toEqual(['hương ước', 'ước']);
    expect(marks('"hương ước"')).toEqual(['hương ước']);
    expect(marks('huong uoc')).toEqual(['hưởng', 'hương ước', 'ước']);
    expect(marks('hướng')).toEqual(['hưởng', 'hương']);
    expect(matchesTyped(text, parseQuery('hương ước'))).toBe(true);
    expect(matchesTyped('được hưởng theo quy ước', parseQuery('hương ước'))).toBe(false);
    expect(matchesTyped(text, parseQuery('huong uoc'))).toBe(false);
  });

  it('on the real hits of "hương ước", "hưởng" (to enjoy) is never marked, though one provision holds it first', async () => {
    const hits = await all('hương ước');
    const tricky = hits.filter((h) => /hưởng/i.test(h.text.normalize('NFC')));
    expect(tricky.length).toBeGreaterThan(0);
    for (const h of hits) {
      const marks = highlight(h.text, parseQuery('hương ước')).filter((s) => s.mark).map((s) => s.text.normalize('NFC').toLowerCase());
      expect(marks.filter((m) => m.includes('hưởng')), key(h)).toEqual([]);
      expect(snippet(highlight(h.text, parseQuery('hương ước'))).filter((s) => s.mark).map((s) => s.text.normalize('NFC').toLowerCase())[0], key(h)).toMatch(/^(hương|ước)/);
    }
  });

  it('every hit\'s snippet holds a highlighted match, on the real provisions, for queries with and without diacritics', async () => {
    for (const q of ['hương ước', 'huong uoc', 'dân chủ', '"giám sát"', 'ngân sách nhà nước', 'quy chế', 'công khai']) {
      const parsed = parseQuery(q);
      const hits = await all(q);
      expect(hits.length, q).toBeGreaterThan(0);
      for (const h of hits) {
        for (const max of [120, 360]) expect(snippet(highlight(h.text, parsed), max).some((s) => s.mark), `${q} in ${key(h)}`).toBe(true);
      }
    }
  });

  it('ranks the hits holding the words as typed first, and finds the same set as the fold', async () => {
    // "hưởng" (to enjoy) folds to "huong" like "hướng" (direction) and "hương" (village, in "hương ước").
    const q = 'hưởng';
    const plain = await all(q);
    const c = new TypedFirstCursor(new SearchCursor(await open(), parseQuery(q), NO_FILTERS));
    const ranked: SearchHit[] = [];
    for (;;) {
      const page = await c.next(7);
      ranked.push(...page.hits);
      if (page.done) break;
    }
    expect(ranked.map(key).sort()).toEqual(plain.map(key).sort());
    const typed = ranked.map((h) => matchesTyped(h.text, parseQuery(q)));
    // Some hits only fold to the word ("hướng", "hương") in the real corpus, and they all come after the typed ones.
    expect(typed.includes(false)).toBe(true);
    expect(typed.indexOf(false)).toBeGreaterThan(0);
    expect(typed.slice(typed.indexOf(false)).includes(true)).toBe(false);
  });

  it('offers ways out of an empty result: no filters, no quotes, one word fewer; never diacritics', () => {
    const f = { ...NO_FILTERS, year: 2024 };
    expect(waysOut('"hương ước" làng', f).map((w) => [w.kind, w.q])).toEqual([['filters', '"hương ước" làng'], ['quotes', 'hương ước làng'], ['fewer', 'hương ước']]);
    expect(waysOut('làng', NO_FILTERS)).toEqual([]);
  });

  it('cuts a long provision around its first highlight, never through one', () => {
    const p = provisions.map(provisionText).find((t) => t.length > 500 && /dân chủ/.test(t.slice(300)))!;
    const segs = highlight(p, parseQuery('"dân chủ"'));
    for (const max of [60, 200, 360]) {
      const cut = snippet(segs, max);
      const text = cut.map((x) => x.text).join('');
      expect(text.length).toBeLessThan(max + 80);
      expect(p).toContain(text.replace(/^… /, '').replace(/ …$/, ''));
      for (const m of cut.filter((x) => x.mark)) expect(foldText(m.text)).toBe('dan chu');
    }
    expect(snippet(highlight('ngắn', parseQuery('ngan')))).toEqual([{ text: 'ngắn', mark: true }]);
    expect([provisionLabelOfId('vi', 'dieu-4.khoan-1.diem-a'), provisionLabelOfId('en', 'dieu-4.khoan-1.diem-a'), provisionLabelOfId('en', 'phu-luc')]).toEqual(['Điều 4 khoản 1 điểm a', 'Article 4(1)(a)', 'phu-luc']);
    // A clause printed "2.1" has the slug "khoan-2-1": the label says what the document printed.
    expect(provisionLabelOfId('vi', 'dieu-1.khoan-2-1.diem-b')).toBe('Điều 1 khoản 2.1 điểm b');
  });

  it('round-trips the query and filters through the address', () => {
    const f = { measure: 'M3', level: 'commune', province: 'Lạng Sơn', provinceAfter: null, year: 2024 };
    expect(readParams(new URLSearchParams(writeParams('"hương ước"', f)))).toEqual({ q: '"hương ước"', filters: f });
    expect(readParams(new URLSearchParams('?q=x&m=Z9&level=planet&y=abc')).filters).toEqual(NO_FILTERS);
  });

  it('writes hits as CSV with a BOM, CRLF and quoted cells', () => {
    const csv = hitsCsv([{ resolution_id: 'a', provision_id: 'dieu-1', title: '', council: '', date: null, text: 'x, "y"', measures: ['M1', 'M2'] }], (h) => `https://h/resolutions/${h.resolution_id}/#${h.provision_id}`);
    expect(csv).toBe('\uFEFFresolution_id,provision_id,measures,text,url\r\na,dieu-1,M1;M2,"x, ""y""",https://h/resolutions/a/#dieu-1\r\n');
  });
});
