/**
 * The character error rate the PDF and OCR measurements report: the banded Levenshtein distance must equal the
 * textbook full-table one (on random strings, near-equal and unrelated) and be symmetric; the rate compares reading
 * forms (NFC, no markdown, white space squashed), so layout and normalisation are not counted as errors.
 */
import { describe, expect, it } from 'vitest';
import { characterErrorRate, comparable, editDistance } from '../../scripts/lib/edit-distance.ts';

function fullTable(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min((prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1), (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

describe('editDistance', () => {
  it('known cases', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('Điều 1.', 'Điều 1.')).toBe(0);
    expect(editDistance('Hội đồng', 'Hoi dong')).toBe(3);
  });

  it('equals the full table on random strings, near-equal and unrelated', () => {
    let seed = 11;
    const rand = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const alphabet = 'aăâbcdđeêơưọộ ,.';
    for (let k = 0; k < 200; k++) {
      const a = Array.from({ length: rand(60) }, () => alphabet[rand(alphabet.length)]).join('');
      let b = k % 2 ? Array.from({ length: rand(60) }, () => alphabet[rand(alphabet.length)]).join('') : a;
      if (k % 2 === 0) for (let e = rand(6); e > 0; e--) { const p = rand(b.length + 1); b = b.slice(0, p) + (rand(2) ? alphabet[rand(alphabet.length)] : '') + b.slice(p + 1); }
      expect(editDistance(a, b)).toBe(fullTable(a, b));
      expect(editDistance(b, a)).toBe(editDistance(a, b));
    }
  });
});

describe('characterErrorRate', () => {
  it('ignores layout and markdown, counts one wrong letter in a word', () => {
    const want = '**Điều 1.** Phạm vi\nđiều chỉnh\n\n1. Nghị quyết này';
    expect(characterErrorRate('Điều 1. Phạm vi điều chỉnh\n1. Nghị quyết này\n', want)).toBe(0);
    expect(characterErrorRate('Điều 1. Phạm vi điều chinh 1. Nghị quyết này', want)).toBeCloseTo(1 / comparable(want).length, 10);
  });

  it('NFD and NFC readings are the same text', () => {
    expect(characterErrorRate('Hội đồng nhân dân'.normalize('NFD'), 'Hội đồng nhân dân')).toBe(0);
  });
});
