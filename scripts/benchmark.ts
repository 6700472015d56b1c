/**
 * npm run --silent benchmark -- FILE [--json] [--lang vi|en] [--today YYYY-MM-DD]
 * Benchmarks a draft resolution (.txt, .md, .docx, .doc, .pdf, .html) against the law and the published full texts:
 * the drafters' scorecard as a plain-language text report (Vietnamese by default, --lang en), with the same summary
 * as the page, or one JSON object (--json). A published resolution (the same document in any form) is recognised
 * (matched_source), read with its reviewed corrections and left out of its own peers. Bad input: one line on stderr,
 * exit 2 — the same judgement the browser shows. A draft without a date is judged as of today (or --today).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { analyzeResolution, fatalIssue } from '../src/lib/analyze/analyze.ts';
import { benchmarkDraft } from '../src/lib/draft/scorecard.ts';
import { benchmarkReport, toBenchmarkJson } from '../src/lib/draft/report.ts';
import { readScorecard, reportHeader } from '../src/lib/draft/reading.ts';
import { loadPeers } from '../src/node/peers.ts';
import { edition } from '../src/node/edition.ts';
import { die, readDocument } from './lib/read-document.ts';
import { underBudget } from './lib/budget-run.ts';
import { identifySource } from '../src/lib/analyze/source-match.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../src/node/reference.ts';

const USAGE = 'usage: npm run --silent benchmark -- FILE [--json] [--lang vi|en] [--today YYYY-MM-DD]\n';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const valueOf = (flag: string) => { const i = args.indexOf(flag); return i >= 0 ? (args[i + 1] ?? '') : null; };
  const madeOn = new Date().toISOString().slice(0, 10);
  const today = valueOf('--today') ?? madeOn;
  const lang = valueOf('--lang') ?? 'vi';
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--today' && args[i - 1] !== '--lang');
  if (files.length !== 1 || !/^\d{4}-\d{2}-\d{2}$/.test(today) || (lang !== 'vi' && lang !== 'en')) {
    process.stderr.write(USAGE);
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
  const own = new Set([analysis.metadata.id, matched?.id].filter((x) => x));
  const peers = loadPeers(reference).filter((p) => !own.has(p.id));
  const card = benchmarkDraft(analysis, peers, reference.register, { today });
  const reading = readScorecard(analysis, card, reference.register, lang);
  const header = reportHeader(reading, card, { file_name: basename(file), made_on: madeOn, ...(await edition()) });
  const undated = !analysis.metadata.signed_on && !analysis.metadata.adopted_on;
  process.stdout.write(json ? `${JSON.stringify(toBenchmarkJson(analysis, card, header), null, 2)}\n` : benchmarkReport(reading, header, lang, undated));
}

main().catch((e: unknown) => {
  process.stderr.write(`benchmark: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
