/**
 * The command line on the office formats (beside test/scripts/cli.test.ts): a .doc, a saved portal page and TCVN3/VNI text
 * are analysed like their source; a damaged .doc, a compound file that is not Word, a page with no document, Latin-1
 * text that is not Vietnamese and a legacy text that converts badly each end with exit 2 and one line naming the
 * file and the problem. readDocument says how each original was read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../scripts/lib/read-document.ts';
import { ROOT } from '../../src/node/paths.ts';

const FORMATS = join(ROOT, 'test/fixtures/formats');
const tmp = mkdtempSync(join(tmpdir(), 'analyze-office-'));
const ID = 'lang-son-08-2024-nq-hdnd';

function analyze(file: string) {
  const r = spawnSync(process.execPath, ['scripts/analyze.ts', file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('analyze reads the office formats like the source', () => {
  // The raw source is matched by its sha256 and gets its curated corrections; its copies are other bytes and do not
  // (until content matching lands), so the comparison is of what the parser reads, not of the corrections.
  const source = JSON.parse(analyze(join(ROOT, 'data/raw', `${ID}.txt`)).out);
  it.each(['doc', 'portal.html', 'vni.txt', 'tcvn3.txt'])(`${ID}.%s`, (ext) => {
    const r = analyze(join(FORMATS, `${ID}.${ext}`));
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.metadata).toEqual(source.metadata);
    expect(doc.provisions.map((p: { id: string }) => p.id)).toEqual(source.provisions.map((p: { id: string }) => p.id));
    expect(doc.legal_bases).toEqual(source.legal_bases);
  });

  it.each([['doc', 'doc'], ['portal.html', 'html'], ['vni.txt', 'text+vni'], ['tcvn3.txt', 'text+tcvn3']])('readDocument kind of .%s is %s', async (ext, kind) => {
    expect((await readDocument('test', join(FORMATS, `${ID}.${ext}`))).kind).toBe(kind);
  });
});

describe('analyze on bad office input: exit 2, one clear line', () => {
  const doc = readFileSync(join(FORMATS, `${ID}.doc`));
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/Contents', new TextEncoder().encode('x'.repeat(5000)));
  const french = 'Résolution du conseil général. Article premier: les élèves étrangers reçoivent une aide à la cantine. ';
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['truncated.doc', doc.subarray(0, 4096), /damaged|truncated/],
    ['random-compound.doc', new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>), /not a Word document/],
    ['no-document.html', '<!DOCTYPE html><html><body><ul class="menu"><li>Trang chủ</li><li>Văn bản</li></ul><div class="footer">© 2026</div></body></html>', /no document text/],
    ['french-latin1.txt', Uint8Array.from([...french.repeat(10)].map((c) => c.charCodeAt(0))), /not UTF-8, nor Vietnamese in TCVN3, VNI or Windows-1258/],
    ['rich-text.doc', '{\\rtf1\\ansi Nghị quyết}', /Rich Text/],
  ];
  it.each(cases)('%s', (name, content, message) => {
    const p = join(tmp, name);
    writeFileSync(p, content);
    const r = analyze(p);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(p);
    expect(lines[0]).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
