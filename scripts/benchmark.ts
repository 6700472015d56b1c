/**
 * npm run --silent benchmark -- FILE [--json] [--today YYYY-MM-DD]
 * Benchmarks a draft resolution (.txt, .md or .docx) against the law and the published full texts: the drafters'
 * scorecard as one JSON object (--json) or a readable report. Bad input: one line on stderr, exit 2 — the same
 * judgement the browser shows. A draft without a date is judged as of today (or --today).
 */
import { createHash } from 'node:crypto';
import { analyzeResolution, fatalIssue } from '../src/lib/analyze/analyze.ts';
import { benchmarkDraft } from '../src/lib/draft/scorecard.ts';
import { benchmarkReport, toBenchmarkJson } from '../src/lib/draft/report.ts';
import { loadPeers } from '../src/node/peers.ts';
import { die, readDocument } from './lib/read-document.ts';
import { underBudget } from './lib/budget-run.ts';
import { identifySource } from '../src/lib/analyze/source-match.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../src/node/reference.ts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const t = args.indexOf('--today');
  const today = t >= 0 ? (args[t + 1] ?? '') : new Date().toISOString().slice(0, 10);
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--today');
  if (files.length !== 1 || !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    process.stderr.write('usage: npm run --silent benchmark -- FILE [--json] [--today YYYY-MM-DD]\n');
    process.exit(2);
  }
  const file = files[0] ?? '';
  await underBudget('benchmark', file);
  const { bytes, text } = await readDocument('benchmark', file);
  const reference = loadReference();
  // A copy of a curated source is read with that source's reviewed corrections, as analyze reads it.
  const all = loadCurated();
  const matched = identifySource(text, createHash('sha256').update(bytes).digest('hex'), loadSourceKeys(all));
  const corrections = matched ? all.find((c) => c.id === matched.id)?.corrections : undefined;
  const analysis = analyzeResolution(text, reference, { corrections, matched });
  const fatal = fatalIssue(analysis);
  if (fatal) die('benchmark', file, fatal.message);
  const peers = loadPeers(reference).filter((p) => p.id !== analysis.metadata.id);
  const card = benchmarkDraft(analysis, peers, reference.register, { today });
  process.stdout.write(json ? `${JSON.stringify(toBenchmarkJson(analysis, card), null, 2)}\n` : benchmarkReport(analysis, card, 'vi'));
}

main().catch((e: unknown) => {
  process.stderr.write(`benchmark: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
