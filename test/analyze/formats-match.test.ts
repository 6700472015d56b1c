/**
 * The readers and the content matcher together, as `analyze` runs them: each full source printed to a text PDF, saved
 * as a Word .doc, as a portal page in two shapes and re-encoded in VNI, Windows-1258 and TCVN3 (test/fixtures/formats,
 * made by the project's own scripts) is recognised as its curated source by content, gets every one of that source's
 * reviewed corrections (or already reads as corrected), and analyses as the source does: same metadata, legal bases, provisions and measures.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { applyCorrectionsLocated } from '../../src/lib/curated/correction-locate.ts';
import { toAnalyzeJson } from '../../src/lib/analyze/report.ts';
import { identifySource } from '../../src/lib/analyze/source-match.ts';
import { readDocument } from '../../scripts/lib/read-document.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../../src/node/reference.ts';

const curated = loadCurated();
const keys = loadSourceKeys(curated);
const reference = loadReference();
const FULL = curated.filter((c) => c.completeness === 'full');
const SURFACES = ['pdf', 'doc', 'portal.html', 'tvpl.html', 'vni.txt', 'cp1258.txt', 'tcvn3.txt'];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** What must not change with the surface: offsets and the white space of quoted texts may (the layout differs). */
function reading(a: ReturnType<typeof analyzeResolution>, struck: Set<string>) {
  const j = toAnalyzeJson(a) as unknown as {
    metadata: Record<string, unknown>;
    legal_bases: { number: string | null; kind: string; date: string | null }[];
    provisions: { id: string; measures: string[] }[];
    corrections: unknown[];
  };
  // A provision with struck-through text in the source (An Phú 1.1.b) reads those words in a surface that cannot
  // print the strike (PDF): its own words differ, so its codes may too. Codes come from a provision's own words only.
  return {
    metadata: j.metadata,
    legal_bases: j.legal_bases.map((b) => [b.kind, b.number, b.date]),
    provisions: j.provisions.map((p) => [p.id, struck.has(p.id) ? '(struck in the source)' : p.measures.join(' ')]),
    corrections: j.corrections.length,
  };
}

describe.each(FULL.map((c) => [c.id, c] as const))('%s in every surface', (id, c) => {
  const raw = readFileSync(`data/raw/${c.raw_file}`, 'utf8');
  const sourceAnalysis = analyzeResolution(raw, reference, { corrections: c.corrections, matched: identifySource(raw, sha(readFileSync(`data/raw/${c.raw_file}`)), keys) ?? undefined });
  const struck = new Set(sourceAnalysis.provisions.filter((p) => p.struck).map((p) => p.id));
  const source = reading(sourceAnalysis, struck);

  it.each(SURFACES)('.%s is matched by content, gets every correction and reads as the source', async (surface) => {
    const { bytes, text } = await readDocument('test', `test/fixtures/formats/${id}.${surface}`);
    const matched = identifySource(text, sha(bytes), keys);
    expect(matched).toMatchObject({ id, by: 'content' });
    const a = analyzeResolution(text, reference, { corrections: c.corrections, matched: matched ?? undefined });
    expect(a.issues.filter((i) => i.code === 'correction_not_located')).toEqual([]);
    const mine = reading(a, struck);
    // A copy that already reads as corrected needs no correction there (Sơn La's "Üy ban" cannot be written in
    // TCVN3, so its copy has "Ủy ban"): applied + not needed = all of the source's. Nothing else is set aside.
    const { notNeeded } = applyCorrectionsLocated(text, c.corrections);
    expect({ ...mine, corrections: mine.corrections + notNeeded.length }).toEqual(source);
  });
});
