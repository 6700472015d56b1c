/**
 * The `analyze` command line as a person or a program uses it: one JSON object on stdout for a real resolution,
 * and exit code 2 with one clear line naming the file and the problem for bad input — never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/node/paths.ts';

const tmp = mkdtempSync(join(tmpdir(), 'analyze-'));

function analyze(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/analyze.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe('analyze --json', () => {
  it('prints exactly one JSON object with the contract keys for a seed', () => {
    const r = analyze('data/raw/lang-son-08-2024-nq-hdnd.txt', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    for (const k of ['metadata', 'legal_bases', 'provisions', 'objectives', 'funding', 'supervision', 'issues']) expect(doc).toHaveProperty(k);
    expect(doc.metadata).toMatchObject({
      number: '08/2024/NQ-HĐND', council: 'Hội đồng nhân dân tỉnh Lạng Sơn', jurisdiction: 'Lạng Sơn', level: 'province',
      unit_type: 'tỉnh', signed_on: '2024-07-23', adopted_on: '2024-07-23', effective_on: '2024-08-05', effective_rule: 'date', complete: true,
    });
    expect(doc.provisions[0]).toMatchObject({ id: 'dieu-1', article: 1, clause: null, point: null });
    expect(doc.provisions.find((p: { id: string }) => p.id === 'dieu-4.khoan-2.diem-dd')?.point).toBe('đ');
  });

  it('prints a readable summary without --json', () => {
    const r = analyze('data/raw/son-la-2024-04-17-nq-hdnd.txt');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hội đồng nhân dân tỉnh Sơn La');
    expect(r.out).toContain('on_adoption');
  });

  it('reads a text with BOM, CRLF and NFD like the original', () => {
    const orig = JSON.parse(analyze('data/raw/hai-phong-99-nq-hdnd-2024.txt', '--json').out);
    const text = readFileSync(join(ROOT, 'data/raw/hai-phong-99-nq-hdnd-2024.txt'), 'utf8');
    const variant = file('hp.txt', `\uFEFF${text.normalize('NFD').replace(/\n/g, '\r\n')}`);
    const doc = JSON.parse(analyze(variant, '--json').out);
    expect(doc.metadata).toEqual(orig.metadata);
    expect(doc.provisions.map((p: { id: string }) => p.id)).toEqual(orig.provisions.map((p: { id: string }) => p.id));
  });
});

describe('analyze --json: matched_source', () => {
  it('a seed is its curated source by sha256', () => {
    const doc = JSON.parse(analyze('data/raw/son-la-2024-04-17-nq-hdnd.txt', '--json').out);
    expect(doc.matched_source).toEqual({ id: 'son-la-2024-04-17-nq-hdnd', by: 'sha256', score: 1 });
  });
  it('a copy laid out differently is recognised by content and keeps the reviewed corrections (issue 11)', () => {
    const text = readFileSync(join(ROOT, 'data/raw/son-la-2024-04-17-nq-hdnd.txt'), 'utf8');
    // Paragraphs wrapped at 60 columns, CRLF line ends: the bytes differ, the document does not.
    const wrapped = text.split('\n').flatMap((l) => (l.length > 60 ? (l.match(/.{1,60}(?:\s|$)/g) ?? [l]).map((x) => x.trimEnd()) : [l])).join('\r\n');
    const doc = JSON.parse(analyze(file('son-la-copy.txt', wrapped), '--json').out);
    const orig = JSON.parse(analyze('data/raw/son-la-2024-04-17-nq-hdnd.txt', '--json').out);
    expect(doc.matched_source).toMatchObject({ id: 'son-la-2024-04-17-nq-hdnd', by: 'content' });
    expect(doc.matched_source.score).toBeGreaterThan(0.9);
    expect(doc.corrections.map((c: { id: string }) => c.id)).toEqual(orig.corrections.map((c: { id: string }) => c.id));
    const supervisors = (d: { supervision: { role: string; actor: string }[] }) => [...new Set(d.supervision.filter((x) => x.role === 'supervises').map((x) => x.actor))].sort();
    expect(supervisors(doc)).toEqual(supervisors(orig));
  });
  it('another text matches nothing', () => {
    const doc = JSON.parse(analyze('data/examples/draft-missing-measures-2026.txt', '--json').out);
    expect(doc.matched_source).toBeNull();
  });
});

describe('analyze on bad input: exit 2, one clear line', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', '', /empty/],
    ['blank.md', '   \n\n  ', /white space|empty/],
    ['binary.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]), /binary/],
    ['latin1.txt', new Uint8Array([0x4e, 0x67, 0x68, 0xe9, 0x20, 0x71, 0x75, 0x79]), /not UTF-8/],
    ['fake.docx', 'this is not a zip', /not a Word document/],
    ['truncated.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /damaged|not a Word/],
    ['recipe.txt', 'Cách nấu phở bò\n\n1. Ninh xương bò trong 6 giờ.\n2. Thái thịt mỏng.\n', /not read as a People's Council resolution/],
  ];
  it.each(cases)('%s', (name, content, message) => {
    const p = file(name, content);
    const r = analyze(p, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(p);
    expect(lines[0]).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a missing file', () => {
    const r = analyze(join(tmp, 'nope.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no such file/);
  });
});

describe('analyze on PDFs (fixtures made by scripts/fixtures-pdf.ts from data/raw)', () => {
  const seed = (id: string) => JSON.parse(analyze(`data/raw/${id}.txt`, '--json').out);
  const ids = (doc: { provisions: { id: string }[] }) => doc.provisions.map((p) => p.id);

  it('a text PDF: the same resolution as its .txt source', () => {
    const r = analyze('test/fixtures/formats/lang-son-08-2024-nq-hdnd.pdf', '--json');
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    const want = seed('lang-son-08-2024-nq-hdnd');
    for (const k of ['number', 'council', 'jurisdiction_id', 'signed_on', 'effective_on', 'signer', 'term', 'session']) expect(doc.metadata[k]).toEqual(want.metadata[k]);
    expect(ids(doc)).toEqual(ids(want));
    expect(doc.legal_bases).toEqual(want.legal_bases);
  });

  it('a scanned PDF is read by OCR (tesseract, Vietnamese), with a note on stderr', () => {
    // Slow by nature: 4 pages at 200 dpi, about a minute on this machine (see bench/results-formats.json).
    const r = spawnSync(process.execPath, ['scripts/analyze.ts', 'test/fixtures/formats/son-la-2024-04-17-nq-hdnd.scanned.pdf', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/read by OCR .* 4 pages/);
    const doc = JSON.parse(r.stdout);
    const want = seed('son-la-2024-04-17-nq-hdnd');
    for (const k of ['council', 'jurisdiction_id', 'level', 'signed_on', 'adopted_on', 'effective_rule', 'term', 'session']) expect(doc.metadata[k]).toEqual(want.metadata[k]);
    expect(ids(doc)).toEqual(ids(want));
    expect(doc.provisions.map((p: { measures: string[] }) => p.measures)).toEqual(want.provisions.map((p: { measures: string[] }) => p.measures));
  }, 420_000);

  const full = readFileSync(join(ROOT, 'test/fixtures/formats/son-la-2024-04-17-nq-hdnd.pdf'));
  const bad: [string, Uint8Array | string, RegExp][] = [
    ['truncated.pdf', full.subarray(0, full.length / 2), /damaged or truncated/],
    ['fake.pdf', 'Nghị quyết số 1', /not a PDF/],
    ['header-only.pdf', '%PDF-1.7\n', /damaged|could not be read/],
  ];
  it.each(bad)('%s: exit 2, one line', (name, content, message) => {
    const p = file(name, content);
    const r = analyze(p, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(p);
    expect(lines[0]).toMatch(message);
  });
});
