/**
 * The SQL explorer's page script (/explore/). On the first view it only wires buttons: nothing is fetched until the
 * reader presses "Load the query engine", Run, or an example question; then src/client/duckdb.ts (DuckDB-WASM,
 * hyparquet, Arrow) is imported and started once, with a progress bar of the engine's bytes next to the buttons. An
 * example question shows at once its answer computed at build time (data-precomputed, labelled as such), then
 * runs live and replaces it. A result becomes a table (first MAX_SHOWN_ROWS rows, with the
 * count), a CSV link of exactly the result (a Blob URL), and, when the result is one text and one numeric column, a
 * quick bar chart drawn with Plot (imported only then). Errors show DuckDB's message, never a stack. Every element is
 * built with createElement/textContent; strings come from the page (data-strings) in the page's language.
 */
import type { ChartSpec, ManifestTable, QueryResult } from '../lib/views/explore.ts';
import { queryCitation } from '../lib/publish/release.ts';

/** An example's answer computed at build time (src/site/explore-examples.ts): its first rows and the full count. */
interface Precomputed { result: QueryResult; total: number }
type Source = { kind: 'live' } | { kind: 'precomputed'; total: number };

// The helpers (and schema.ts, papaparse behind them) load with the engine, not with the page.
type Lib = typeof import('../lib/views/explore.ts');
let lib: Lib | null = null;
const loadLib = async (): Promise<Lib> => (lib ??= await import('../lib/views/explore.ts'));

type Strings = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function setup(root: HTMLElement): void {
  const s = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const manifest = JSON.parse(root.dataset.manifest ?? '[]') as ManifestTable[];
  const dataDir = root.dataset.dataDir ?? '/data/';
  const precomputed = JSON.parse(root.dataset.precomputed ?? '{}') as Record<string, Precomputed>;
  const engineBytes = Number(root.dataset.engineBytes) || 0;
  const progressBox = root.querySelector<HTMLElement>('[data-progress]');
  const progressBar = progressBox?.querySelector('progress') ?? null;
  const progressText = root.querySelector<HTMLElement>('[data-progress-text]');
  const lang = document.documentElement.lang || 'vi';
  const nf = new Intl.NumberFormat(lang);
  const fmt = (key: string, vars: Record<string, number | string> = {}) =>
    (s[key] ?? key).replace(/\{(\w+)\}/g, (_m, k: string) => {
      const v = vars[k];
      return typeof v === 'number' ? nf.format(Math.round(v)) : String(v ?? '');
    });

  const form = root.querySelector<HTMLFormElement>('form[data-sql-form]')!;
  const input = root.querySelector<HTMLTextAreaElement>('[data-testid="sql-input"]')!;
  const runButton = root.querySelector<HTMLButtonElement>('[data-testid="sql-run"]')!;
  const loadButton = root.querySelector<HTMLButtonElement>('[data-load-engine]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const errorBox = root.querySelector<HTMLElement>('[data-error]')!;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  let csvUrl: string | null = null;
  let busy = false;
  // A question asked while the engine loads (an example pressed during another run) runs when it is free.
  let queued = false;
  // The engine's start-up time is reported once, with the first answer (or on loading), not with every query.
  let startupReported = false;

  async function engineModule() {
    const started = performance.now();
    status.textContent = s.loadingEngine ?? '';
    const [mod] = await Promise.all([import('./duckdb.ts'), loadLib()]);
    // Bytes of the engine received so far, of its size (decoded; the server may send it compressed).
    const mb = (n: number) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n / 1e6);
    const off = mod.onEngineProgress((loaded, total) => {
      const max = Math.max(engineBytes, total, loaded);
      if (progressBox && progressBar && progressText) {
        progressBox.hidden = false;
        progressBar.max = max;
        progressBar.value = loaded;
        progressText.textContent = fmt('progress', { loaded: mb(loaded), total: mb(max) });
      }
    });
    let readyMs: number;
    try {
      ({ readyMs } = await mod.getEngine());
    } finally {
      off();
      if (progressBox) progressBox.hidden = true;
    }
    loadButton.disabled = true;
    loadButton.textContent = s.engineLoaded ?? '';
    return { mod, readyMs, totalMs: performance.now() - started };
  }

  async function loadEngine(): Promise<void> {
    if (busy) return;
    busy = true;
    errorBox.hidden = true;
    try {
      const { readyMs } = await engineModule();
      startupReported = true;
      const line = fmt('engineReady', { ms: readyMs });
      status.textContent = line.charAt(0).toLocaleUpperCase(lang) + line.slice(1);
    } catch (e) {
      showError(e);
    } finally {
      busy = false;
    }
  }

  async function run(): Promise<void> {
    if (busy) {
      queued = true;
      return;
    }
    busy = true;
    runButton.disabled = true;
    errorBox.hidden = true;
    const clicked = performance.now();
    try {
      const { mod, readyMs } = await engineModule();
      status.textContent = s.running ?? '';
      const outcome = await mod.runQuery(input.value, manifest, dataDir);
      const parts = startupReported ? [] : [fmt('engineReady', { ms: readyMs })];
      startupReported = true;
      if (outcome.loads.length)
        parts.push(fmt('tablesLoaded', { list: outcome.loads.map((l) => `${l.name} ${nf.format(Math.round(l.ms))} ms`).join(', ') }));
      if (outcome.loads.length) parts.push(fmt('parquetRead', { kb: mod.parquetBytesFetched() / 1000 }));
      await showResult(outcome.result, { kind: 'live' });
      const answerMs = performance.now() - clicked;
      parts.push(fmt('queryDone', { ms: outcome.queryMs }), fmt('answerIn', { ms: answerMs }));
      // The same numbers, machine-readable, for scripts/bench-site.ts (DuckDB's own time vs click to answer).
      Object.assign(status.dataset, { queryMs: outcome.queryMs.toFixed(1), answerMs: answerMs.toFixed(1), parquetBytes: String(mod.parquetBytesFetched()) });
      const line = parts.join(' · ');
      status.textContent = line.charAt(0).toLocaleUpperCase(lang) + line.slice(1);
    } catch (e) {
      status.textContent = s.failed ?? '';
      // An old result under a new error would read as the answer to the failed query.
      output.replaceChildren();
      showError(e);
    } finally {
      busy = false;
      runButton.disabled = false;
      if (queued) {
        queued = false;
        void run();
      }
    }
  }

  /** An example: its answer computed at build time at once (when there is one), then the live answer. */
  async function example(id: string, sql: string): Promise<void> {
    input.value = sql;
    const pre = precomputed[id];
    if (pre && !busy) {
      const clicked = performance.now();
      errorBox.hidden = true;
      await showResult(pre.result, { kind: 'precomputed', total: pre.total });
      // For scripts/bench-site.ts: click to the first answer on screen.
      status.dataset.firstAnswerMs = (performance.now() - clicked).toFixed(1);
    }
    runButton.closest('.actions')?.scrollIntoView({ block: 'start', behavior: 'instant' });
    await run();
  }

  function showError(e: unknown): void {
    const message = lib ? lib.readableError(e) : e instanceof Error ? e.message : String(e);
    errorBox.replaceChildren(el('p', { class: 'explore-error-title' }, s.errorTitle), el('pre', {}, message));
    errorBox.hidden = false;
  }

  function resultTable(result: QueryResult, { cellText, MAX_SHOWN_ROWS }: Lib): HTMLElement {
    const shown = result.rows.slice(0, MAX_SHOWN_ROWS);
    const table = el('table', { 'data-testid': 'sql-result' });
    table.append(el('caption', {}, fmt(shown.length < result.rows.length ? 'captionFirst' : 'caption', { n: result.rows.length, shown: shown.length })));
    const headRow = el('tr');
    for (const c of result.columns) headRow.append(el('th', c.kind === 'number' ? { scope: 'col', class: 'num' } : { scope: 'col' }, c.name));
    const tbody = el('tbody');
    for (const r of shown) {
      const tr = el('tr');
      r.forEach((cell, i) => {
        // NULL reads "không rõ" / "unknown" (an unknown count is never shown as 0 or as nothing); the CSV keeps it empty.
        const text = cell === null ? (s.nullText ?? '') : cellText(cell);
        // Ids and short values stay on one line (they break badly at hyphens); long text wraps in a wide cell.
        const cls = `${result.columns[i]?.kind === 'number' ? 'num' : text.length <= 40 ? 'short' : 'long'}${cell === null ? ' null' : ''}`;
        tr.append(el('td', { class: cls }, text));
      });
      tbody.append(tr);
    }
    table.append(el('thead'), tbody);
    table.tHead!.append(headRow);
    const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': s.resultRegion ?? '' });
    wrap.append(table);
    return wrap;
  }

  async function chart(spec: ChartSpec): Promise<HTMLElement> {
    const Plot = await import('@observablehq/plot');
    const longest = Math.min(28, Math.max(...spec.data.map((d) => d.label.length)));
    const width = Math.max(300, Math.min(output.clientWidth || 640, 900));
    const svg = Plot.plot({
      width,
      height: 30 + spec.data.length * 22,
      marginLeft: 14 + longest * 7.5,
      marginRight: 24,
      marginBottom: 40,
      style: { fontSize: '13px' },
      ariaLabel: fmt('chartAria', { value: spec.value, label: spec.label, n: spec.data.length }),
      x: { label: spec.value, grid: true },
      y: { label: null, domain: spec.data.map((d) => d.label), tickFormat: (d: string) => (d.length > 28 ? `${d.slice(0, 27)}…` : d) },
      marks: [Plot.barX(spec.data, { x: 'value', y: 'label', fill: '#0b5394' }), Plot.ruleX([0])],
    });
    // One accessible name for the whole chart (the table above is the full alternative); Plot also labels each
    // mark's <g>, which ARIA prohibits on an element without a role.
    svg.setAttribute('role', 'img');
    for (const g of svg.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
    const figure = el('figure', { class: 'explore-chart' });
    figure.append(svg, el('figcaption', {}, `${fmt('chartCaption', { value: spec.value, label: spec.label })}${spec.truncated ? ` ${fmt('chartTruncated', { n: spec.data.length })}` : ''} ${s.chartSource ?? ''}`));
    return figure;
  }

  async function showResult(result: QueryResult, source: Source): Promise<void> {
    const l = await loadLib();
    const { MAX_SHOWN_ROWS } = l;
    const shown = result.rows.length;
    const label = source.kind === 'live' ? s.live ?? '' : fmt(source.total > shown ? 'precomputedFirst' : 'precomputed', { shown, n: source.total });
    const origin = el('p', { class: `result-source ${source.kind}`, 'data-testid': 'sql-source', 'data-source': source.kind }, label);
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([l.resultCsv(result)], { type: 'text/csv;charset=utf-8' }));
    const heading = el('h2', { id: 'result-heading', tabindex: '-1' }, s.resultHeading);
    const total = source.kind === 'precomputed' ? source.total : result.rows.length;
    const showing = Math.min(result.rows.length, MAX_SHOWN_ROWS);
    const count = el('p', { 'data-testid': 'sql-count' }, fmt(total > showing ? 'countFirst' : 'count', { n: total, shown: showing }));
    const link = el('a', { href: csvUrl, download: s.csvName ?? 'result.csv', 'data-testid': 'sql-csv' }, s.csvLink);
    const nodes: HTMLElement[] = [heading, origin, count, el('p')];
    nodes[3]!.append(link);
    // "Cite this result": the query, the dataset and its version, and this page's address.
    const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    nodes.push(el('p', { class: 'cite-query', 'data-testid': 'sql-citation' }, `${s.citeLabel ?? ''}: ${queryCitation(lang, input.value, root.dataset.citeUrl || null)}`));
    if (result.columns.length) nodes.push(resultTable(result, l));
    const spec = l.chartSpec(result);
    if (spec) nodes.push(await chart(spec));
    else if (result.rows.length) nodes.push(el('p', { class: 'muted' }, s.chartNone));
    output.replaceChildren(...nodes);
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void run();
    }
  });
  loadButton.addEventListener('click', () => void loadEngine());
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-example-sql]')) {
    b.addEventListener('click', () => void example(b.dataset.exampleId ?? '', b.dataset.exampleSql ?? ''));
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-explore]')) setup(root);
