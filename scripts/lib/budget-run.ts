/**
 * Runs a command-line tool that reads a file a person hands us under the reading budget (src/lib/read/budget.ts):
 * the tool re-starts itself as a child process with a capped JavaScript heap, in its own process group, and this
 * parent watches it — wall-clock time, and resident memory read from /proc where there is one — and kills the whole
 * group (the child and any pdftoppm or tesseract it started) on overrun. Whatever happens, the person sees one line
 * naming the file and the problem and exit code 2: a timeout, a memory overrun or a crash of the reader (V8's
 * out-of-memory report is never shown). The child tells the parent when it starts OCR, which extends the time by
 * OCR_PAGE_MS a page. Temporary files of the child live in one directory this parent creates and always removes.
 * DCCS_READ_MS and DCCS_RSS_MB override the limits, for the tests at the edge only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_MB, OCR_PAGE_MS, READ_MS, RSS_MB } from '../../src/lib/read/budget.ts';

const CHILD = 'DCCS_BUDGETED';
/** The temporary directory of the budgeted child (OCR images), removed by the parent on every exit path. */
export const TMP_ENV = 'DCCS_READ_TMP';

/** A file name as it may be shown on one line: control characters (a newline in a name) escaped. */
export function shown(file: string): string {
  return file.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const limits = () => ({
  ms: Number(process.env.DCCS_READ_MS) || READ_MS,
  rssMb: Number(process.env.DCCS_RSS_MB) || RSS_MB,
});

/** Resident memory of a process in MiB (Linux /proc), or null where it cannot be read. */
function rssMb(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** In the budgeted child: say that OCR of `pages` pages starts, so the parent extends the time. */
export function announceOcr(pages: number): void {
  process.send?.({ ocrPages: pages });
}

/**
 * Call first in a tool's main. In the child it returns at once (the tool goes on); in the parent it runs the child
 * and never returns: it exits with the child's code, or 2 with one line for `tool: file:` when the budget was hit.
 */
export async function underBudget(tool: string, file: string): Promise<void> {
  if (process.env[CHILD] === '1') {
    process.channel?.unref();
    return;
  }
  const { ms, rssMb: maxRss } = limits();
  const tmp = mkdtempSync(join(tmpdir(), `${tool}-read-`));
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--stack-size=984', ...process.execArgv, process.argv[1] ?? '', ...process.argv.slice(2)], {
    env: { ...process.env, [CHILD]: '1', [TMP_ENV]: tmp },
    stdio: ['inherit', 'inherit', 'pipe', 'ipc'],
    detached: true,
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (err.length < 65_536) err += d.toString('utf8');
  });
  let overrun: string | null = null;
  const kill = (why: string) => {
    overrun ??= why;
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const started = Date.now();
  let allowed = ms;
  child.on('message', (m: { ocrPages?: number }) => {
    if (typeof m?.ocrPages === 'number') allowed = Math.max(allowed, Date.now() - started + ms + m.ocrPages * OCR_PAGE_MS);
  });
  let peak = 0;
  const watch = setInterval(() => {
    const rss = child.pid ? rssMb(child.pid) : null;
    if (rss !== null) peak = Math.max(peak, rss);
    if (rss !== null && rss > maxRss) kill(`needed more than ${maxRss} MB of memory, the reading budget; refused as unsafe (a file built to exhaust a reader?)`);
    else if (Date.now() - started > allowed) kill(`took longer than ${(allowed / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} s, the reading budget; refused (a file built to hang a reader?)`);
  }, 50);
  const onSignal = (sig: NodeJS.Signals) => {
    kill(`interrupted (${sig})`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearInterval(watch);
  rmSync(tmp, { recursive: true, force: true });
  if (process.env.DCCS_REPORT_RSS) process.stderr.write(`${tool}: peak rss ${Math.round(peak)} MB\n`);
  if (overrun) {
    process.stderr.write(`${tool}: ${shown(file)}: ${overrun}\n`);
    process.exit(2);
  }
  const outOfMemory = /heap out of memory|Reached heap limit|Invalid array length|Array buffer allocation failed/i.test(err);
  const deep = /Maximum call stack/i.test(err);
  if (signal || outOfMemory || (code !== 0 && code !== 2)) {
    const why = outOfMemory ? `needed more than ${HEAP_MB} MB of memory, the reading budget; refused as unsafe` : deep ? 'is nested too deeply to read; refused' : `the reader stopped unexpectedly (${signal ?? `exit ${code}`}); refused`;
    process.stderr.write(`${tool}: ${shown(file)}: ${why}\n`);
    process.exit(2);
  }
  if (code === 2) {
    // A refusal is one line naming the file, whatever the child said (an error that escaped without the file's name).
    const last = err.trimEnd().split('\n').pop() ?? '';
    const prefix = `${tool}: ${shown(file)}: `;
    const whole = err.trim().replace(new RegExp(`^${tool}: `), '').replace(/\s*\n[-\s]*/g, ' ');
    const line = last.startsWith(prefix) || last.startsWith('usage:') ? last : `${prefix}${deep ? 'is nested too deeply to read; refused' : whole}`;
    process.stderr.write(`${line}\n`);
    process.exit(2);
  }
  process.stderr.write(err);
  process.exit(code ?? 2);
}
