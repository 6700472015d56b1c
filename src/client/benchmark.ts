/**
 * The benchmark page in the browser: reads the pasted text (when the button is pressed) or the opened file (as soon
 * as it is opened; mammoth for .docx, the .doc reader and pdf.js for .pdf load only when such a file is opened; a
 * scanned PDF gets a message, OCR being for the command line), recognises a published resolution as the command line
 * does (identifySource on the sha256 and content fingerprint, then its reviewed corrections), runs the same library
 * (readInput → analyzeResolution → benchmarkDraft → readScorecard) on the context fetched from this site, and draws
 * the reading with DOM calls only — a draft's text is never inserted as HTML. Focus and view move to the result's
 * heading, or to the error beside the file control. Nothing is sent anywhere.
 */
import { fatalIssue, type Analysis } from '../lib/analyze/analyze.ts';
import { benchmarkDraft, type Scorecard } from '../lib/draft/scorecard.ts';
import { readBenchmarkContext, sourceKeys, type BenchmarkContext } from '../lib/draft/context.ts';
import { toBenchmarkJson } from '../lib/draft/report.ts';
import { headerLines, readScorecard, reportHeader, type Reading, type ReportHeader } from '../lib/draft/reading.ts';
import { BENCHMARK_STRINGS, fill, readError } from '../lib/draft/words.ts';
import type { Lang } from '../lib/reference/vocabulary.ts';
import { readInWorker } from './read-in-worker.ts';
import { MAX_FILE_BYTES } from '../lib/read/budget.ts';

const form = document.getElementById('draft-form') as HTMLFormElement | null;
if (form) setUp(form);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

async function sha256(bytes: Uint8Array): Promise<string | null> {
  if (!crypto.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice().buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** An error a person can act on, with its technical detail kept for the console. */
class DraftError extends Error {
  readonly code: string;
  constructor(code: string, detail: string) {
    super(detail);
    this.code = code;
  }
}

function setUp(form: HTMLFormElement): void {
  const lang = (form.dataset.lang === 'en' ? 'en' : 'vi') as Lang;
  const s = BENCHMARK_STRINGS[lang];
  const status = document.getElementById('draft-status') as HTMLElement;
  const errorBox = document.getElementById('draft-error') as HTMLElement;
  const fileInput = document.getElementById('draft-file') as HTMLInputElement;
  const textArea = document.getElementById('draft-text') as HTMLTextAreaElement;
  const card = document.getElementById('scorecard') as HTMLElement;
  const heading = document.getElementById('scorecard-title') as HTMLElement;
  const body = document.getElementById('scorecard-body') as HTMLElement;
  let context: Promise<BenchmarkContext> | null = null;
  let last: { analysis: Analysis; card: Scorecard; header: ReportHeader } | null = null;
  const getContext = () => {
    context ??= fetch(form.dataset.context ?? '').then((r) => {
      if (!r.ok) throw new DraftError('context', `HTTP ${r.status}`);
      return r.json();
    }).then(readBenchmarkContext).catch((e: unknown) => {
      context = null;
      throw e instanceof DraftError ? e : new DraftError('context', String(e));
    });
    return context;
  };

  const showError = (message: string) => {
    status.textContent = '';
    errorBox.textContent = message;
    errorBox.hidden = false;
    errorBox.focus();
    errorBox.scrollIntoView({ block: 'center' });
  };

  const run = async () => {
    const started = performance.now();
    card.hidden = true;
    errorBox.hidden = true;
    errorBox.textContent = '';
    const file = fileInput.files?.[0];
    let bytes: Uint8Array;
    let name: string | null;
    if (file) {
      status.textContent = s.reading ?? '';
      if (file.size > MAX_FILE_BYTES) {
        console.warn(`benchmark: too_large: ${file.size} bytes; the limit is ${MAX_FILE_BYTES}`);
        showError(readError(lang, 'too_large'));
        return;
      }
      bytes = new Uint8Array(await file.arrayBuffer());
      name = file.name;
    } else {
      if (textArea.value.trim() === '') {
        showError(s.empty ?? '');
        return;
      }
      bytes = new TextEncoder().encode(textArea.value);
      name = null;
    }
    // Read and analysed in a worker the page stops after its budget (read-in-worker.ts): the tab stays responsive.
    // A published resolution (same bytes or same content) is recognised there, as on the command line, and read
    // with its reviewed corrections.
    status.textContent = s.loading ?? '';
    const ctx = await getContext();
    status.textContent = s.analysing ?? '';
    const { input, analysis, matched } = await readInWorker(bytes, name ?? 'draft.txt', ctx.reference, {
      sha256: file ? await sha256(bytes) : null,
      keys: sourceKeys(ctx),
      corrections: Object.fromEntries(ctx.sources.map((x) => [x.id, x.corrections])),
    });
    if (!input.ok) {
      console.warn(`benchmark: ${input.code}: ${input.message}`);
      showError(input.code === 'scanned_pdf' ? (s.scannedPdf ?? input.message) : readError(lang, input.code));
      return;
    }
    if (!analysis) {
      showError(readError(lang, 'fallback'));
      return;
    }
    const fatal = fatalIssue(analysis);
    if (fatal) {
      console.warn(`benchmark: ${fatal.code}: ${fatal.message}`);
      showError(readError(lang, fatal.code));
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    const own = new Set([analysis.metadata.id, matched?.id].filter((x) => x));
    const result = benchmarkDraft(analysis, ctx.peers.filter((p) => !own.has(p.id)), ctx.reference.register, { today });
    const reading = readScorecard(analysis, result, ctx.reference.register, lang);
    const site = ctx.edition.site ?? `${location.origin}${form.dataset.siteBase ?? '/'}`;
    const header = reportHeader(reading, result, { file_name: name, made_on: today, site, dataset_version: ctx.edition.dataset_version });
    last = { analysis, card: result, header };
    const undated = !analysis.metadata.signed_on && !analysis.metadata.adopted_on;
    draw(body, reading, header, lang, form.dataset.resolutionBase ?? '/resolutions/', undated);
    card.hidden = false;
    status.textContent = fill(s.done ?? '', { ms: Math.round(performance.now() - started) });
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  };

  const start = () => {
    run().catch((err: unknown) => {
      console.warn('benchmark:', err);
      showError(readError(lang, err instanceof DraftError ? err.code : 'fallback'));
    });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    start();
  });
  // Opening a file is the request: its scorecard follows at once. Pasted text waits for the button.
  fileInput.addEventListener('change', () => {
    if (!fileInput.files?.length) return;
    textArea.value = '';
    start();
  });
  textArea.addEventListener('input', () => {
    if (textArea.value !== '') fileInput.value = '';
  });
  document.getElementById('draft-example')?.addEventListener('click', async () => {
    const url = (form.dataset.context ?? '').replace(/context\.json$/, 'example.txt');
    textArea.value = await (await fetch(url)).text();
    fileInput.value = '';
  });
  document.getElementById('draft-print')?.addEventListener('click', () => window.print());
  document.getElementById('draft-json')?.addEventListener('click', () => {
    if (!last) return;
    const blob = new Blob([JSON.stringify(toBenchmarkJson(last.analysis, last.card, last.header), null, 2)], { type: 'application/json' });
    const a = el('a', '', { href: URL.createObjectURL(blob), download: 'scorecard.json' });
    document.body.append(a);
    a.click();
    a.remove();
  });
}

function draw(root: HTMLElement, r: Reading, header: ReportHeader, lang: Lang, resolutionBase: string, undated: boolean): void {
  const s = BENCHMARK_STRINGS[lang];
  const link = (ref: string, text: string) => {
    const [id, prov] = ref.split('#');
    return el('a', text, { href: `${resolutionBase}${id}/${prov ? `#${prov}` : ''}` });
  };
  root.replaceChildren();

  if (r.matched) {
    const p = el('p', undefined, { class: 'matched', 'data-testid': 'matched-source' });
    const [before, after] = r.matched.text.split(r.matched.name);
    p.append(el('strong', `${s.matchedTitle}. `), document.createTextNode(before ?? ''), link(r.matched.id, r.matched.name), document.createTextNode(after ?? ''));
    root.append(p);
  }
  const summary = el('div', undefined, { class: 'summary', 'data-testid': 'scorecard-summary' });
  summary.append(el('h3', s.summary), el('p', r.summary.headline, { class: 'headline' }));
  if (r.summary.missing) summary.append(el('p', r.summary.missing));
  summary.append(el('p', `${s.whatToDo}:`, { class: 'fix-h' }));
  const fixes = el('ol', undefined, { class: 'fixes' });
  for (const f of r.summary.fixes) fixes.append(el('li', f));
  summary.append(fixes, el('p', r.peer_base, { class: 'peer-base', 'data-testid': 'peer-base' }));
  root.append(summary);


  // The dossier's header: first on paper (print-only copy at the top), after the summary on screen.
  const h = headerLines(header, lang, undated);
  const headerBlock = (cls: string, attrs: Record<string, string>) => {
    const head = el('div', undefined, { class: `report-header ${cls}`, ...attrs });
    const dl = el('dl');
    for (const [k, v] of h.rows) dl.append(el('dt', k), el('dd', v));
    head.append(el(cls === 'print-only' ? 'p' : 'h3', s.header), dl, el('p', h.note, { class: 'private' }));
    return head;
  };
  root.prepend(headerBlock('print-only', { 'aria-hidden': 'true' }));
  root.append(headerBlock('no-print', { 'data-testid': 'report-header' }));

  root.append(el('h3', s.measures));
  const list = el('div', undefined, { class: 'measures' });
  for (const m of r.measures) {
    const row = el('div', undefined, { class: 'measure', 'data-measure': m.code, 'data-status': m.present ? 'present' : 'missing' });
    row.append(el('span', m.name, { class: 'name' }), el('span', m.present ? s.present : s.missing, { class: 'status' }));
    row.append(el('span', m.places, { class: 'muted' }));
    if (m.compare) row.append(el('span', m.compare, { class: 'muted' }));
    list.append(row);
  }
  root.append(list);

  root.append(el('h3', s.lint));
  if (r.findings.length === 0) root.append(el('p', s.noLint));
  const ul = el('ul', undefined, { class: 'lint' });
  for (const f of r.findings) {
    const li = el('li', undefined, { 'data-code': f.code, 'data-severity': f.severity });
    const what = el('p');
    if (f.place) what.append(el('strong', `${f.place}: `));
    what.append(document.createTextNode(f.what));
    li.append(what);
    const labelled = (label: string, text: string, cls: string) => {
      const p = el('p', undefined, { class: cls });
      p.append(el('strong', `${label}: `), document.createTextNode(text));
      return p;
    };
    if (f.law) li.append(labelled(s.lawSays ?? '', f.law, 'law'));
    li.append(labelled(s.whatToDo ?? '', f.todo, 'todo'));
    ul.append(li);
  }
  root.append(ul);

  root.append(el('h3', s.details));
  for (const d of r.details) {
    const p = el('p');
    p.append(el('strong', `${d.heading}: `), document.createTextNode(d.text));
    root.append(p);
  }

  root.append(el('h3', s.similar));
  if (r.similar.every((x) => x.passages.length === 0)) root.append(el('p', s.noSimilar));
  const ol = el('ol', undefined, { class: 'similar' });
  for (const n of r.similar) {
    const li = el('li', undefined, { 'data-id': n.id });
    li.append(link(n.id, n.name), document.createTextNode(` — ${n.text}`));
    for (const p of n.passages.slice(0, 5)) {
      const q = el('blockquote', p.text);
      const cite = el('p', undefined, { class: 'muted' });
      cite.append(document.createTextNode(`${p.draft_place} ↔ `), link(p.source_ref, p.source_place));
      li.append(q, cite);
    }
    ol.append(li);
  }
  root.append(ol);

  root.append(el('h3', s.suggestions));
  if (r.suggestions.length === 0) root.append(el('p', s.noSuggestions));
  for (const kind of ['add', 'strengthen'] as const) {
    const mine = r.suggestions.filter((g) => g.kind === kind);
    if (mine.length === 0) continue;
    root.append(el('h4', kind === 'add' ? s.suggestAdd : s.suggestStrengthen), el('p', kind === 'add' ? s.suggestAddWhy : s.suggestStrengthenWhy, { class: 'muted' }));
    for (const g of mine) {
      const div = el('div', undefined, { class: 'suggestion', 'data-measure': g.measure, 'data-kind': g.kind });
      const head = el('p');
      head.append(el('strong', g.name), document.createTextNode(' — '), link(g.source_ref, `${g.source}, ${g.place}`));
      div.append(head, el('blockquote', g.text));
      root.append(div);
    }
  }
  if (r.suggestions_note) root.append(el('p', r.suggestions_note, { class: 'muted' }));
}
