/**
 * The compare page in the browser: reads ?ids=… from the address, loads the picker index (/data/site/index.json)
 * when the reader reaches for the picker or arrives with a choice (it grows with the corpus, so it is never part of
 * the first view), and the records of the chosen resolutions (/data/site/resolutions/<id>.json, cached), and
 * renders their columns with the same markup the build renders for the default example (CompareColumn.astro).
 * Typing filters the picker (diacritics-insensitive, via filterIndex); each change of the choice is written back to
 * the address with history.replaceState, so a reload or a shared link shows the same comparison. DOM built with
 * createElement/textContent only: no data ever goes through innerHTML.
 */
import {
  cellOf, COMPARE_ROWS, filterIndex, idsQuery, itemTags, markSegments, MAX_COMPARE, MIN_COMPARE, parseIds, PICKER_SHOWN, sharedWith,
  unknownIds,
  type IndexEntry, type SiteProvision, type SiteResolution,
} from '../lib/views/compare.ts';
import { formatDate, localePath } from '../lib/views/i18n.ts';
import { type Lang } from '../lib/reference/vocabulary.ts';
import { vietnamesePieces } from '../lib/text/vi-runs.ts';

type Strings = Record<string, string> & { rowLabels: Record<string, string>; completeness: Record<string, string> };
type Child = Node | string | null | false | undefined;

function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

/** Text for an English page with its Vietnamese names marked lang="vi" (as the build marks the static columns). */
const marked = (lang: Lang, text: string): (Node | string)[] =>
  lang === 'vi' ? [text] : vietnamesePieces(text).map((p) => (p.vi ? h('span', { lang: 'vi' }, p.text) : p.text));

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

function renderColumn(r: SiteResolution, shown: readonly string[], labels: Map<string, string>, lang: Lang, S: Strings): HTMLElement {
  const others = new Set(shown.filter((id) => id !== r.id));
  const resHref = (id: string) => localePath(lang, `/resolutions/${id}/`);
  const label = lang === 'vi' ? r.label_vi : r.label_en;
  const head = h('header', { class: 'cmp-head' },
    h('h3', { id: `cmp-h-${r.id}` }, h('a', { href: resHref(r.id) }, ...marked(lang, label))),
    h('p', {}, `${formatDate(lang, r.date)} · ${S.completeness[r.completeness] ?? r.completeness}`),
    r.completeness !== 'full' && h('p', { class: 'cmp-unknown' }, r.completeness === 'partial' ? S.openingNote : S.metaNote));
  const col = h('section', { class: 'cmp-col', 'data-testid': 'compare-column', 'data-id': r.id, 'aria-labelledby': `cmp-h-${r.id}` }, head);
  for (const row of COMPARE_ROWS) {
    const cell = cellOf(r, row);
    const title = h('h4', {}, row.length === 2 && h('span', { class: `badge ${row}` }, row), ` ${S.rowLabels[row] ?? row}`);
    const box = h('div', { class: 'cmp-cell', 'data-row': row, 'data-state': cell.state, style: `--o:${COMPARE_ROWS.indexOf(row) + 1}` }, title,
      h('p', { class: 'cmp-who', 'aria-hidden': 'true' }, ...marked(lang, label)));
    if (cell.state !== 'found') {
      const text = cell.state === 'not-found' ? S.notFound : r.completeness === 'metadata-only' ? S.unknownMeta : S.unknown;
      box.append(h('p', { class: cell.state === 'not-found' ? 'cmp-empty' : 'cmp-unknown' }, text));
    } else {
      const ul = h('ul');
      for (const it of cell.items) {
        if ('spans' in it) {
          const p: SiteProvision = it;
          const para = h('p', { lang: 'vi' });
          for (const s of markSegments(p.text, p.spans, others)) para.append(s.others.length ? h('mark', {}, s.text) : s.text);
          const shared = sharedWith(p.spans, others);
          const note = shared.length ? h('p', { class: 'cmp-shared' }, `${S.sharedWith}: `) : null;
          shared.forEach((s, i) => note?.append(i ? '; ' : '', h('a', { href: `${resHref(s.other)}#${s.other_provision}` }, ...marked(lang, `${labels.get(s.other) ?? s.other}, ${lang === 'vi' ? s.other_ref_vi : s.other_ref_en}`))));
          ul.append(h('li', {}, h('a', { class: 'cmp-ref', href: `${resHref(r.id)}#${p.provision_id}` }, lang === 'vi' ? p.ref_vi : p.ref_en), para, note));
        } else {
          const li = h('li');
          for (const k of itemTags(row, it)) li.append(h('span', { class: 'cmp-tag' }, S[k] ?? k));
          li.append(h('p', { lang: 'vi' }, it.text));
          if (it.provision_id) li.append(h('a', { class: 'cmp-ref', href: `${resHref(r.id)}#${it.provision_id}` }, (lang === 'vi' ? it.ref_vi : it.ref_en) ?? it.provision_id));
          ul.append(li);
        }
      }
      box.append(ul);
    }
    col.append(box);
  }
  return col;
}

async function start(root: HTMLElement): Promise<void> {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const S = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const input = $<HTMLInputElement>('cmp-q');
  const list = $<HTMLUListElement>('cmp-options');
  const status = $<HTMLParagraphElement>('cmp-status');
  const share = $<HTMLAnchorElement>('cmp-share');
  const grid = $<HTMLDivElement>('cmp-grid');
  const heading = $<HTMLHeadingElement>('cmp-result-h');
  const note = $<HTMLParagraphElement>('cmp-note');
  const example = [...grid.querySelectorAll<HTMLElement>('.cmp-col')];
  const exampleTitle = heading.textContent ?? '';
  const exampleNote = note.textContent ?? '';
  const corner = grid.querySelector<HTMLElement>('.cmp-corner');
  const fitHeads = () => { if (corner) grid.style.setProperty('--cmp-head', `${corner.offsetHeight}px`); };
  fitHeads();
  addEventListener('resize', fitHeads);

  // The picker's index (/data/site/index.json: 13 entries now, some 3 MB for 10,000 resolutions) is not part of the
  // first view: it loads when the reader reaches for the picker (focus, typing, a box) or arrives with ?ids=.
  let index: IndexEntry[] = [];
  let byId = new Map<string, IndexEntry>();
  let indexLoad: Promise<boolean> | null = null;
  const loadIndex = () => (indexLoad ??= fetch(`${base}data/site/index.json`)
    .then((res) => {
      if (!res.ok) throw new Error(String(res.status));
      return res.json() as Promise<IndexEntry[]>;
    })
    .then((entries) => {
      index = entries;
      byId = new Map(index.map((e) => [e.id, e]));
      return true;
    })
    .catch(() => {
      indexLoad = null;
      status.textContent = fill(S.loadError ?? '', { id: 'index' });
      return false;
    }));
  const labelOf = (id: string) => {
    const e = byId.get(id);
    return e ? (lang === 'vi' ? e.label_vi : e.label_en) : id;
  };
  const asked = new URLSearchParams(location.search).has('ids');
  if (asked && !(await loadIndex())) return;
  let selected = asked ? parseIds(location.search, new Set(byId.keys())) : [];
  // Ids the address asks for that the dataset does not hold are named, not silently dropped.
  const unknown = asked ? unknownIds(location.search, new Set(byId.keys())) : [];
  const warn = $<HTMLParagraphElement>('cmp-unknown');
  if (unknown.length) {
    warn.textContent = fill(S.unknownIds ?? '', { ids: unknown.map((id) => `“${id}”`).join(', ') });
    warn.hidden = false;
  }
  const cache = new Map<string, Promise<SiteResolution>>();
  const load = (id: string) => {
    let p = cache.get(id);
    if (!p) {
      p = fetch(`${base}data/site/resolutions/${encodeURIComponent(id)}.json`).then((r) => {
        if (!r.ok) throw new Error(id);
        return r.json() as Promise<SiteResolution>;
      });
      p.catch(() => cache.delete(id));
      cache.set(id, p);
    }
    return p;
  };

  const statusText = (extra = '') => {
    const q = input.value.trim();
    const n = q ? filterIndex(index, q).length : index.length;
    const found = !q ? fill((n > PICKER_SHOWN ? S.allSome : S.all) ?? '', { n, shown: PICKER_SHOWN }) : n ? fill(S.matches ?? '', { n, q }) : fill(S.none ?? '', { q });
    const chosen = selected.length ? ` ${fill(S.chosen ?? '', { n: selected.length, max: MAX_COMPARE })}` : '';
    const more = selected.length > 0 && selected.length < MIN_COMPARE ? ` ${S.needMore}` : '';
    status.textContent = `${found}${chosen}${more}${extra ? ` ${extra}` : ''}`;
  };

  const renderOptions = () => {
    const chosen = selected.map((id) => byId.get(id)).filter((e): e is IndexEntry => !!e);
    const matches = filterIndex(index, input.value).filter((e) => !selected.includes(e.id)).slice(0, PICKER_SHOWN);
    list.replaceChildren(...[...chosen, ...matches].map((e) => {
      const box = h('input', { type: 'checkbox', name: 'ids', value: e.id }) as HTMLInputElement;
      box.checked = selected.includes(e.id);
      const text = h('span', {}, `${lang === 'vi' ? e.label_vi : e.label_en} `, h('span', { class: 'muted' }, `· ${S.completeness[e.completeness] ?? e.completeness}`));
      return h('li', {}, h('label', {}, box, ' ', text));
    }));
    statusText();
  };

  let generation = 0;
  const renderGrid = async () => {
    const mine = ++generation;
    const ids = [...selected];
    const query = idsQuery(ids);
    share.hidden = ids.length === 0;
    share.href = `${location.pathname}${query}`;
    if (!ids.length) {
      heading.textContent = exampleTitle;
      note.textContent = exampleNote;
      grid.querySelectorAll('.cmp-col').forEach((c) => c.remove());
      grid.append(...example);
      fitHeads();
      return;
    }
    heading.textContent = S.comparison ?? '';
    note.textContent = ids.length < MIN_COMPARE ? S.needMore ?? '' : '';
    grid.setAttribute('aria-busy', 'true');
    try {
      const records = await Promise.all(ids.map(load));
      if (mine !== generation) return;
      const labels = new Map(ids.map((id) => [id, labelOf(id)]));
      grid.querySelectorAll('.cmp-col').forEach((c) => c.remove());
      grid.append(...records.map((r) => renderColumn(r, ids, labels, lang, S)));
      fitHeads();
    } catch (e) {
      if (mine === generation) statusText(fill(S.loadError ?? '', { id: e instanceof Error ? e.message : '' }));
    } finally {
      if (mine === generation) grid.removeAttribute('aria-busy');
    }
  };

  list.addEventListener('change', async (ev) => {
    const box = ev.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    // A box of the static list can be ticked before the index is here: the labels come with it.
    if (!(await loadIndex())) return;
    if (box.checked && selected.length >= MAX_COMPARE) {
      box.checked = false;
      statusText(fill(S.full ?? '', { max: MAX_COMPARE }));
      return;
    }
    selected = box.checked ? [...selected, box.value] : selected.filter((id) => id !== box.value);
    history.replaceState(history.state, '', `${location.pathname}${idsQuery(selected)}${location.hash}`);
    // The list is not rebuilt here, so keyboard focus stays on the box just toggled.
    statusText();
    void renderGrid();
  });
  input.addEventListener('focus', () => void loadIndex());
  list.addEventListener('pointerdown', () => void loadIndex());
  input.addEventListener('input', async () => {
    if (await loadIndex()) renderOptions();
  });

  if (asked) {
    renderOptions();
    if (selected.length) await renderGrid();
  }
}

const root = document.querySelector<HTMLElement>('[data-compare]');
if (root) void start(root);
