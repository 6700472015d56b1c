/**
 * npm run --silent analyze -- FILE [--json]
 * Analyses one resolution (.txt, .md or .docx) and prints one JSON object (--json) or a readable summary.
 * A file that cannot be read or is not a resolution: one line on stderr, exit 2. When the file is one of the curated
 * raw sources (same sha256) or the same document in another form (same content: src/lib/analyze/source-match.ts), that
 * source's reviewed corrections are applied first, and `matched_source` says which source and how.
 */
import { createHash } from 'node:crypto';
import { analyzeResolution, fatalIssue } from '../src/lib/analyze/analyze.ts';
import { toAnalyzeJson, summaryText } from '../src/lib/analyze/report.ts';
import { die, readDocument } from './lib/read-document.ts';
import { underBudget } from './lib/budget-run.ts';
import { identifySource } from '../src/lib/analyze/source-match.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../src/node/reference.ts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write('usage: npm run --silent analyze -- FILE [--json]\n');
    process.exit(2);
  }
  const file = files[0] ?? '';
  await underBudget('analyze', file);
  const { bytes, text } = await readDocument('analyze', file);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const all = loadCurated();
  const matched = identifySource(text, sha, loadSourceKeys(all));
  const curated = matched ? all.find((c) => c.id === matched.id) : undefined;
  const analysis = analyzeResolution(text, loadReference(), { corrections: curated?.corrections, matched });
  const fatal = fatalIssue(analysis);
  if (fatal) die('analyze', file, fatal.message);
  process.stdout.write(json ? `${JSON.stringify(toAnalyzeJson(analysis), null, 2)}\n` : summaryText(analysis));
}

main().catch((e: unknown) => {
  process.stderr.write(`analyze: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
