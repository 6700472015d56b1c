/**
 * Properties of the text functions and the parser on every raw source: lossless spans, idempotent normalisation,
 * totality (never throws), and the same result for NFC/NFD, LF/CRLF and hard-wrapped/unwrapped input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/lib/text/lines.ts';
import { parseResolution, type ParsedResolution } from '../../src/lib/parse/parser.ts';
import { foldChars, foldVi, normalizeText, squash } from '../../src/lib/text/normalize.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const RAW = new URL('data/raw/', ROOT_URL).pathname;
const files = readdirSync(RAW).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').sort();
const sources = files.map((f) => ({ file: f, text: normalizeText(readFileSync(RAW + f, 'utf8')) }));
const CITIES = new Set(['ha noi', 'hai phong', 'ho chi minh', 'da nang', 'can tho', 'hue']);
const parse = (t: string) => parseResolution(t, { centrallyRunCities: CITIES });

/** What must not change when only the form of the text changes. */
function essence(r: ParsedResolution) {
  return {
    metadata: r.metadata,
    legal_bases: r.legal_bases.map((b) => ({ ...b, text: squash(b.text) })),
    provisions: r.provisions.map((p) => ({ id: p.id, heading: p.heading && squash(p.heading), text: squash(p.text), struck: p.struck })),
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hard-wrap every long line at about `width` characters, as text pulled from a PDF is. */
function hardWrap(text: string, width: number): string {
  // Front matter and comments are the curator's, not text pulled from a PDF: they stay as they are.
  const fence = text.startsWith('---\n') ? text.indexOf('\n---\n', 4) + 5 : 0;
  return text.slice(0, fence) + text
    .slice(fence)
    .split('\n')
    .map((line) => {
      if (line.length <= width || /^\s*\||<!--/.test(line)) return line;
      const out: string[] = [];
      let cur = '';
      for (const word of line.split(' ')) {
        // A wrap never puts a marker-like word at the start of a line (a real PDF could; that is a parse ambiguity
        // no rule can settle, and it is not what this property is about).
        const marker = /^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|Điều|-|Căn|Xét|Nơi|QUYẾT|Nghị)$/u.test(word);
        if (cur.length + word.length + 1 > width && cur !== '' && !marker) {
          out.push(cur);
          cur = word;
        } else cur = cur === '' ? word : `${cur} ${word}`;
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

describe('normalizeText and folds', () => {
  it('is idempotent and removes BOM and CR', () => {
    for (const { text } of sources) {
      const once = normalizeText(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
      expect(once).toBe(text);
      expect(normalizeText(once)).toBe(once);
    }
  });
  it('folds NFD and NFC alike, and foldChars keeps length', () => {
    const s = 'Hội đồng nhân dân tỉnh Lạng Sơn — ĐIỀU 4';
    expect(foldVi(s.normalize('NFD'))).toBe(foldVi(s));
    expect(foldVi(s)).toBe('hoi dong nhan dan tinh lang son — dieu 4');
    expect(foldChars(s)).toHaveLength(s.length);
  });
});

describe('parseResolution on every raw source', () => {
  it.each(sources)('$file: spans cover the text exactly once, in order', ({ text }) => {
    const r = parse(text);
    let at = 0;
    for (const s of r.spans) {
      expect(s.start).toBe(at);
      expect(s.end).toBeGreaterThan(s.start);
      at = s.end;
    }
    expect(at).toBe(text.length);
    expect(r.spans.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    expect(splitLines(text).map((l) => text.slice(l.start, l.end)).join('')).toBe(text);
  });

  it.each(sources)('$file: provision offsets point at their own text', ({ text }) => {
    for (const p of parse(text).provisions) {
      const slice = foldVi(text.slice(p.start, p.end).replace(/[*#_~]/g, ''));
      const first = foldVi((p.text.split('\n')[0] ?? '').slice(0, 30));
      expect(slice).toContain(first);
    }
  });

  it.each(sources)('$file: same result for NFD, CRLF and hard-wrapped input', ({ text }) => {
    const base = essence(parse(text));
    expect(essence(parse(normalizeText(text.normalize('NFD'))))).toEqual(base);
    expect(essence(parse(normalizeText(text.replace(/\n/g, '\r\n'))))).toEqual(base);
    if (text.split('\n').some((l) => l.length > 200)) expect(essence(parse(hardWrap(text, 72)))).toEqual(base);
  });

  it.each(sources)('$file: provision ids are unique and readable', ({ text }) => {
    const ids = parse(text).provisions.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^dieu-\d+(?:\.khoan-\d+(?:-\d+)*)?(?:\.diem-[a-z]{1,2})?(?:-\d+)?$/);
  });
});

describe('parseResolution is total', () => {
  it('never throws on truncations and random mutations of real texts', () => {
    const rand = rng(20261122);
    for (const { text } of sources) {
      for (let k = 0; k < 25; k++) {
        const cut = text.slice(0, Math.floor(rand() * text.length));
        const i = Math.floor(rand() * text.length);
        const mutated = text.slice(0, i) + String.fromCharCode(Math.floor(rand() * 0x2000)) + text.slice(i + 1);
        for (const t of [cut, mutated]) {
          const r = parse(t);
          expect(r.spans.map((s) => t.slice(s.start, s.end)).join('')).toBe(t);
        }
      }
    }
  });

  it('flags empty text and text that is not a resolution', () => {
    expect(parse('').issues.map((i) => i.code)).toContain('empty');
    expect(parse('   \n\n').issues.map((i) => i.code)).toContain('empty');
    const recipe = 'Cách nấu phở bò\n\n1. Ninh xương bò trong 6 giờ.\n2. Thái thịt mỏng.';
    expect(parse(recipe).issues.find((i) => i.severity === 'error')?.code).toBe('not_a_resolution');
  });
});
