/**
 * The benchmark page in the browser: reads the pasted text (when the button is pressed) or the opened file (as soon
 * as it is opened; mammoth for .docx, the .doc reader and pdf.js for .pdf load only when such a file is opened; a
 * scanned PDF gets a message, OCR being for the command line), runs the same library as the command line
 * (readInput → analyzeResolution → benchmarkDraft) on
 * the context fetched from this site, and draws the scorecard with DOM calls only — a draft's text is never inserted
 * as HTML. Nothing is sent anywhere.
 */
import { fatalIssue, type Analysis } from '../lib/analyze/analyze.ts';
import { benchmarkDraft, type Scorecard } from '../lib/draft/scorecard.ts';
import { readBenchmarkContext, type BenchmarkContext } from '../lib/draft/context.ts';
import { toBenchmarkJson } from '../lib/draft/report.ts';
import { BENCHMARK_STRINGS, fill } from '../lib/draft/words.ts';
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

function setUp(form: HTMLFormElement): void {
  const lang = (form.dataset.lang === 'en' ? 'en' : 'vi') as Lang;
  const s = BENCHMARK_STRINGS[lang];
  const status = document.getElementById('draft-status') as HTMLElement;
  const fileInput = document.getElementById('draft-file') as HTMLInputElement;
  const textArea = document.getElementById('draft-text') as HTMLTextAreaElement;
  const card = document.getElementById('scorecard') as HTMLElement;
  const body = document.getElementById('scorecard-body') as HTMLElement;
  let context: Promise<BenchmarkContext> | null = null;
  let last: { analysis: Analysis; card: Scorecard } | null = null;
  const getContext = () => {
    context ??= fetch(form.dataset.context ?? '').then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    }).then(readBenchmarkContext);
    return context;
  };

  const run = async () => {
    const started = performance.now();
    card.hidden = true;
    const file = fileInput.files?.[0];
    let bytes: Uint8Array;
    let name: string;
    if (file) {
      status.textContent = s.reading ?? '';
      if (file.size > MAX_FILE_BYTES) {
        status.textContent = fill(s.error ?? '', { message: `the file is ${Math.round(file.size / 1e6)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB` });
        return;
      }
      bytes = new Uint8Array(await file.arrayBuffer());
      name = file.name;
    } else {
      if (textArea.value.trim() === '') {
        status.textContent = s.empty ?? '';
        return;
      }
      bytes = new TextEncoder().encode(textArea.value);
      name = 'draft.txt';
    }
    // Read and analysed in a worker the page stops after its budget (read-in-worker.ts): the tab stays responsive.
    const ctx = await getContext();
    status.textContent = s.reading ?? '';
    const { input, analysis } = await readInWorker(bytes, name, ctx.reference);
    if (!input.ok && input.code === 'scanned_pdf') {
      status.textContent = s.scannedPdf ?? input.message;
      return;
    }
    if (!input.ok || !analysis) {
      status.textContent = fill(s.error ?? '', { message: input.ok ? '' : input.message });
      return;
    }
    const fatal = fatalIssue(analysis);
    if (fatal) {
      status.textContent = fill(s.error ?? '', { message: fatal.message });
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    const result = benchmarkDraft(analysis, ctx.peers.filter((p) => p.id !== analysis.metadata.id), ctx.reference.register, { today });
    last = { analysis, card: result };
    draw(body, result, lang, form.dataset.resolutionBase ?? '/resolutions/', !analysis.metadata.signed_on && !analysis.metadata.adopted_on);
    card.hidden = false;
    status.textContent = fill(s.done ?? '', { ms: Math.round(performance.now() - started) });
  };

  const start = () => {
    run().catch((err: unknown) => {
      status.textContent = fill(s.error ?? '', { message: err instanceof Error ? err.message : String(err) });
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
    const blob = new Blob([JSON.stringify(toBenchmarkJson(last.analysis, last.card), null, 2)], { type: 'application/json' });
    const a = el('a', '', { href: URL.createObjectURL(blob), download: 'scorecard.json' });
    document.body.append(a);
    a.click();
    a.remove();
  });
}

function draw(root: HTMLElement, c: Scorecard, lang: Lang, resolutionBase: string, undated: boolean): void {
  const s = BENCHMARK_STRINGS[lang];
  const link = (ref: string) => {
    const [id, prov] = ref.split('#');
    return el('a', ref, { href: `${resolutionBase}${id}/${prov ? `#${prov}` : ''}` });
  };
  root.replaceChildren();
  root.append(el('p', `${fill(s.judged ?? '', { date: c.judged_on })} ${undated ? (s.judgedToday ?? '') : ''}`.trim()));

  root.append(el('h3', s.measures));
  const list = el('div', undefined, { class: 'measures' });
  for (const m of c.measures) {
    const row = el('div', undefined, { class: 'measure', 'data-measure': m.code, 'data-status': m.status });
    row.append(el('span', m.code, { class: `badge ${m.code}` }), el('span', s[m.code] ?? m.code), el('span', m.status === 'present' ? s.present : s.missing, { class: 'status' }));
    const detail = el('span', m.provisions.length ? m.provisions.join(', ') : '', { class: 'muted' });
    row.append(detail);
    if (m.peers_median !== null) row.append(el('span', `(${fill(s.peersMedian ?? '', { n: m.peers_median })})`, { class: 'muted' }));
    list.append(row);
  }
  root.append(list);

  root.append(el('h3', s.lint));
  if (c.lint.length === 0) root.append(el('p', s.noLint));
  const ul = el('ul', undefined, { class: 'lint' });
  for (const l of c.lint) {
    const li = el('li', undefined, { 'data-code': l.code });
    li.append(el('code', l.code), document.createTextNode(` ${lang === 'vi' ? l.message : l.message_en}`));
    ul.append(li);
  }
  root.append(ul);

  root.append(el('h3', s.specificity), el('p', fill(s.objectives ?? '', { n: c.specificity.objectives, m: c.specificity.peers_median_objectives ?? '—' })));
  root.append(el('h3', s.funding), el('p', `${c.funding.sources.join(', ') || s.fundingNone} — ${fill(s.peersWith ?? '', { k: c.funding.peers_with_funding, n: c.funding.peers })}`));
  root.append(el('h3', s.supervision), el('p', `${c.supervision.supervisors.join(', ') || s.supervisionNone} — ${fill(s.peersWith ?? '', { k: c.supervision.peers_with_supervision, n: c.supervision.peers })}`));

  root.append(el('h3', s.similar));
  if (c.similar.every((x) => x.shared_passages.length === 0)) root.append(el('p', s.noSimilar));
  const ol = el('ol', undefined, { class: 'similar' });
  for (const n of c.similar) {
    const li = el('li', undefined, { 'data-id': n.id });
    li.append(el('a', n.jurisdiction, { href: `${resolutionBase}${n.id}/` }), document.createTextNode(` — ${s.score} ${n.score.toFixed(3)}`));
    for (const p of n.shared_passages.slice(0, 5)) {
      const q = el('blockquote', p.text);
      const cite = el('p', undefined, { class: 'muted' });
      cite.append(document.createTextNode(`${p.draft_provision} ↔ `), link(p.source_provision));
      li.append(q, cite);
    }
    ol.append(li);
  }
  root.append(ol);

  root.append(el('h3', s.suggestions));
  if (c.suggestions.length === 0) root.append(el('p', s.noSuggestions));
  for (const g of c.suggestions) {
    const div = el('div', undefined, { class: 'suggestion', 'data-measure': g.measure });
    const head = el('p');
    head.append(el('span', g.measure, { class: `badge ${g.measure}` }), document.createTextNode(` ${g.jurisdiction} — `), link(g.source_provision));
    div.append(head, el('blockquote', g.text));
    root.append(div);
  }
}
