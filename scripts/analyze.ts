/**
 * npm run --silent analyze -- FILE [--json]
 * Analyses one resolution (.txt, .md or .docx) and prints one JSON object (--json) or a readable summary.
 * A file that cannot be read or is not a resolution: one line on stderr, exit 2. When the file is one of the curated
 * raw sources (same sha256), its reviewed corrections are applied first.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import mammoth from 'mammoth';
import { analyzeResolution, fatalIssue } from '../src/lib/analyze.ts';
import { toAnalyzeJson, summaryText } from '../src/lib/report.ts';
import { readInput } from '../src/lib/input.ts';
import { loadCurated, loadReference } from './lib/reference.ts';

function die(file: string, message: string): never {
  process.stderr.write(`analyze: ${file}: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write('usage: npm run --silent analyze -- FILE [--json]\n');
    process.exit(2);
  }
  const file = files[0] ?? '';
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) die(file, 'is a directory, not a file');
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    die(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(e as Error).message})`);
  }
  const input = await readInput(bytes, basename(file), async (b) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value);
  if (!input.ok) die(file, input.message);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const curated = loadCurated().find((c) => c.raw_sha256 === sha);
  const analysis = analyzeResolution(input.text, loadReference(), { corrections: curated?.corrections });
  const fatal = fatalIssue(analysis);
  if (fatal) die(file, fatal.message);
  process.stdout.write(json ? `${JSON.stringify(toAnalyzeJson(analysis), null, 2)}\n` : summaryText(analysis));
}

main().catch((e: unknown) => {
  process.stderr.write(`analyze: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
