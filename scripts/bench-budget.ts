/**
 * npx node scripts/bench-budget.ts [--runs N]
 * The cost of the reading budget on the normal corpus (the format fixtures of the five full sources, scans aside):
 * `analyze --json` as a person runs it (a budgeted child process, scripts/lib/budget-run.ts) against the same work
 * in one process (DCCS_BUDGETED=1, as the child itself runs), median of N runs each; and the structural checks
 * before pdf.js on their own (src/lib/read/pdf-streams.ts: every drawn stream inflated once). Peak resident memory
 * of the reading process from GNU time where installed. Writes bench/results-budget.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfContentBytes } from '../src/lib/read/pdf-streams.ts';
import { HEAP_MB, READ_MS, RSS_MB } from '../src/lib/read/budget.ts';
import { ROOT } from '../src/node/paths.ts';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const dir = join(ROOT, 'test/fixtures/formats');
const files = readdirSync(dir).filter((f) => /\.(txt|doc|docx|pdf|html)$/.test(f) && !f.includes('scanned')).sort();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const TIME = existsSync('/usr/bin/time');

function once(file: string, budgeted: boolean): { ms: number; rssMb: number | null; code: number | null } {
  const env = { ...process.env, ...(budgeted ? {} : { DCCS_BUDGETED: '1' }) };
  const t = performance.now();
  const r = TIME
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'scripts/analyze.ts', file, '--json'], { cwd: ROOT, env, encoding: 'utf8' })
    : spawnSync(process.execPath, ['scripts/analyze.ts', file, '--json'], { cwd: ROOT, env, encoding: 'utf8' });
  const ms = performance.now() - t;
  const rss = TIME ? Number((r.stderr.trim().split('\n').pop() ?? '').trim()) / 1024 : null;
  return { ms, rssMb: rss, code: r.status };
}

const rows = [];
for (const f of files) {
  const path = join(dir, f);
  const plain = Array.from({ length: runs }, () => once(path, false));
  const budget = Array.from({ length: runs }, () => once(path, true));
  let prescanMs: number | null = null;
  if (f.endsWith('.pdf')) {
    const bytes = new Uint8Array(readFileSync(path));
    const ts = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      await pdfContentBytes(bytes);
      ts.push(performance.now() - t);
    }
    prescanMs = Math.round(median(ts));
  }
  const row = {
    file: f, exit: budget[0]?.code ?? null,
    inProcessMs: Math.round(median(plain.map((x) => x.ms))), budgetedMs: Math.round(median(budget.map((x) => x.ms))),
    peakRssMb: TIME ? Math.round(Math.max(...budget.map((x) => x.rssMb ?? 0))) : null, pdfPrescanMs: prescanMs,
  };
  rows.push(row);
  process.stdout.write(`${f.padEnd(58)} in-process ${String(row.inProcessMs).padStart(6)} ms  budgeted ${String(row.budgetedMs).padStart(6)} ms  +${row.budgetedMs - row.inProcessMs} ms  peak ${row.peakRssMb} MB${prescanMs !== null ? `  pdf pre-scan ${prescanMs} ms` : ''}\n`);
}
const overhead = rows.map((r) => r.budgetedMs - r.inProcessMs);
const summary = { runs, limits: { readMs: READ_MS, heapMb: HEAP_MB, rssMb: RSS_MB }, files: rows.length, medianOverheadMs: Math.round(median(overhead)), maxPeakRssMb: Math.max(...rows.map((r) => r.peakRssMb ?? 0)) };
writeFileSync(join(ROOT, 'bench/results-budget.json'), `${JSON.stringify({ summary, rows }, null, 1)}\n`);
process.stdout.write(`budget: median overhead ${summary.medianOverheadMs} ms a file (a second process start); peak RSS ${summary.maxPeakRssMb} MB of ${RSS_MB} MB allowed\n`);
