/**
 * node scripts/bench-results.ts — the last step of `npm run bench`: bench/results.json, one file with both halves,
 * `data` (bench/results-data.json, from npm run bench:data) and `site` (bench/results-site.json, from npm run
 * bench:site), each as written, so a reader finds every figure the README summarises in one place. Exit 2 naming
 * the file when a half is missing or not JSON.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../src/node/paths.ts';

export function benchResults(dir = join(ROOT, 'bench')): { file: string; halves: string[] } {
  const halves = { data: 'results-data.json', site: 'results-site.json' };
  const out: Record<string, unknown> = {
    note: 'npm run bench: the data build (bench:data) and the site in Chromium (bench:site), as their own files hold them; bench/README.md says what each figure means.',
  };
  for (const [key, name] of Object.entries(halves)) {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`${path}: missing; hint: npm run bench:${key}`);
    try {
      out[key] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`${path}: not JSON (${e instanceof Error ? e.message : String(e)}); hint: npm run bench:${key} again`);
    }
  }
  const file = join(dir, 'results.json');
  writeFileSync(`${file}.tmp`, `${JSON.stringify(out, null, 1)}\n`);
  renameSync(`${file}.tmp`, file);
  return { file, halves: Object.values(halves) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { file, halves } = benchResults();
    process.stdout.write(`bench: wrote ${file} from ${halves.join(' and ')}\n`);
  } catch (e) {
    process.stderr.write(`bench-results: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
