/**
 * Reads every curated resolution with its raw source, checks the source against its recorded sha256, analyses it
 * with the library and gathers the rows of every published table (plus text reuse across resolutions). I/O only
 * here; the mapping to rows is src/lib/publish/rows.ts. buildRawTables does the same for a directory of uncurated texts
 * (the parser's reading stands in for reviewed metadata), analysing them on worker threads, one per core, and hands
 * back text reuse still computing on a thread of its own, so the caller can write the other tables meanwhile.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Jurisdiction } from '../../src/lib/reference/jurisdictions.ts';
import type { RawJob, RawResult } from './raw-worker.ts';
import { analyzeResolution, type Analysis } from '../../src/lib/analyze/analyze.ts';
import type { Curated } from '../../src/lib/curated/curated.ts';
import type { PackageSource } from '../../src/lib/publish/datapackage.ts';
import { jurisdictionRows, metadataDisagreements, resolutionRows, taxonomyRows, unlistedJurisdiction, type ResolutionRows } from '../../src/lib/publish/rows.ts';
import { checkAgainstRaw } from '../../src/lib/curated/curated.ts';
import { readJsonFile } from '../../src/node/json.ts';
import { leftoverProblem } from './intake.ts';
import type { RowOf } from '../../src/lib/publish/schema.ts';
import { compareResolutions, unpackerOf } from '../../src/lib/reuse/similarity.ts';
import { type PackedReuse } from '../../src/lib/reuse/pack.ts';
import { type ReuseDocument, type ReuseOptions, type ReuseStats } from '../../src/lib/reuse/corpus.ts';
import { pairsOfKeys } from '../../src/lib/reuse/top-k.ts';
import { sortRows } from '../../src/lib/publish/csv.ts';
import { validateRows } from '../../src/lib/publish/validate.ts';
import type { KeysReply, PackReply, PackRequest } from './reuse-worker.ts';
import { csvPieces, type RenderedTable } from './write-tables.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { reviewIndex } from '../../src/lib/curated/annotations.ts';
import { DATA, DataError, ROOT } from '../../src/node/paths.ts';
import { loadAnnotations, loadCurated, loadReference } from '../../src/node/reference.ts';

export interface BuiltTables {
  tables: ResolutionRows & {
    jurisdictions: RowOf<'jurisdictions'>[];
    taxonomy: RowOf<'taxonomy'>[];
    similarity: RowOf<'similarity'>[];
    shared_passages: RowOf<'shared_passages'>[];
  };
  analyses: { curated: Curated; analysis: Analysis }[];
  sources: PackageSource[];
  disagreements: string[];
}

/**
 * Each resolution's 10 most similar, with their passages: every pair among a dozen seeds, and at ten thousand a table
 * that grows with the corpus, not its square. Candidates: 20,000 postings read and 200 scored exactly per resolution,
 * which kept 99% of the exact top 10 on the 10,000-text synthetic corpus (bench/README.md).
 */
export const REUSE: ReuseOptions = { topK: 10, budget: 20_000, candidates: 200 };

export function buildTables(): BuiltTables {
  const interrupted = leftoverProblem();
  if (interrupted) throw new DataError(interrupted);
  const reference = loadReference();
  const curated = loadCurated();
  /** Units the resolutions name that the reference does not list: published as unknown to it, never blocking the rest. */
  const unlisted = new Map<string, Jurisdiction>();
  const unlistedNotes: string[] = [];
  const analyses = curated.map((c) => {
    const bytes = readFileSync(join(DATA, 'raw', c.raw_file));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== c.raw_sha256) {
      throw new DataError(`data/raw/${c.raw_file}: sha256 is ${sha}, data/curated/${c.id}.json expects ${c.raw_sha256}; hint: raw sources are never edited — restore the file, or review the curated file again`);
    }
    const text = normalizeText(bytes.toString('utf8'));
    // What the README promises: every value's evidence is in the raw text (and states the value), or nothing is published.
    const sidecarPath = join(DATA, 'raw', `${c.id}.source.json`);
    const sidecar = existsSync(sidecarPath) ? (readJsonFile(sidecarPath) as { source_url?: string | null }) : null;
    const wrong = checkAgainstRaw(c, text, sidecar?.source_url ?? null);
    if (wrong.length) throw new DataError(`data/curated/${c.id}.json: ${wrong[0]?.replace(/^curated [^:]+: /, '')}${wrong.length > 1 ? ` (and ${wrong.length - 1} more)` : ''}`);
    let analysis = analyzeResolution(text, reference, { corrections: c.corrections });
    const failed = analysis.issues.filter((i) => i.severity === 'error');
    if (failed.length) throw new DataError(`data/raw/${c.raw_file}: ${failed.map((i) => i.message).join('; ')}`);
    const unit = unlistedJurisdiction(analysis, reference.jurisdictions, c.raw_file);
    const province = analysis.metadata.province ?? c.metadata.province.value ?? (analysis.metadata.level === 'province' ? analysis.metadata.jurisdiction : null);
    if (unit && !province) {
      // A district or commune of no known province cannot be placed: it waits for the reference, the rest is published.
      unlistedNotes.push(`${c.id}: not published — ${unit.unit.unit_type} ${unit.unit.name} is not in data/reference/local-units.csv and the text names no province; add the unit to the reference`);
      return null;
    }
    if (unit) {
      unlisted.set(unit.unit.id, unit.unit);
      unlistedNotes.push(`${c.id}: ${unit.unit.unit_type} ${unit.unit.name} is not in data/reference/local-units.csv; published as unlisted (validity and lineage unknown) — add it to the reference`);
      analysis = { ...analysis, metadata: { ...analysis.metadata, jurisdiction_id: unit.unit.id, province_after_2025: analysis.metadata.province_after_2025 ?? unit.province_after_2025 } };
    }
    return { curated: c, analysis };
  }).filter((x): x is { curated: Curated; analysis: Analysis } => x !== null);
  const review = reviewIndex(loadAnnotations());
  const parts = analyses.map(({ curated: c, analysis: a }) => resolutionRows(c, a, review));
  const cat = <K extends keyof ResolutionRows>(k: K): ResolutionRows[K] => parts.flatMap((p) => p[k] as unknown[]) as ResolutionRows[K];
  const reuse = compareResolutions(
    analyses
      .filter(({ curated: c }) => c.completeness !== 'metadata-only')
      .map(({ curated: c, analysis: a }) => ({ id: c.id, provisions: a.provisions.map((p) => ({ id: p.id, text: p.text, measures: p.measures })) })),
    REUSE,
  );
  const sources: PackageSource[] = analyses.map(({ curated: c }) => ({
    title: `${c.metadata.council.value ?? c.id} ${c.metadata.number.value ?? ''}`.trim(),
    path: `raw/${c.raw_file}`,
    ...(c.metadata.source_url.value ? { url: c.metadata.source_url.value } : {}),
  })) as unknown as PackageSource[];
  return {
    tables: {
      resolutions: cat('resolutions'),
      provisions: cat('provisions'),
      legal_bases: cat('legal_bases'),
      corrections: cat('corrections'),
      provision_measures: cat('provision_measures'),
      objectives: cat('objectives'),
      funding: cat('funding'),
      supervision: cat('supervision'),
      jurisdictions: jurisdictionRows([...reference.jurisdictions, ...[...unlisted.values()].filter((u) => !reference.jurisdictions.some((j) => j.id === u.id))]),
      taxonomy: taxonomyRows(reference.taxonomy),
      similarity: reuse.similarity as unknown as RowOf<'similarity'>[],
      shared_passages: reuse.passages as unknown as RowOf<'shared_passages'>[],
    },
    analyses,
    sources,
    disagreements: [...unlistedNotes, ...analyses.flatMap(({ curated: c, analysis: a }) => metadataDisagreements(c, a))],
  };
}

type ReuseTables = Pick<BuiltTables['tables'], 'similarity' | 'shared_passages'>;

export interface RawBuilt {
  /** Every table but text reuse's. */
  tables: Omit<BuiltTables['tables'], keyof ReuseTables>;
  /**
   * Text reuse, still computing on its threads when buildRawTables returns (write the other tables meanwhile): its
   * two tables checked and rendered as CSV, chunk by chunk, ready for writeRenderedTables.
   */
  reuse: Promise<{ rendered: RenderedTable[]; stats: ReuseStats; renderMs: number; ms: number; cpuMs: number }>;
  sources: PackageSource[];
  files: number;
  skipped: { file: string; reason: string }[];
  /** Later copies of a text already read (same sha256), left out. */
  duplicates: { file: string; of: string }[];
  /** Different texts that read as the same id: the later ones get -2, -3, … in file-name order. */
  renamed: { file: string; id: string }[];
  synthetic: number;
  workers: number;
  /** Threads of text reuse. */
  reuseWorkers: number;
  /** Wall times (ms) of the build's stages, and the summed per-file times the workers spent. */
  ms: { analyse: number; merge: number; perFile: { read: number; analyze: number; rows: number } };
  /** CPU time (ms, every thread of the process) of the same stages: robust to other work on the machine, unlike wall time. */
  cpuMs: { analyse: number; merge: number };
}

/** Chunks of text-reuse pairs each worker sends back, to be written while the next is computed. */
const REUSE_CHUNKS = 16;

/**
 * Text reuse on `parts` worker threads, each with a heap of its own and a range of the resolutions (see
 * reuse-worker.ts): their pair keys are merged here, each is sent the pairs of its range and replies in chunks of
 * consecutive first resolutions; each chunk's rows are made here (with the texts held here), checked against the
 * other tables and the schema, sorted and rendered as CSV as soon as it arrives, in range and chunk order, which
 * is the published order. The same pairs, rows and passages as one thread computing everything, and the same bytes.
 */
function reuseInWorkers(docs: ReuseDocument[], options: ReuseOptions, parts: number, tables: RawBuilt['tables']): RawBuilt['reuse'] {
  const started = performance.now();
  const workers = Array.from({ length: parts }, (_, part) => new Worker(new URL('./reuse-worker.ts', import.meta.url), { workerData: { docs, options, part, parts } }));
  const failed = new Promise<never>((_, fail) => workers.forEach((w) => w.once('error', fail)));
  const first = (w: Worker) => new Promise<KeysReply>((done) => w.once('message', done));
  const unpack = unpackerOf(docs);
  const checkKeys = reuseKeyChecker(tables);
  const pieces: Record<'similarity' | 'shared_passages', { rows: number; pieces: Uint8Array[] }> = { similarity: { rows: 0, pieces: [] }, shared_passages: { rows: 0, pieces: [] } };
  let renderMs = 0;
  const render = (chunk: PackedReuse) => {
    const t = performance.now();
    const { similarity, passages } = unpack(chunk);
    const rows = { similarity: similarity as unknown as RowOf<'similarity'>[], shared_passages: passages as unknown as RowOf<'shared_passages'>[] };
    const problems = [...checkKeys(rows), ...validateRows('similarity', rows.similarity), ...validateRows('shared_passages', rows.shared_passages)];
    if (problems.length) throw new DataError(`text reuse made rows that do not fit:\n- ${problems.slice(0, 20).join('\n- ')}`);
    for (const table of ['similarity', 'shared_passages'] as const) {
      const sorted = sortRows(table, rows[table] as never) as readonly Record<string, unknown>[];
      pieces[table].rows += sorted.length;
      pieces[table].pieces.push(...csvPieces(table, sorted, { header: false }));
    }
    renderMs += performance.now() - t;
  };
  const run = async () => {
    const keyed = await Promise.race([Promise.all(workers.map(first)), failed]);
    const tm = performance.now();
    const pairs = Int32Array.from(pairsOfKeys(keyed.flatMap((k) => Array.from(k.keys)), docs.length));
    // Pairs are ascending by a: each worker takes the run whose a falls in its range.
    const cut = (a: number) => {
      let i = 0;
      while (i < pairs.length && (pairs[i] ?? 0) < a) i += 2;
      return i;
    };
    const merging = performance.now() - tm;
    const dones: Extract<PackReply, { done: unknown }>['done'][] = [];
    const queues = workers.map((w, i) => {
      const q = { replies: [] as PackReply[], wake: null as (() => void) | null };
      w.on('message', (m: PackReply) => {
        q.replies.push(m);
        q.wake?.();
      });
      const k = keyed[i] as KeysReply;
      w.postMessage({ pairs: pairs.slice(cut(k.lo), cut(k.hi)), recallOver: i === 0 && options.recallSample ? pairs : null, chunks: REUSE_CHUNKS } satisfies PackRequest);
      return q;
    });
    // Workers in range order, each one's chunks in order: rows come out in the published order.
    for (const q of queues) {
      const queue = q.replies;
      for (;;) {
        if (queue.length === 0) await Promise.race([new Promise<void>((r) => (q.wake = r)), failed]);
        const m = queue.shift();
        if (!m) continue;
        if ('chunk' in m) render(m.chunk);
        else {
          dones.push(m.done);
          break;
        }
      }
    }
    const slowest = (f: (x: (typeof dones)[number]) => number) => Math.max(...dones.map(f));
    const stats: ReuseStats = {
      resolutions: docs.length, provisions: docs.reduce((t, d) => t + d.provisions.length, 0), terms: 0, blocks: 0,
      pairsScored: keyed.reduce((t, k) => t + k.scored, 0), partial: keyed.reduce((t, k) => t + k.partial, 0), pairsKept: pairs.length / 2,
      passages: pieces.shared_passages.rows, recall: dones[0]?.recall ?? null,
      // Side by side: each stage as long as its slowest worker.
      ms: {
        index: Math.max(...keyed.map((k) => k.ms.index)), candidates: Math.max(...keyed.map((k) => k.ms.candidates)) + merging,
        recall: slowest((d) => d.ms.recall), rows: slowest((d) => d.ms.rows), passages: slowest((d) => d.ms.passages),
      },
    };
    const rendered = (['similarity', 'shared_passages'] as const).map((table): RenderedTable => ({ table, ...pieces[table] }));
    return { rendered, stats, renderMs, ms: performance.now() - started, cpuMs: dones.reduce((t, d) => t + d.cpuMs, 0) };
  };
  return run().finally(() => Promise.all(workers.map((w) => w.terminate())));
}

/**
 * A check that text-reuse rows name only resolutions and provisions of the other tables (written apart from them,
 * so writeTables cannot check these foreign keys): the sets are made once for every chunk.
 */
function reuseKeyChecker(tables: RawBuilt['tables']): (rows: ReuseTables) => string[] {
  const ids = new Set((tables.resolutions as unknown as { id: string }[]).map((r) => r.id));
  const provs = new Map<string, Set<string>>();
  for (const p of tables.provisions as unknown as { resolution_id: string; provision_id: string }[]) {
    const set = provs.get(p.resolution_id) ?? new Set<string>();
    set.add(p.provision_id);
    provs.set(p.resolution_id, set);
  }
  return (reuse) => {
    const problems: string[] = [];
    for (const r of reuse.similarity as unknown as { resolution_a: string; resolution_b: string }[]) {
      if (!ids.has(r.resolution_a) || !ids.has(r.resolution_b)) problems.push(`similarity ${r.resolution_a} ${r.resolution_b}: no such resolution`);
    }
    for (const p of reuse.shared_passages as unknown as { resolution_a: string; provision_a: string; resolution_b: string; provision_b: string }[]) {
      if (!provs.get(p.resolution_a)?.has(p.provision_a) || !provs.get(p.resolution_b)?.has(p.provision_b)) problems.push(`shared_passages ${p.resolution_a}#${p.provision_a} ${p.resolution_b}#${p.provision_b}: no such provision`);
    }
    return problems;
  };
}

/** Analyse files on `workers` threads, each sent small batches as it finishes the last; results in file order. */
async function analyseAll(paths: string[], workers: number): Promise<RawResult[]> {
  const results: RawResult[] = new Array(paths.length);
  const jobs: RawJob[] = paths.map((path, index) => ({ index, path }));
  const BATCH = 20;
  let next = 0;
  const run = (w: Worker) => new Promise<void>((done, fail) => {
    const send = () => {
      if (next >= jobs.length) return void w.terminate().then(() => done(), fail);
      w.postMessage(jobs.slice(next, next + BATCH));
      next += BATCH;
    };
    w.on('message', (out: RawResult[]) => {
      for (const r of out) results[r.index] = r;
      send();
    });
    w.on('error', fail);
    send();
  });
  await Promise.all(Array.from({ length: workers }, () => run(new Worker(new URL('./raw-worker.ts', import.meta.url)))));
  return results;
}

/**
 * Tables from a directory of uncurated texts (*.txt, *.md, read in file-name order): ids from resolutionId; a
 * later copy of the same bytes is left out, a different text with an id already taken gets a suffix; files the
 * parser cannot read as a resolution are listed, not fatal. Same directory, same tables, whatever the timing.
 */
export async function buildRawTables(dir: string, opts: { workers?: number; reuseWorkers?: number; reuse?: ReuseOptions } = {}): Promise<RawBuilt> {
  const names = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort();
  if (names.length === 0) throw new DataError(`${dir}: no .txt or .md files; hint: npm run synth -- --count 1000 --out ${dir}`);
  // The same directory is named the same way in datapackage.json however it was given on the command line.
  const where = relative(ROOT, resolve(dir)).startsWith('..') ? resolve(dir) : relative(ROOT, resolve(dir)).split(sep).join('/');
  const reference = loadReference();
  const workers = Math.max(1, Math.min(opts.workers ?? availableParallelism(), names.length));
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const results = await analyseAll(names.map((f) => resolve(dir, f)), workers);
  const t1 = performance.now();
  const c1 = cpu();
  const built: Omit<RawBuilt, 'reuse' | 'reuseWorkers'> = {
    tables: {} as RawBuilt['tables'], sources: [{ title: `Uncurated texts in ${where} (${names.length} files)`, path: where }], files: names.length,
    skipped: [], duplicates: [], renamed: [], synthetic: 0, workers, ms: { analyse: t1 - t0, merge: 0, perFile: { read: 0, analyze: 0, rows: 0 } },
    cpuMs: { analyse: c1 - c0, merge: 0 },
  };
  const bySha = new Map<string, string>();
  const taken = new Set<string>();
  const parts: ResolutionRows[] = [];
  const units = new Map<string, Jurisdiction>(reference.jurisdictions.map((j) => [j.id, j]));
  for (const r of results) {
    for (const k of ['read', 'analyze', 'rows'] as const) built.ms.perFile[k] += r.ms[k];
    if ('skipped' in r) {
      built.skipped.push({ file: r.file, reason: r.skipped });
      continue;
    }
    const first = bySha.get(r.sha256);
    if (first) {
      built.duplicates.push({ file: r.file, of: first });
      continue;
    }
    bySha.set(r.sha256, r.file);
    let id = r.id;
    for (let n = 2; taken.has(id); n++) id = `${r.id}-${n}`;
    taken.add(id);
    if (id !== r.id) {
      built.renamed.push({ file: r.file, id });
      for (const rows of Object.values(r.rows) as { resolution_id?: string; id?: string }[][]) for (const row of rows) if (row.resolution_id) row.resolution_id = id;
      const res = r.rows.resolutions[0] as unknown as { id: string } | undefined;
      if (res) res.id = id;
    }
    if (r.unit && !units.has(r.unit.id)) units.set(r.unit.id, r.unit);
    if (r.synthetic) built.synthetic++;
    parts.push(r.rows);
  }
  const cat = <K extends keyof ResolutionRows>(k: K): ResolutionRows[K] => parts.flatMap((p) => p[k] as unknown[]) as ResolutionRows[K];
  const provisions = cat('provisions');
  const docs = new Map<string, ReuseDocument>();
  const full = new Set(cat('resolutions').filter((x) => (x as unknown as { completeness: string }).completeness !== 'metadata-only').map((x) => (x as unknown as { id: string }).id));
  for (const p of provisions as unknown as { resolution_id: string; provision_id: string; text: string; measures: string[] }[]) {
    if (!full.has(p.resolution_id)) continue;
    const d = docs.get(p.resolution_id) ?? { id: p.resolution_id, provisions: [] };
    d.provisions.push({ id: p.provision_id, text: p.text, measures: p.measures });
    docs.set(p.resolution_id, d);
  }
  built.tables = {
    resolutions: cat('resolutions'), provisions, legal_bases: cat('legal_bases'), corrections: cat('corrections'),
    provision_measures: cat('provision_measures'), objectives: cat('objectives'), funding: cat('funding'), supervision: cat('supervision'),
    jurisdictions: jurisdictionRows([...units.values()]), taxonomy: taxonomyRows(reference.taxonomy),
  };
  // One thread: two would each build the whole index (the same work twice on a machine the build already fills).
  const reuseWorkers = Math.max(1, Math.min(opts.reuseWorkers ?? 1, docs.size));
  const reuse = reuseInWorkers([...docs.values()], { ...REUSE, ...opts.reuse }, reuseWorkers, built.tables);
  built.ms.merge = performance.now() - t1;
  built.cpuMs.merge = cpu() - c1;
  return { ...built, reuseWorkers, reuse };
}
