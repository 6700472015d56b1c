/**
 * The intake's transaction (npm run add): one add at a time under a lock, every file staged in data/.staging/<id>/
 * and then committed by rename, with a journal that says how far the commit went, so that a crash (kill -9, power
 * cut) at any moment leaves either nothing or leftovers the next `add` or `data` finds and names, and
 * `npm run add -- --repair` finishes (a commit under way is rolled forward) or undoes (an unfinished staging is
 * removed). The lock is a directory made atomically (mkdir) holding the owner's pid; a lock whose owner is gone is
 * a leftover too. data/.staging and data/.add.lock are never published.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DATA } from '../../src/node/paths.ts';
import { parseJsonOf } from '../../src/node/json.ts';

export const LOCK = join(DATA, '.add.lock');
export const STAGING = join(DATA, '.staging');

interface Journal { id: string; state: 'staging' | 'committing'; files: { staged: string; target: string }[] }

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
const lockOwner = (): number | null => {
  try {
    return Number(readFileSync(join(LOCK, 'pid'), 'utf8')) || null;
  } catch {
    return null;
  }
};

/** What a crashed add left behind, one phrase each; empty when the data folder is clean (a live add is not a leftover). */
export function leftovers(): string[] {
  const out: string[] = [];
  if (existsSync(LOCK)) {
    const pid = lockOwner();
    if (pid === null || !alive(pid)) out.push(`a lock of an add that is no longer running (data/.add.lock${pid ? `, pid ${pid}` : ''})`);
  }
  if (existsSync(STAGING)) {
    for (const d of readdirSync(STAGING)) {
      const j = journalOf(d);
      out.push(j?.state === 'committing' ? `a half-committed add of ${j.id} (data/.staging/${d})` : `an unfinished add (data/.staging/${d})`);
    }
  }
  return out;
}

function journalOf(dir: string): Journal | null {
  const path = join(STAGING, dir, 'journal.json');
  return existsSync(path) ? (parseJsonOf(path, readFileSync(path, 'utf8')) as Journal) : null;
}

/** The one line that names leftovers and how to deal with them, or null. */
export function leftoverProblem(): string | null {
  const l = leftovers();
  return l.length ? `an interrupted npm run add left ${l.join('; ')}; run npm run add -- --repair to finish or undo it` : null;
}

/**
 * Takes the lock, or says who holds it. `wait` ms: how long to wait for a running add to finish before refusing.
 */
export async function takeLock(wait = 0): Promise<string | null> {
  const until = Date.now() + wait;
  mkdirSync(DATA, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      // A refusal under the lock exits through process.exit, which skips finally blocks: release on exit too.
      process.once('exit', releaseLock);
      return null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = lockOwner();
    if (pid !== null && !alive(pid)) return leftoverProblem();
    if (Date.now() >= until) return `another npm run add is running${pid ? ` (pid ${pid})` : ''}; wait for it to finish and try again`;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function releaseLock(): void {
  if (lockOwner() === process.pid) rmSync(LOCK, { recursive: true, force: true });
}

/** A staging area for one add: put files, then commit them all by rename. */
export function stage(id: string) {
  const dir = join(STAGING, `${id}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const journal: Journal = { id, state: 'staging', files: [] };
  const save = () => {
    writeFileSync(join(dir, 'journal.tmp'), JSON.stringify(journal));
    renameSync(join(dir, 'journal.tmp'), join(dir, 'journal.json'));
  };
  save();
  return {
    put(target: string, data: string | Uint8Array) {
      const staged = join(dir, `${journal.files.length}`);
      writeFileSync(staged, data);
      journal.files.push({ staged: relative(DATA, staged), target: relative(DATA, target) });
      save();
    },
    /** Moves every staged file into place (raw files first, the curated file last), then removes the staging. */
    commit() {
      journal.state = 'committing';
      save();
      maybeCrash('committing');
      rollForward(journal);
      rmSync(dir, { recursive: true, force: true });
      if (readdirSync(STAGING).length === 0) rmSync(STAGING, { recursive: true, force: true });
    },
    abandon() {
      rmSync(dir, { recursive: true, force: true });
      if (readdirSync(STAGING).length === 0) rmSync(STAGING, { recursive: true, force: true });
    },
  };
}

function rollForward(j: Journal): void {
  for (const [k, f] of j.files.entries()) {
    const staged = join(DATA, f.staged);
    if (existsSync(staged)) {
      mkdirSync(dirname(join(DATA, f.target)), { recursive: true });
      renameSync(staged, join(DATA, f.target));
    }
    if (k === 0) maybeCrash('first-rename');
  }
}

/** Test hook (test/scripts/intake.test.ts): DCCS_ADD_CRASH=<point> kills this process there, as kill -9 would. */
function maybeCrash(point: string): void {
  if (process.env.DCCS_ADD_CRASH === point) process.kill(process.pid, 'SIGKILL');
}

/** Finishes or undoes what crashed adds left; returns one line per thing done. */
export function repair(): string[] {
  const done: string[] = [];
  if (existsSync(STAGING)) {
    for (const d of readdirSync(STAGING)) {
      const j = journalOf(d);
      if (j?.state === 'committing') {
        rollForward(j);
        done.push(`finished the add of ${j.id} (its files were staged and half moved into place)`);
      } else done.push(`removed an unfinished add (data/.staging/${d}; nothing of it had been moved into place)`);
      rmSync(join(STAGING, d), { recursive: true, force: true });
    }
    rmSync(STAGING, { recursive: true, force: true });
  }
  if (existsSync(LOCK)) {
    const pid = lockOwner();
    if (pid === null || (pid !== process.pid && !alive(pid))) {
      rmSync(LOCK, { recursive: true, force: true });
      done.push(`removed the lock of an add that is no longer running${pid ? ` (pid ${pid})` : ''}`);
    }
  }
  return done;
}
