/**
 * The search page in the browser: reads the query and filters from the address (?q=…&m=…&level=…&p=…&pa=…&y=…),
 * and only when there is a query opens the index (/data/search/meta.json, then the shards and display files the
 * query needs: src/lib/search/cursor.ts), so the first view of the page never loads it. Shows the hits 20 at a time
 * with the words highlighted and a link to each provision's anchor, announces counts in a live region, writes each
 * new search to the address (history.pushState: Back returns to the previous search) and downloads every hit as CSV.
 * DOM built with createElement/textContent only: no text goes through innerHTML.
 */
import { formatDate, localePath } from '../lib/views/i18n.ts';
import { type Lang } from '../lib/reference/vocabulary.ts';
import { SearchCursor, SearchIndex } from '../lib/search/cursor.ts';
import { TypedFirstCursor } from '../lib/search/rank.ts';
import { vietnamesePieces } from '../lib/text/vi-runs.ts';
import { provisionLabelOfId } from '../lib/reference/provision-label.ts';
import {
  highlight, hitsCsv, isEmptyQuery, parseQuery, readParams, snippet, waysOut, writeParams, type SearchFilters, type SearchHit,
} from '../lib/search/query.ts';

const PAGE = 20;
/** The CSV stops here: a word found in most provisions would otherwise fetch the whole corpus's text. */
const CSV_MAX = 10_000;

type Strings = Record<string, string> & { levelNames: Record<string, string> };

function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string | null | false)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}
const fill = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
/** A template's {q} as its own element marked lang="vi" (the reader's query is Vietnamese, the page may be English). */
const withQuery = (t: string, q: string): (Node | string)[] => {
  const [before = '', after = ''] = t.split('{q}');
  return t.includes('{q}') ? [before, h('span', { lang: 'vi' }, q), after] : [t];
};

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) {
  const lang = (root.dataset.lang ?? 'vi') as Lang;
  const S = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const form = root.querySelector<HTMLFormElement>('#search-form')!;
  const input = form.querySelector<HTMLInputElement>('#search-q')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const list = root.querySelector<HTMLOListElement>('#search-results')!;
  const more = root.querySelector<HTMLButtonElement>('#search-more')!;
  const csv = root.querySelector<HTMLButtonElement>('#search-csv')!;
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  const fmt = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');

  let index: Promise<SearchIndex> | null = null;
  const openIndex = () => (index ??= SearchIndex.open(async (path) => {
    const res = await fetch(`${base}data/search/${path}`);
    if (!res.ok) throw new Error(`${res.status} ${path}`);
    return res.json();
  }).catch((e: unknown) => {
    index = null;
    throw e;
  }));

  const hrefOf = (hit: SearchHit) => `${base.replace(/\/$/, '')}${localePath(lang, `/resolutions/${hit.resolution_id}/`)}#${hit.provision_id}`;
  let current: { q: string; filters: SearchFilters; cursor: TypedFirstCursor | null } | null = null;
  const ways = root.querySelector<HTMLElement>('#search-ways')!;
  let run = 0;

  const show = (f: SearchFilters, q: string) => {
    input.value = q;
    select('m').value = f.measure ?? '';
    select('level').value = f.level ?? '';
    // A value the page does not offer (a link from a larger corpus) is added, so the form says what is searched.
    for (const [name, v] of [['p', f.province], ['pa', f.provinceAfter], ['y', f.year === null ? null : String(f.year)]] as const) {
      const s = select(name);
      if (v !== null && ![...s.options].some((o) => o.value === v)) s.append(h('option', { value: v }, v));
      s.value = v ?? '';
    }
  };

  const render = (hits: readonly SearchHit[]) => {
    const parsed = current ? parseQuery(current.q) : { words: [], phrases: [] };
    for (const hit of hits) {
      const text = h('p', { class: 'srch-text', lang: 'vi' });
      for (const s of snippet(highlight(hit.text, parsed))) text.append(s.mark ? h('mark', {}, s.text) : s.text);
      const badges = (hit.measures ?? []).map((m) => h('span', { class: `badge ${m}` }, m));
      list.append(h('li', { 'data-testid': 'search-result', 'data-provision': hit.provision_id, 'data-resolution': hit.resolution_id },
        h('h3', {}, h('a', { href: hrefOf(hit) }, `${provisionLabelOfId(lang, hit.provision_id)} · `, h('span', { lang: 'vi' }, hit.title || hit.resolution_id))),
        h('p', { class: 'srch-meta' }, ...badges, h('span', { lang: 'vi' }, hit.council), ` · ${formatDate(lang, hit.date)}`),
        text));
    }
  };

  // data-state (searching, done, more, empty, error) and data-query-ms (start of the search to its first hits on
  // screen) let the tests and the bench wait for an answer without reading the words.
  const say = (text: string, state?: string) => {
    // The reader's words are Vietnamese: on an English page they are marked so (vi-runs.ts, as the build does).
    status.replaceChildren(...(lang === 'vi' ? [text] : vietnamesePieces(text).map((p) => (p.vi ? h('span', { lang: 'vi' }, p.text) : p.text))));
    if (state) status.dataset.state = state;
  };
  let started = 0;

  async function page(myRun: number, n = PAGE): Promise<void> {
    const c = current?.cursor;
    if (!c || !current) return;
    more.disabled = true;
    const p = await c.next(n);
    if (myRun !== run) return;
    render(p.hits);
    const q = current.q;
    if (started) status.dataset.queryMs = String(Math.round(performance.now() - started));
    started = 0;
    say(p.done ? (p.found === 0 ? fill(S.none!, { q }) : fill(S.found!, { n: fmt.format(p.found), q }))
      : fill(S.foundSome!, { n: fmt.format(p.found), q, max: fmt.format(p.maxTotal) }), p.done ? 'done' : 'more');
    more.hidden = p.done;
    more.disabled = false;
    csv.hidden = p.found === 0;
    if (p.done && p.found === 0) offerWaysOut(q, current.filters);
  }

  // Nothing found: links to the same search without the filters, without the quotes, without the last word.
  const offerWaysOut = (q: string, f: SearchFilters) => {
    const items = waysOut(q, f).map((w) => h('li', {}, h('a', { href: writeParams(w.q, w.filters), 'data-testid': `search-way-${w.kind}` }, ...withQuery(S[`way_${w.kind}`]!, w.q))));
    ways.replaceChildren(...(items.length ? [h('p', {}, S.waysTitle!), h('ul', {}, ...items)] : []), h('p', { class: 'muted' }, S.waysNote!));
    ways.hidden = false;
  };

  async function search(q: string, filters: SearchFilters): Promise<void> {
    const myRun = ++run;
    list.replaceChildren();
    ways.replaceChildren();
    ways.hidden = true;
    more.hidden = true;
    csv.hidden = true;
    const parsed = parseQuery(q);
    current = { q, filters, cursor: null };
    if (isEmptyQuery(parsed)) {
      say(q.trim() === '' ? S.start! : S.empty!, 'empty');
      return;
    }
    started = performance.now();
    say(S.searching!, 'searching');
    try {
      const idx = await openIndex();
      if (myRun !== run) return;
      current.cursor = new TypedFirstCursor(new SearchCursor(idx, parsed, filters));
      await page(myRun);
    } catch (e) {
      if (myRun === run) say(fill(S.failed!, { why: e instanceof Error ? e.message : String(e) }), 'error');
    }
  }

  const fromAddress = () => {
    const { q, filters } = readParams(new URLSearchParams(location.search));
    show(filters, q);
    void search(q, filters);
  };

  // A new search is a new history entry; a run of filter changes refines one entry (Back returns to the search before).
  const submit = (refine = false) => {
    const data = new FormData(form);
    const { q, filters } = readParams(new URLSearchParams([...data.entries()].map(([k, v]) => [k, String(v)])));
    const search_ = writeParams(q, filters);
    const refining = refine && (history.state as { refine?: boolean } | null)?.refine === true;
    if (search_ !== location.search) history[refining ? 'replaceState' : 'pushState']({ refine }, '', search_);
    void search(q, filters);
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit();
  });
  // A filter applies as soon as it changes (no need to press Search again).
  form.addEventListener('change', (ev) => {
    if ((ev.target as HTMLElement).tagName === 'SELECT') submit(true);
  });
  // A way out is a search of its own: followed in place, like a new search.
  ways.addEventListener('click', (ev) => {
    const a = (ev.target as HTMLElement).closest('a');
    if (!a) return;
    ev.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    fromAddress();
  });
  addEventListener('popstate', fromAddress);
  more.addEventListener('click', () => {
    void page(run).catch((e: unknown) => say(fill(S.failed!, { why: e instanceof Error ? e.message : String(e) }), 'error'));
  });
  csv.addEventListener('click', async () => {
    if (!current) return;
    const myRun = run;
    csv.disabled = true;
    say(S.csvBusy!);
    try {
      const c = new SearchCursor(await openIndex(), parseQuery(current.q), current.filters);
      const hits: SearchHit[] = [];
      let done = false;
      while (!done && hits.length < CSV_MAX) {
        const p = await c.next(Math.min(500, CSV_MAX - hits.length));
        hits.push(...p.hits);
        done = p.done;
      }
      if (myRun !== run) return;
      const text = hitsCsv(hits, (hit) => new URL(hrefOf(hit), location.href).href);
      const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })), download: `search-${current.q.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'results'}.csv` }) as HTMLAnchorElement;
      document.body.append(a);
      a.click();
      a.remove();
      say(fill(done ? S.csvDone! : S.csvCapped!, { n: fmt.format(hits.length) }));
    } catch (e) {
      say(fill(S.failed!, { why: e instanceof Error ? e.message : String(e) }));
    } finally {
      csv.disabled = false;
    }
  });
  fromAddress();
}
