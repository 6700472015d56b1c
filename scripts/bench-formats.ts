/**
 * Rerunnable: npx node scripts/bench-formats.ts [--quick]
 * Measures reading PDFs on this machine, on the project's own fixtures (test/fixtures/formats, made by
 * scripts/fixtures-pdf.ts from the five full sources): time per page of text extraction (pdf.js legacy build in
 * Node + pdf-text.ts, median of 3 warm runs), and of OCR (pdftoppm + tesseract -l vie, one run, page by page); the
 * character error rate of each reading against its .txt source; and whether each is analysed as the source is
 * (scripts/lib/analysis-diff.ts: the count and the first differences, and part by part: metadata, legal bases, provision
 * ids, measures). BENCH_DUMP=DIR also writes each OCR text there. --quick OCRs one seed only. Also OCRs one seed at
 * 300 dpi, to show what 200 (the default) trades for speed. Writes bench/results-formats.json and prints a table.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { analyzeResolution } from '../src/lib/analyze/analyze.ts';
import { analysisDiff } from './lib/analysis-diff.ts';
import { characterErrorRate } from './lib/edit-distance.ts';
import { readInput } from '../src/lib/read/input.ts';
import type { PdfJs } from '../src/lib/read/pdf-pages.ts';
import { FULL_SEEDS } from './fixtures-pdf.ts';
import { OCR_DPI, ocrPdf } from './lib/ocr.ts';
import { ROOT } from '../src/node/paths.ts';
import { loadReference } from '../src/node/reference.ts';

const load = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
const reference = loadReference();
const fixture = (id: string, scanned = false) => join(ROOT, 'test', 'fixtures', 'formats', `${id}${scanned ? '.scanned' : ''}.pdf`);
const pagesOf = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** CER, and how far the analysis agrees: exactly, or by part (a misread letter in a provision's text is a difference). */
function compare(id: string, text: string) {
  const source = readFileSync(join(ROOT, 'data', 'raw', `${id}.txt`), 'utf8');
  const got = analyzeResolution(text, reference);
  const want = analyzeResolution(source, reference);
  const diff = analysisDiff(got, want);
  const same = (f: (a: typeof got) => unknown) => JSON.stringify(f(got)) === JSON.stringify(f(want));
  return {
    cer: round(characterErrorRate(text, source), 5),
    analysis_equal: diff.length === 0,
    differences: diff.length,
    metadata_fields_differing: diff.filter((d) => d.startsWith('metadata.')).map((d) => d.split(':')[0]?.slice(9)),
    legal_bases_equal: same((a) => a.legal_bases.map((b) => [b.kind, b.number, b.date, b.ref, b.superseded])),
    provision_ids_equal: same((a) => a.provisions.map((p) => p.id)),
    measures_equal: same((a) => a.provisions.map((p) => [p.id, p.measures])),
    provision_texts_differing: diff.filter((d) => /^provisions\.[^:]*\.text:/.test(d)).length,
    first_differences: diff.slice(0, 6).map((d) => d.slice(0, 240)),
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const text = [];
  await load();
  for (const id of FULL_SEEDS) {
    const bytes = new Uint8Array(readFileSync(fixture(id)));
    const times: number[] = [];
    let out = '';
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const r = await readInput(bytes, `${id}.pdf`, undefined, load);
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(`${id}.pdf: ${r.message}`);
      out = r.text;
    }
    const pages = pagesOf(fixture(id));
    const ms = times.sort((a, b) => a - b)[1] ?? 0;
    text.push({ id, pages, ms: round(ms), ms_per_page: round(ms / pages), ...compare(id, out) });
    process.stdout.write(`text  ${id}: ${pages} p, ${round(ms / pages)} ms/page, CER ${text.at(-1)?.cer}, equal ${text.at(-1)?.analysis_equal}\n`);
  }
  const ocr = [];
  for (const [id, dpi] of [...(quick ? FULL_SEEDS.slice(3, 4) : FULL_SEEDS).map((i) => [i, OCR_DPI] as const), ['son-la-2024-04-17-nq-hdnd', 300] as const]) {
    const r = ocrPdf(fixture(id, true), { dpi });
    if (!r.ok) throw new Error(`${id}.scanned.pdf: ${r.message}`);
    if (process.env.BENCH_DUMP) writeFileSync(join(process.env.BENCH_DUMP, `${id}.ocr${dpi}.txt`), r.text);
    const source = readFileSync(join(ROOT, 'data', 'raw', `${id}.txt`), 'utf8');
    ocr.push({ id, dpi, pages: r.pages, s: round(r.ms / 1000), s_per_page: round(r.ms / 1000 / r.pages), cer_without_case_fix: round(characterErrorRate(r.unfixed, source), 5), ...compare(id, r.text) });
    process.stdout.write(`ocr   ${id} @${dpi}: ${r.pages} p, ${round(r.ms / 1000 / r.pages)} s/page, CER ${ocr.at(-1)?.cer}, equal ${ocr.at(-1)?.analysis_equal} (${ocr.at(-1)?.differences} differences)\n`);
  }
  const tesseract = spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
  const pdfjs = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pdfjs-dist', 'package.json'), 'utf8')).version as string;
  const result = {
    measured_on: new Date().toISOString().slice(0, 10),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', note: 'shared with other work while measuring; times are upper bounds' },
    tools: { pdfjs_dist: pdfjs, tesseract, ocr_dpi: OCR_DPI },
    text_pdf: text,
    ocr,
  };
  writeFileSync(join(ROOT, 'bench', 'results-formats.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write('wrote bench/results-formats.json\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-formats: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
