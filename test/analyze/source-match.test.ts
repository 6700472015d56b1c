/**
 * A copy of a curated source in another surface is the same document: it is recognised by content (not bytes), gets
 * that source's reviewed corrections, and analyses as the source does. For each of the 13 curated sources the test
 * makes the copies itself from the raw file: CRLF with a BOM, NFD, re-wrapped at 72 columns, paragraphs joined onto
 * one line, markdown stripped, running headers and page numbers inserted, the catalogue block removed, and the bare
 * text (no curator front matter or comments, as a PDF of the resolution would have). Different seeds never match
 * each other. What may differ between a copy and its source, and why: offsets (`start`/`end`, the corrections'
 * offsets and quoted characters: they point into the copy), line layout inside a provision (white space), the
 * `matched_source` key and its info issue; without its catalogue block a copy loses what only the catalogue said.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeResolution, type Analysis } from '../../src/lib/analyze/analyze.ts';
import { toAnalyzeJson } from '../../src/lib/analyze/report.ts';
import { contentFingerprint, containment, identifySource, matchSource, MATCH_THRESHOLD } from '../../src/lib/analyze/source-match.ts';
import { normalizeText, squash } from '../../src/lib/text/normalize.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../../src/node/reference.ts';
import { bare, SURFACES, withoutCatalogue } from '../fixtures/surfaces.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const RAW = new URL('data/raw/', ROOT_URL).pathname;
const reference = loadReference();
const curated = loadCurated();
const keys = loadSourceKeys(curated);
const sources = curated.map((c) => ({ c, text: normalizeText(readFileSync(RAW + c.raw_file, 'utf8')) }));

export function analyse(text: string, sha: string | null) {
  const t = normalizeText(text);
  const matched = identifySource(t, sha, keys);
  const c = matched ? curated.find((x) => x.id === matched.id) : undefined;
  return analyzeResolution(t, reference, { corrections: c?.corrections, matched });
}

/** What must be the same in a copy: everything but offsets, layout white space and how the source was found. */
export function essence(a: Analysis, bareCopy = false) {
  // The curator's "<!-- END … truncated -->" mark is not part of a bare copy: it reads "incomplete" (or, with no
  // article, "no operative text"), not "truncated".
  const skip = ['matched_source', 'correction_not_needed', ...(bareCopy ? ['truncated', 'incomplete', 'no_operative_text'] : [])];
  const j = toAnalyzeJson(a);
  return {
    metadata: { ...j.metadata, source_url: undefined },
    legal_bases: j.legal_bases.map((b) => ({ ...b, citation: squash(b.citation), title: b.title && squash(b.title) })),
    submission: j.submission && { ...j.submission, text: squash(j.submission.text) },
    provisions: j.provisions.map((p) => ({ ...p, start: 0, end: 0, text: squash(p.text), heading: p.heading && squash(p.heading) })),
    objectives: j.objectives.map((o) => ({ ...o, text: undefined, evidence: undefined })),
    funding: j.funding.map((f) => ({ ...f, evidence: undefined })),
    supervision: j.supervision.map((s) => ({ ...s, evidence: undefined })),
    issues: j.issues.filter((i) => !skip.includes(i.code)),
  };
}

describe('content fingerprints of the seeds', () => {
  it('different seeds stay well below the threshold against each other', () => {
    const fps = sources.map((s) => contentFingerprint(s.text));
    let worst = 0;
    fps.forEach((a, i) => fps.forEach((b, j) => {
      if (i !== j) worst = Math.max(worst, Math.min(...containment(a, b)));
    }));
    expect(worst).toBeLessThan(MATCH_THRESHOLD - 0.1);
  });
  it.each(sources)('$c.id matches only itself', ({ c, text }) => {
    expect(matchSource(contentFingerprint(text), keys)?.id).toBe(c.id);
    expect(matchSource(contentFingerprint(text), keys.filter((k) => k.id !== c.id))).toBeNull();
  });
  it('a text that is not a seed matches nothing', () => {
    const draft = sources.find((s) => s.c.id.startsWith('lang-son'))?.text.replace(/Lạng Sơn/g, 'Cao Bằng').split('\n').slice(0, 60).join('\n') ?? '';
    expect(matchSource(contentFingerprint(draft), keys)).toBeNull();
  });
});

describe.each(sources)('$c.id in other surfaces', ({ c, text }) => {
  const base = analyse(text, c.raw_sha256);
  it('the source itself matches by sha256 and gets its corrections', () => {
    expect(base.matched_source).toEqual({ id: c.id, by: 'sha256', score: 1 });
    expect(base.corrections.map((e) => e.correction_id)).toEqual(c.corrections.flatMap((x) => Array(x.count).fill(x.id)));
  });
  it.each(SURFACES)('%s: matched by content, corrected, analysed as the source', (name, surface) => {
    const copy = surface(text);
    const a = analyse(copy, null);
    expect(a.matched_source?.id).toBe(c.id);
    expect(a.matched_source?.by).toBe('content');
    expect(a.issues.filter((i) => i.code === 'correction_not_located')).toEqual([]);
    expect(essence(a, name.startsWith('bare'))).toEqual(essence(base, name.startsWith('bare')));
  });
  it('without its catalogue block: still matched, still corrected', () => {
    const a = analyse(withoutCatalogue(bare(text)), null);
    expect(a.matched_source?.id).toBe(c.id);
    expect(a.issues.filter((i) => i.code === 'correction_not_located')).toEqual([]);
  });
});
