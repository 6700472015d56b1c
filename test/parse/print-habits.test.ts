/**
 * The 2025 template and printing habits, on texts made by transforming real seeds: each transformed copy must read
 * as the original does, except for what the transformation must change. Also the two cases of issue 11: a point
 * printed "d)" twice is "đ)" (not `diem-d-2`), and a copy of Sơn La 2024 that differs only in its layout keeps its
 * reviewed correction of "Thường trực UBND, các Ban của UBND…" and with it the supervising bodies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeResolution, type Analysis } from '../../src/lib/analyze/analyze.ts';
import { parseLegalBasis } from '../../src/lib/parse/citations.ts';
import { isDecisionMarker } from '../../src/lib/parse/enactment.ts';
import { pointLabel, readingForm } from '../../src/lib/parse/print-habits.ts';
import { identifySource } from '../../src/lib/analyze/source-match.ts';
import { normalizeText, squash } from '../../src/lib/text/normalize.ts';
import { loadCurated, loadReference, loadSourceKeys } from '../../src/node/reference.ts';
import { wrap } from '../fixtures/surfaces.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const RAW = new URL('data/raw/', ROOT_URL).pathname;
const reference = loadReference();
const curated = loadCurated();
const keys = loadSourceKeys(curated);
const seeds = curated.map((c) => ({ c, id: c.id, text: normalizeText(readFileSync(RAW + c.raw_file, 'utf8')) }));
const seed = (prefix: string) => {
  const s = seeds.find((x) => x.id.startsWith(prefix));
  if (!s) throw new Error(prefix);
  return s;
};
const corrected = (s: ReturnType<typeof seed>, text = s.text) => analyzeResolution(text, reference, { corrections: s.c.corrections });
const plain = (text: string) => analyzeResolution(text, reference);
/** The analysis without offsets and layout white space. */
const reading = (a: Analysis) => ({
  metadata: a.metadata,
  legal_bases: a.legal_bases.map((b) => ({ ...b, citation: squash(b.citation) })),
  provisions: a.provisions.map((p) => ({ id: p.id, heading: p.heading, text: squash(p.text), measures: p.measures })),
  supervision: a.supervision.map((s) => `${s.provision} ${s.role} ${s.actor}`),
  issues: a.issues.map((i) => i.code),
});

describe('the 2025 enactment sentence (Law 64/2025/QH15 template) is the decision marker', () => {
  const withMarker = seeds.filter((s) => /^(?:#+\s*|\*\*)?QUYẾT NGHỊ:(?:\*\*)?\s*$/mu.test(s.text));
  it('every seed but the catalogue entry prints "QUYẾT NGHỊ:"', () => expect(withMarker.length).toBeGreaterThanOrEqual(9));
  it.each(withMarker)('$id: "QUYẾT NGHỊ:" rewritten as the enactment sentence reads the same', (s) => {
    const a = corrected(s);
    const council = a.metadata.council ?? 'Hội đồng nhân dân tỉnh';
    const sentence = `${council} ban hành Nghị quyết ${a.metadata.title ?? 'về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở'}.`;
    const rewritten = s.text.replace(/^(?:#+\s*|\*\*)?QUYẾT NGHỊ:(?:\*\*)?\s*$/mu, sentence);
    const b = corrected(s, rewritten);
    expect(reading(b)).toEqual(reading(a));
    expect(b.legal_bases.some((x) => /ban hành Nghị quyết/u.test(x.citation) && x.citation.startsWith('Hội đồng'))).toBe(false);
  });
  it('also right after the last basis line, with no blank line, and with "Theo đề nghị của …" for "Xét Tờ trình …"', () => {
    const s = seed('lang-son');
    const a = corrected(s);
    const t = s.text
      .replace(/Xét Tờ trình số 123\/TTr-UBND ngày 02 tháng 7 năm 2024 của Ủy ban nhân {2}\n/u, 'Theo đề nghị của Ủy ban nhân dân tỉnh tại Tờ trình số 123/TTr-UBND ngày 02 tháng 7 năm 2024 về\n')
      .replace(/\n\n## QUYẾT NGHỊ:\n/u, '\nHội đồng nhân dân tỉnh Lạng Sơn ban hành Nghị quyết quy định các biện pháp bảo đảm thực hiện\ndân chủ ở cơ sở trên địa bàn tỉnh Lạng Sơn.\n');
    expect(t).not.toBe(s.text);
    const b = corrected(s, t);
    expect(b.submission).toMatchObject({ number: '123/TTr-UBND', date: '2024-07-02', by: 'Ủy ban nhân dân tỉnh' });
    expect(b.legal_bases.map((x) => x.citation)).toEqual(a.legal_bases.map((x) => x.citation));
    expect(b.provisions.map((p) => p.id)).toEqual(a.provisions.map((p) => p.id));
    expect(b.issues.map((i) => i.code)).not.toContain('no_decision_marker');
  });
  it('is not a legal basis or any sentence naming the council', () => {
    expect(isDecisionMarker('QUYẾT NGHỊ:')).toBe(true);
    expect(isDecisionMarker('Hội đồng nhân dân xã Linh Sơn ban hành Nghị quyết quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở.')).toBe(true);
    expect(isDecisionMarker('Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.')).toBe(false);
    expect(isDecisionMarker('Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;')).toBe(false);
  });
});

describe('one cited document whose title names several others is one legal basis', () => {
  const law = 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức chính quyền địa phương, Luật Ngân sách nhà nước, Luật Đầu tư công và Luật Ban hành văn bản quy phạm pháp luật số 97/2025/QH15';
  it('its number is the amending law\'s', () => {
    const c = parseLegalBasis(`Căn cứ ${law};`);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'luat', number: '97/2025/QH15' });
  });
  it('a document after it still starts its own citation', () => {
    const c = parseLegalBasis(`Căn cứ ${law}; Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ;`);
    expect(c.map((x) => x.number)).toEqual(['97/2025/QH15', '78/2025/NĐ-CP']);
  });
  it('inserted into a real preamble it adds exactly one basis', () => {
    const s = seed('an-giang');
    const a = corrected(s);
    const b = corrected(s, s.text.replace('Căn cứ Luật Thực hiện dân chủ', `Căn cứ ${law};\n\nCăn cứ Luật Thực hiện dân chủ`));
    expect(b.legal_bases.map((x) => x.number)).toEqual([...a.legal_bases.slice(0, 2).map((x) => x.number), '97/2025/QH15', ...a.legal_bases.slice(2).map((x) => x.number)]);
  });
});

describe('printing habits', () => {
  it('a date printed without spaces reads as the date', () => {
    const s = seed('an-giang');
    const a = corrected(s);
    const b = corrected(s, s.text.replace('ngày 02 tháng 8 năm 2024', 'ngày 02 tháng 8năm 2024').replace('ngày 19 tháng 6 năm 2015', 'ngày 19 tháng 6năm 2015'));
    expect(b.metadata.signed_on).toBe('2024-08-02');
    expect(b.legal_bases.map((x) => x.date)).toEqual(a.legal_bases.map((x) => x.date));
    expect(readingForm('ngày 19 tháng 02năm 2025')).toBe('ngày 19 tháng 02 năm 2025');
  });
  it('stray spaces inside document numbers', () => {
    const s = seed('an-giang');
    const b = corrected(s, s.text.replace('Số: 47/NQ-HĐND', 'Số: 4 7/NQ-HĐND').replace('59/2023/NĐ-CP', '59/2023/ NĐ-CP'));
    expect(b.metadata.number).toBe('47/NQ-HĐND');
    expect(b.legal_bases.map((x) => x.number)).toContain('59/2023/NĐ-CP');
    expect(readingForm('Luật số 10 /2022/QH15')).toBe('Luật số 10/2022/QH15');
    // Two numbers that merely stand side by side are left alone.
    expect(readingForm('từ 01 đến 02 lớp, 3 4 lần')).toBe('từ 01 đến 02 lớp, 3 4 lần');
  });
  it('"Ü" read for "Ủ" (Sơn La\'s OCR) reads as "Ủy" even without the reviewed correction', () => {
    const a = plain(seed('son-la').text);
    const texts = a.provisions.map((p) => p.text).join('\n');
    expect(texts).toContain('Ủy ban nhân dân tỉnh tổ chức triển khai');
    expect(texts).not.toMatch(/Ü/u);
    expect(readingForm('Über')).toBe('Über');
  });
  it('a second "d)" in the same list is "đ)" (An Phú, issue 11): no diem-d-2, even without the correction', () => {
    const s = seed('an-giang');
    const a = plain(s.text);
    const ids = a.provisions.map((p) => p.id);
    expect(ids.some((id) => /diem-d-2$/.test(id))).toBe(false);
    expect(ids).toEqual(corrected(s).provisions.map((p) => p.id));
    expect(a.issues.map((i) => i.code)).not.toContain('duplicate_label');
    expect([pointLabel('d', 'c'), pointLabel('d', 'd'), pointLabel('e', 'đ')]).toEqual(['d', 'đ', 'e']);
  });
  it.each(seeds.filter((s) => s.c.completeness === 'full'))('$id: "Điều N." with its heading on the next line reads the same', (s) => {
    const a = corrected(s);
    const split = s.text.replace(/^((?:#+\s*|\*\*)?Điều \d+\.)[ \t]+(\S[^\n]{0,120}?)(\*\*)?$/gmu, (_, head: string, rest: string, bold = '') => `${head}${bold}\n${bold ? '**' : ''}${rest}${bold}`);
    expect(split).not.toBe(s.text);
    expect(reading(corrected(s, split)).provisions).toEqual(reading(a).provisions);
  });
  it('reading forms of every seed line are unchanged but where a habit is', () => {
    for (const s of seeds) {
      // Ü before y, and a date's number glued to its word ("02năm" in Huế 13/2025), are habits readingForm undoes.
      for (const line of s.text.split('\n')) if (!/Ü|\d(?:tháng|năm)\b/u.test(line)) expect(readingForm(line)).toBe(line);
    }
  });
  it('readingForm is idempotent', () => {
    for (const s of ['ngày 19 tháng 02năm 2025', 'số 4 7/NQ-HĐND', '10/2022/ QH15', 'ÜY BAN', 'Üy ban']) expect(readingForm(readingForm(s))).toBe(readingForm(s));
  });
});

describe('issue 11: copies that differ only in layout keep the reviewed corrections', () => {
  const copyOf = (text: string) => {
    const t = normalizeText(text);
    const matched = identifySource(t, null, keys);
    return analyzeResolution(t, reference, { corrections: curated.find((c) => c.id === matched?.id)?.corrections, matched });
  };
  it('Sơn La re-wrapped: "Thường trực UBND, các Ban của UBND…" keeps its correction and the supervising bodies', () => {
    const s = seed('son-la');
    const copy = wrap(s.text.replace(/\n/g, '\r\n').replace(/\r\n/g, '\n'), 60);
    expect(copy).toMatch(/Thường trực UBND, các Ban của UBND,[^\n]*\n/u);
    const a = copyOf(copy);
    expect(a.matched_source).toMatchObject({ id: s.id, by: 'content' });
    expect(a.corrections.map((e) => e.correction_id)).toContain('c2');
    const supervisors = (x: Analysis) => [...new Set(x.supervision.filter((m) => m.role === 'supervises').map((m) => m.actor))].sort();
    expect(supervisors(a)).toEqual(supervisors(corrected(s)));
    expect(supervisors(a)).toContain('standing_committee');
  });
  it('An Phú with CRLF line ends: the point after d) is đ), not diem-d-2', () => {
    const s = seed('an-giang');
    const a = copyOf(s.text.replace(/\n/g, '\r\n'));
    expect(a.matched_source?.id).toBe(s.id);
    expect(a.provisions.map((p) => p.id)).toEqual(corrected(s).provisions.map((p) => p.id));
    expect(a.provisions.some((p) => /diem-dd$/.test(p.id))).toBe(true);
  });
});
