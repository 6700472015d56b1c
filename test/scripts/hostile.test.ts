/**
 * The hostile corpus (scripts/hostile-corpus.ts, generated here, never committed) through the command line: every
 * case ends with exit code 2 and one line naming the file and the problem, within the declared time budget and
 * under the declared memory budget (peak resident memory of the reading process, measured by the kernel through
 * GNU time when it is installed), and leaves no temporary file. Then the budget itself at its edges: a limit set
 * just under what a sound file needs kills the reader with one line, and the same file passes under the declared one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHostileCorpus, type HostileCase } from '../../scripts/hostile-corpus.ts';
import { shown } from '../../scripts/lib/budget-run.ts';
import { READ_MS, RSS_MB } from '../../src/lib/read/budget.ts';
import { ROOT } from '../../src/node/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'hostile-'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
let cases: HostileCase[] = [];

beforeAll(async () => {
  cases = await makeHostileCorpus(join(work, 'corpus'));
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a tool on a file with its own empty temporary directory; exit code, stderr, seconds, peak RSS in MB, leftovers. */
function run(tool: string, file: string, extra: string[] = [], env: Record<string, string> = {}) {
  const tmp = mkdtempSync(join(work, 'tmp-'));
  const rssFile = join(work, `rss-${Date.now()}-${Math.random()}`);
  const argv = [process.execPath, `scripts/${tool}.ts`, file, ...extra];
  const started = performance.now();
  const r = TIME ? spawnSync(TIME, ['-f', '%M', '-o', rssFile, ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, ...env }, timeout: READ_MS + 30_000 })
    : spawnSync(argv[0] ?? '', argv.slice(1), { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, ...env }, timeout: READ_MS + 30_000 });
  const seconds = (performance.now() - started) / 1000;
  const rss = TIME && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  const left = readdirSync(tmp);
  rmSync(tmp, { recursive: true, force: true });
  return { code: r.status, err: r.stderr, seconds, rss, left };
}

describe('the hostile corpus through `analyze`', () => {
  it('has every case of issue 20', () => {
    expect(cases.map((c) => c.id)).toEqual(expect.arrayContaining(['doc-chain-loop', 'pdf-shared-stream', 'pdf-gib-bomb', 'pdf-huge-page', 'docx-lying-sizes', 'html-deep', 'html-unclosed', 'text-150k-points', 'text-long-word', 'text-late-nul', 'text-tcvn3-damaged', 'name-with-newline', 'named-pipe']));
  });

  it.concurrent.each(['doc-chain-loop', 'doc-tree-loop', 'pdf-shared-stream', 'pdf-gib-bomb', 'pdf-huge-page', 'docx-lying-sizes', 'html-deep', 'html-unclosed', 'text-150k-points', 'text-long-word', 'text-late-nul', 'text-tcvn3-damaged', 'name-with-newline', 'named-pipe', 'device'])('%s: exit 2, one line naming the file and the problem, within budget, no temporary file', async (id) => {
    const c = cases.find((x) => x.id === id);
    if (!c) return; // named-pipe and device exist only where the system has them
    const r = run('analyze', c.file);
    expect(r.code, r.err).toBe(2);
    expect(r.err.endsWith('\n') && r.err.split('\n').length).toBe(2);
    expect(r.err.startsWith(`analyze: ${shown(c.file)}: `), r.err).toBe(true);
    expect(r.err).toMatch(c.problem);
    expect(r.seconds).toBeLessThan(READ_MS / 1000);
    if (r.rss !== null) expect(r.rss).toBeLessThan(RSS_MB);
    expect(r.left).toEqual([]);
  }, READ_MS + 60_000);

  it.concurrent.each([['benchmark', []], ['add', ['--dry-run']]] as const)('%s refuses the same way (a looping .doc, a PDF bomb)', async (tool, extra) => {
    for (const id of ['doc-chain-loop', 'pdf-shared-stream']) {
      const c = cases.find((x) => x.id === id) as HostileCase;
      const r = run(tool, c.file, [...extra]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(new RegExp(`^${tool}: ${c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*\n$`));
      expect(r.left).toEqual([]);
    }
  }, 2 * READ_MS);
});

describe('the reading budget at its edges', () => {
  const sound = 'data/raw/lang-son-08-2024-nq-hdnd.txt';

  it('a sound resolution reads under the declared budget', () => {
    const r = run('analyze', sound, ['--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    if (r.rss !== null) expect(r.rss).toBeLessThan(RSS_MB);
  }, READ_MS);

  it('past the time budget the reader is killed: one line naming the file and the budget, no temporary file', () => {
    const r = run('analyze', sound, ['--json'], { DCCS_READ_MS: '150' });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`analyze: ${sound}: took longer than 0.2 s, the reading budget; refused (a file built to hang a reader?)\n`);
    expect(r.left).toEqual([]);
  }, READ_MS);

  it('past the memory budget the reader is killed with one line', () => {
    const r = run('analyze', sound, ['--json'], { DCCS_RSS_MB: '40' });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`analyze: ${sound}: needed more than 40 MB of memory, the reading budget; refused as unsafe (a file built to exhaust a reader?)\n`);
  }, READ_MS);
});
