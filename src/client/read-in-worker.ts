/**
 * The page's side of the reading worker (read-worker.ts): hands it a draft's bytes and the reference, and answers
 * with what it read and analysed, or — when it overruns BROWSER_MS, runs out of memory or crashes — terminates it
 * and answers with a refusal (code `read_budget`), so the page stays responsive and says what happened.
 */
import { BROWSER_MS } from '../lib/read/budget.ts';
import type { InputResult } from '../lib/read/result.ts';
import type { Analysis, Reference } from '../lib/analyze/analyze.ts';
import type { MatchedSource } from '../lib/analyze/source-match.ts';
import type { MatchJob } from './read-worker.ts';

export type WorkerRead = { input: InputResult; analysis: Analysis | null; matched: MatchedSource | null };

/** The budget in ms: BROWSER_MS, or the page's data-read-budget-ms (a test hook for the edge). */
const budget = (): number => Number(document.querySelector<HTMLElement>('[data-read-budget-ms]')?.dataset.readBudgetMs) || BROWSER_MS;

export function readInWorker(bytes: Uint8Array, name: string, reference: Reference, match?: MatchJob): Promise<WorkerRead> {
  const ms = budget();
  const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
  const refused = (message: string): WorkerRead => ({ input: { ok: false, code: 'read_budget', message }, analysis: null, matched: null });
  return new Promise<WorkerRead>((resolve) => {
    const done = (r: WorkerRead) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => done(refused(`reading «${name}» took longer than ${ms / 1000} s and was stopped (a file built to hang a reader?)`)), ms);
    worker.onmessage = (e: MessageEvent<{ kind?: string; input?: WorkerRead['input']; analysis?: Analysis | null; matched?: MatchedSource | null; error?: string }>) => {
      const m = e.data;
      if (m?.kind !== 'dccs-read') return; // a message of a library inside the worker, not the reply
      done(m.input ? { input: m.input, analysis: m.analysis ?? null, matched: m.matched ?? null } : refused(`«${name}» could not be read (${m.error ?? 'no reply'})`));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done(refused(`«${name}» could not be read (${e.message || 'the reader stopped, perhaps out of memory'})`));
    };
    worker.postMessage({ bytes, name, reference, match });
  });
}
