/**
 * The curated file `npm run add` pre-fills, tried on the thirteen real sources as if each were new: it validates,
 * every evidence is verbatim and states its value (checkAgainstRaw), every value equals the reviewed one except
 * where the build already reports the parser disagreeing with review, and a value whose words are not in the text
 * (An Phú's province, known only from the reference) is left unknown rather than asserted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeResolution } from '../../src/lib/analyze/analyze.ts';
import { checkAgainstRaw, isReviewed, METADATA_FIELDS, validateCurated } from '../../src/lib/curated/curated.ts';
import { EvidenceFinder } from '../../src/lib/analyze/evidence.ts';
import { prefillCurated } from '../../src/lib/analyze/prefill.ts';
import { metadataDisagreements } from '../../src/lib/publish/rows.ts';
import { loadCurated, loadReference } from '../../src/node/reference.ts';

const reference = loadReference();
const curated = loadCurated();

describe('prefillCurated on every curated source, read as if new', () => {
  it.each(curated.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const text = readFileSync(`data/raw/${c.raw_file}`, 'utf8');
    const a = analyzeResolution(text, reference);
    const { curated: pre, unfound } = prefillCurated(a, text, c);
    expect(validateCurated(JSON.parse(JSON.stringify(pre)))).toEqual([]);
    expect(checkAgainstRaw(pre, text)).toEqual([]);
    expect(pre.reviewed).toBe(false);
    expect(isReviewed(pre)).toBe(false);
    expect(METADATA_FIELDS.every((k) => pre.metadata[k].unreviewed === true)).toBe(true);
    const disputed = new Set(metadataDisagreements(c, analyzeResolution(text, reference, { corrections: c.corrections })).map((d) => d.split(':')[1]?.trim().split(' ')[0]));
    for (const k of METADATA_FIELDS) {
      const mine = pre.metadata[k].value;
      if (mine === null || disputed.has(k)) continue;
      expect([k, mine]).toEqual([k, c.metadata[k].value]);
    }
    // Every value the reviewers found, the pre-fill finds too, unless its words are not in the text.
    const lost = METADATA_FIELDS.filter((k) => c.metadata[k].value !== null && pre.metadata[k].value === null);
    expect(lost).toEqual(unfound.filter((k) => c.metadata[k].value !== null));
  });

  it("leaves An Phú's province unknown: the text never names it, only the reference does", () => {
    const c = curated.find((x) => x.id === 'an-giang-an-phu-47-nq-hdnd-2024');
    if (!c) throw new Error('An Phú is curated');
    const text = readFileSync(`data/raw/${c.raw_file}`, 'utf8');
    const pre = prefillCurated(analyzeResolution(text, reference), text, c);
    expect(pre.curated.metadata.province).toMatchObject({ value: null, evidence: null });
    expect(pre.unfound).toContain('province');
  });
});

describe('EvidenceFinder', () => {
  it('finds a date split over lines, from its place name', () => {
    const f = new EvidenceFinder('**HỘI ĐỒNG**\n\nBắc Giang, ngày\n12 tháng 7 năm 2024\n');
    expect(f.date('2024-07-12', [])).toBe('Bắc Giang, ngày\n12 tháng 7 năm 2024');
    expect(f.date('2024-07-13', [])).toBeNull();
  });

  it('takes the cue of an adoption date within its paragraph, not from another', () => {
    const f = new EvidenceFinder('đã được thông qua.\n\nNghị quyết này ban hành ngày 05 tháng 8 năm 2024.');
    expect(f.date('2024-08-05', ['thông qua'])).toBe('ngày 05 tháng 8 năm 2024');
  });

  it('reads a number through bold markers and stray spaces, and not inside a longer number', () => {
    expect(new EvidenceFinder('Số: **99** /NQ-HĐND').number('99/NQ-HĐND')).toBe('99** /NQ-HĐND');
    expect(new EvidenceFinder('Số: 199/NQ-HĐND').number('99/NQ-HĐND')).toBeNull();
  });

  it('finds phrases whatever their case, marks and line breaks, and returns the words as printed', () => {
    const f = new EvidenceFinder('Về việc quyết định  \nở cơ sở TRÊN ĐỊA BÀN');
    expect(f.phrase('về việc quyết định ở cơ sở trên địa bàn')).toBe('Về việc quyết định  \nở cơ sở TRÊN ĐỊA BÀN');
    expect(f.phrase('ve viec quyet dinh')).toBe('Về việc quyết định');
    expect(f.phrase('không có')).toBeNull();
  });
});
