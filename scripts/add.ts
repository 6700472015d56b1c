/**
 * npm run add -- FILE [--source URL] [--retrieved YYYY-MM-DD] [--id ID] [--dry-run]   |   npm run add -- --repair
 * The curator's way in for a new resolution: reads FILE (any format the reader takes), analyses it, and writes
 *   data/raw/<id>.<ext>            the file byte for byte (a text in UTF-8 is itself the text the analysis reads;
 *                                  any other file is kept as it came, with the text read from it in data/raw/<id>.txt)
 *   data/raw/<id>.source.json      where it came from, when, sha256 and bytes, completeness, how the text was read
 *   data/curated/<id>.json         every metadata value pre-filled from the parser with its evidence, unreviewed
 * and prints what to check. Refuses (exit 2, one line) a file already in data/raw, the same document as a curated
 * source in another form (src/lib/analyze/source-match.ts), a text the parser cannot name, or an id already taken.
 * The file is read under the reading budget (scripts/lib/budget-run.ts). Nothing is written until everything is
 * known; then, under a lock (a second add waits, then is refused), every file is staged and committed by rename
 * (scripts/lib/intake.ts). --dry-run prints the checklist and writes nothing.
 * npm run add -- --repair finishes or undoes what an interrupted add left (the next add and `data` name it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analyzeResolution, fatalIssue } from '../src/lib/analyze/analyze.ts';
import { prefillCurated, reviewChecklist } from '../src/lib/analyze/prefill.ts';
import { sidecarEvidence } from '../src/lib/curated/curated.ts';
import { die, readDocument } from './lib/read-document.ts';
import { underBudget } from './lib/budget-run.ts';
import { sameDocument } from '../src/lib/analyze/source-match.ts';
import { DATA } from '../src/node/paths.ts';
import { readJsonFile } from '../src/node/json.ts';
import { leftoverProblem, releaseLock, repair, stage, takeLock } from './lib/intake.ts';
import { isHttpUrl } from '../src/lib/text/url.ts';
import { isIsoDate } from '../src/lib/curated/curated.ts';

/** How long a second add waits for a running one before it is refused. */
const LOCK_WAIT_MS = 30_000;
import { loadReference, loadSourceKeys } from '../src/node/reference.ts';

const TOOL = 'add';
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const today = () => new Date().toISOString().slice(0, 10);

function option(args: string[], name: string): string | null {
  const k = args.indexOf(name);
  if (k === -1) return null;
  const v = args[k + 1];
  if (v === undefined || v.startsWith('--')) die(TOOL, name, 'needs a value');
  return v;
}

/** Existing sidecars: which id already holds these bytes (as its text or as its original). */
function alreadyHeld(sha: string): string | null {
  for (const f of readdirSync(join(DATA, 'raw')).filter((n) => n.endsWith('.source.json'))) {
    const side = readJsonFile(join(DATA, 'raw', f)) as { id?: string; sha256?: string; original?: { sha256?: string } };
    if (side.sha256 === sha || side.original?.sha256 === sha) return side.id ?? f;
  }
  return null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--repair')) return repairCommand();
  const valued = new Set(['--source', '--retrieved', '--id']);
  const files = args.filter((a, k) => !a.startsWith('--') && !valued.has(args[k - 1] ?? ''));
  if (files.length !== 1) {
    process.stderr.write('usage: npm run add -- FILE [--source URL] [--retrieved YYYY-MM-DD] [--id ID] [--dry-run]\n');
    process.exit(2);
  }
  const file = files[0] ?? '';
  await underBudget(TOOL, file);
  const sourceUrl = option(args, '--source');
  const retrieved = option(args, '--retrieved');
  if (sourceUrl !== null && !isHttpUrl(sourceUrl)) die(TOOL, file, `--source must be an http(s) address, found «${String(sourceUrl).slice(0, 80)}»`);
  if (retrieved !== null && !isIsoDate(retrieved)) die(TOOL, file, `--retrieved must be a real date YYYY-MM-DD, found «${retrieved}»`);
  const dry = args.includes('--dry-run');
  const interrupted = leftoverProblem();
  if (interrupted && !dry) die(TOOL, file, interrupted);

  const doc = await readDocument(TOOL, file);
  const notYetHeld = () => {
    const held = alreadyHeld(sha256(doc.bytes));
    if (held) die(TOOL, file, `is already in data/raw as ${held} (same sha256); nothing to add`);
    const same = sameDocument(doc.text, loadSourceKeys());
    if (same) die(TOOL, file, `is the same document as the curated source ${same.id} in another form (content score ${same.score}); nothing to add`);
  };
  notYetHeld();

  const analysis = analyzeResolution(doc.text, loadReference());
  const fatal = fatalIssue(analysis);
  if (fatal) die(TOOL, file, fatal.message);
  const id = option(args, '--id') ?? analysis.metadata.id;
  if (!id) die(TOOL, file, 'the parser could not read the council, number or date that make an id; hint: give one with --id <area>-<number>');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) die(TOOL, file, `the id «${id}» must be lower-case words joined by hyphens`);
  const idFree = () => {
    if (existsSync(join(DATA, 'curated', `${id}.json`)) || existsSync(join(DATA, 'raw', `${id}.source.json`))) {
      die(TOOL, file, `the id ${id} is taken (data/curated/${id}.json or data/raw/${id}.source.json exists); hint: is it the same resolution? otherwise give another with --id`);
    }
  };
  idFree();

  // A UTF-8 text is itself what the analysis reads; anything else is kept as received beside the text read from it.
  const ext = extname(file).toLowerCase().replace(/^\./, '') || 'txt';
  const textBytes = new TextEncoder().encode(doc.text);
  const isItsOwnText = (ext === 'txt' || ext === 'md') && Buffer.from(doc.bytes).equals(Buffer.from(textBytes));
  const rawFile = isItsOwnText ? `${id}.${ext}` : `${id}.txt`;
  const originalFile = isItsOwnText ? null : ext === 'txt' || ext === 'md' ? `${id}.original.${ext}` : `${id}.${ext}`;
  const rawBytes = isItsOwnText ? doc.bytes : textBytes;

  const { curated, unfound } = prefillCurated(analysis, doc.text, { id, raw_file: rawFile, raw_sha256: sha256(rawBytes) });
  if (sourceUrl) curated.metadata.source_url = { value: sourceUrl, evidence: sidecarEvidence(id), note: 'Where the copy was taken from, as the curator gave it (npm run add --source); recorded in the sidecar.', unreviewed: true };
  const sidecar = {
    id,
    file: rawFile,
    original_name: basename(file),
    source: `Added with npm run add from ${basename(file)}${isItsOwnText ? '' : ` (the text read from ${originalFile})`}; not yet reviewed.`,
    source_url: sourceUrl,
    retrieved,
    copied_on: today(),
    sha256: sha256(rawBytes),
    bytes: rawBytes.length,
    encoding: 'utf-8',
    completeness: curated.completeness,
    ...(originalFile ? { original: { file: originalFile, sha256: sha256(doc.bytes), bytes: doc.bytes.length, read_as: (doc as { kind?: string }).kind ?? ext } } : {}),
  };

  const lines = [
    `${TOOL}: ${file} → ${id}${args.includes('--dry-run') ? ' (dry run: nothing written)' : ''}`,
    `  data/raw/${rawFile}${originalFile ? ` (text read from data/raw/${originalFile})` : ''}, data/raw/${id}.source.json, data/curated/${id}.json`,
    ...(unfound.length ? [`  the parser read ${unfound.join(', ')} but its words were not found: left unknown, check by hand`] : []),
    '',
    ...reviewChecklist({ curated, unfound }, analysis),
  ];
  if (!dry) {
    // One add at a time (a second waits up to LOCK_WAIT_MS, then is refused); what was checked before the lock is
    // checked again under it, then every file is staged and committed by rename (scripts/lib/intake.ts).
    const busy = await takeLock(LOCK_WAIT_MS);
    if (busy) die(TOOL, file, busy);
    try {
      notYetHeld();
      idFree();
      const staged = stage(id);
      if (originalFile) staged.put(join(DATA, 'raw', originalFile), doc.bytes);
      staged.put(join(DATA, 'raw', rawFile), rawBytes);
      staged.put(join(DATA, 'raw', `${id}.source.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
      staged.put(join(DATA, 'curated', `${id}.json`), `${JSON.stringify(curated, null, 2)}\n`);
      staged.commit();
    } finally {
      releaseLock();
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** npm run add -- --repair: finishes or undoes what an interrupted add left (scripts/lib/intake.ts). */
async function repairCommand(): Promise<void> {
  const busy = await takeLock(0);
  if (busy && !busy.startsWith('an interrupted')) die(TOOL, '--repair', busy);
  try {
    const done = repair();
    process.stdout.write(done.length ? `${done.map((d) => `${TOOL}: ${d}`).join('\n')}\n` : `${TOOL}: nothing to repair\n`);
  } finally {
    releaseLock();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${TOOL}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
