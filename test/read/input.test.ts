/**
 * Reading a file a person hands us: size and zip-bomb limits are enforced before anything is unpacked, and every
 * refusal is a clear reason, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BYTES, readInput } from '../../src/lib/read/input.ts';

describe('readInput limits', () => {
  it('refuses a .docx larger than 20 MB without opening it', async () => {
    let opened = false;
    const big = new Uint8Array(MAX_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const r = await readInput(big, 'huge.docx', async () => {
      opened = true;
      return '';
    });
    expect(r).toMatchObject({ ok: false, code: 'too_large' });
    expect(opened).toBe(false);
  });

  it('never throws on random bytes named .docx, .txt or .md', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 50; k++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 400) }, () => Math.floor(rand() * 256));
      if (k % 3 === 0) bytes.set([0x50, 0x4b, 0x03, 0x04]);
      for (const name of ['x.docx', 'x.txt', 'x.md']) {
        const r = await readInput(bytes, name, async () => {
          throw new Error('not a docx');
        });
        if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
      }
    }
  });
});
