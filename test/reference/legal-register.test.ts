// The legal documents register against the citations as printed in the 13 raw texts: every "Căn cứ" citation must
// find its document, and the 2025 replacements must say which bases were out of date on which day.
import { readingForm } from '../../src/lib/parse/print-habits.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verbatimPart } from '../../src/lib/curated/curated.ts';
import {
  documentId,
  matchCitation,
  normalizeDocNumber,
  parseRegister,
  supersededOn,
  type Citation,
  type LegalDocument,
} from '../../src/lib/reference/legal-register.ts';
import { parseViDate, squash } from '../../src/lib/text/normalize.ts';

const { documents, problems } = parseRegister(readFileSync('data/reference/legal-documents.csv', 'utf8'));
const doc = (id: string) => documents.find((d) => d.id === id) as LegalDocument;
const cite = (title: string, date: string | null = null, number: string | null = null): Citation => ({ kind: null, number, date, title });

/**
 * A test-only reading of the legal bases ("Căn cứ …" up to "Xét …") of a raw text into citations: split at ";",
 * at "bởi" (amended by) and at "và" before a numbered document; the number follows "số", the date is the first one, the title ends before them or the issuer.
 */
function citationsOf(rawText: string): { text: string; citation: Citation }[] {
  // readingForm: the printing habits the parser undoes ("19 tháng 02năm 2025" in Huế 13/2025).
  const text = readingForm(squash(verbatimPart(rawText).text.replace(/[*|]/g, ' ')));
  const start = text.indexOf('Căn cứ');
  if (start === -1) return [];
  const end = text.indexOf('Xét ', start);
  const bases = text.slice(start, end === -1 ? undefined : end);
  return bases
    .split(/;|\bbởi\b|\svà\s(?=(?:Luật|Nghị định) số)/u)
    .map((s) => s.trim().replace(/^Căn cứ\s+/u, '').replace(/\.$/, ''))
    .filter((s) => /^(Luật|Nghị định|Quyết định|Nghị quyết)\b/u.test(s))
    .map((s) => {
      const number = /\bsố:?\s*(\d+\/[0-9A-Za-zĐđ/-]+)/u.exec(s)?.[1] ?? null;
      const title = s.split(/\s(?:số\s+\d|ngày\s+\d|của (?:Chính phủ|Thủ tướng|Quốc hội|HĐND))/u)[0] ?? s;
      return { text: s, citation: { kind: s.split(' ')[0] ?? null, number, date: parseViDate(s).iso, title } };
    });
}

const raws = readdirSync('data/raw')
  .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
  .map((f) => ({ id: f.replace(/\.(txt|md)$/, ''), text: readFileSync(`data/raw/${f}`, 'utf8') }));

describe('parseRegister', () => {
  it('reads the register without problems', () => {
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(27);
    expect(doc('luat-10-2022-qh15')).toMatchObject({ kind: 'luat', number: '10/2022/QH15', adopted_on: '2022-11-10', effective_from: '2023-07-01' });
  });

  it('reports bad rows instead of throwing', () => {
    const head = 'id,kind,number,title,title_en,issuer,adopted_on,effective_from,effective_until,replaced_by,amends,source,note';
    const r = parseRegister([
      head,
      'luat-1-2020-qh14,bo-luat,1/2020/QH14,T,,Quốc hội,2020-02-30,,,,,s,',
      'luat-9-2020-qh14,luat,2/2020/QH14,T,,Quốc hội,,2021-01-01,2020-01-01,luat-x,,s,',
    ].join('\n'));
    const p = r.problems.join('\n');
    expect(p).toMatch(/kind «bo-luat» is not one of/);
    expect(p).toMatch(/adopted_on «2020-02-30» is not a valid ISO date/);
    expect(p).toMatch(/id should be «luat-2-2020-qh14»/);
    expect(p).toMatch(/effective_until 2020-01-01 is before effective_from 2021-01-01/);
    expect(p).toMatch(/replaced_by «luat-x» is not in the register/);
  });
});

describe('normalizeDocNumber and documentId', () => {
  it('folds, drops spaces and markup, maps Đ to D', () => {
    expect(normalizeDocNumber('Số: **99** /NQ-HĐND')).toBe('99/NQ-HDND');
    expect(normalizeDocNumber('59/2023/NĐ-CP')).toBe('59/2023/ND-CP');
    expect(normalizeDocNumber('08/2024/NQ-HĐND')).toBe(normalizeDocNumber('8/2024/nq-hđnd'));
    expect(normalizeDocNumber('346/QĐ–TTg')).toBe('346/QD-TTG');
  });

  it('derives ids from kind, number, year and local issuer', () => {
    expect(documentId('luat', '77/2015/QH13', '2015-06-19', 'Quốc hội')).toBe('luat-77-2015-qh13');
    expect(documentId('nghi-dinh', '59/2023/NĐ-CP', '2023-08-14', 'Chính phủ')).toBe('nd-59-2023-nd-cp');
    expect(documentId('quyet-dinh', '346/QĐ-TTg', '2023-04-06', 'Thủ tướng Chính phủ')).toBe('qd-346-2023-qd-ttg');
    expect(documentId('nghi-quyet', '62/NQ-HĐND', '2024-09-06', 'HĐND tỉnh Thái Nguyên')).toBe('nq-62-2024-nq-hdnd-thai-nguyen');
  });
});

describe('matchCitation with the citations as printed', () => {
  it('matches laws cited by name and date', () => {
    expect(matchCitation(cite('Luật Tổ chức chính quyền địa phương', '2015-06-19'), documents)?.id).toBe('luat-77-2015-qh13');
    expect(matchCitation(cite('Luật Thực hiện dân chủ ở cơ sở', '2022-11-10'), documents)?.number).toBe('10/2022/QH15');
    expect(matchCitation(cite('Luật Tổ chức chính quyền địa phương', '2025-06-16'), documents)?.id).toBe('luat-72-2025-qh15');
    expect(matchCitation(cite('Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương', '2019-11-22'), documents)?.id).toBe('luat-47-2019-qh14');
    // Ninh Bình's wording, without "quy phạm"
    expect(matchCitation(cite('Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản pháp luật', '2020-06-18'), documents)?.id).toBe('luat-63-2020-qh14');
  });

  it('refuses a name without a date when several laws share it, or a wrong name on a date', () => {
    expect(matchCitation(cite('Luật Tổ chức chính quyền địa phương'), documents)).toBeNull();
    expect(matchCitation(cite('Luật Đất đai', '2015-06-19'), documents)).toBeNull();
    expect(matchCitation(cite('Luật Thực hiện dân chủ ở cơ sở'), documents)?.id).toBe('luat-10-2022-qh15');
  });

  it('matches by number; a number without year needs its date', () => {
    expect(matchCitation(cite('Nghị định', '2023-08-14', '59/2023/NĐ-CP'), documents)?.id).toBe('nd-59-2023-nd-cp');
    expect(matchCitation(cite('Luật Tổ chức chính quyền địa phương', null, '72/2025/QH15'), documents)?.id).toBe('luat-72-2025-qh15');
    expect(matchCitation(cite('Quyết định', '2023-04-06', '346/QĐ-TTg'), documents)?.id).toBe('qd-346-2023-qd-ttg');
    expect(matchCitation(cite('Quyết định', null, '346/QĐ-TTg'), documents)).toBeNull();
    expect(matchCitation(cite('Nghị quyết', '2024-09-06', '62/NQ-HĐND'), documents)?.id).toBe('nq-62-2024-nq-hdnd-thai-nguyen');
    expect(matchCitation(cite('Nghị quyết', '2024-09-07', '62/NQ-HĐND'), documents)).toBeNull();
    expect(matchCitation(cite('Nghị định', null, '999/2099/NĐ-CP'), documents)).toBeNull();
  });

  it('finds every legal basis of the 17 raw texts, and the register holds nothing else but replacements', () => {
    const matched = new Set<string>();
    let n = 0;
    for (const { id, text } of raws) {
      for (const { text: printed, citation } of citationsOf(text)) {
        const found = matchCitation(citation, documents);
        expect(found, `${id}: ${printed}`).not.toBeNull();
        if (found) matched.add(found.id);
        n++;
      }
    }
    expect(n).toBe(103); // 84 in the 13 texts before the four 2025 openings: Bắc Ninh 7, Đắk Lắk 4, Huế 5, Tây Ninh 3
    const unmatched = documents.filter((d) => !matched.has(d.id)).map((d) => d.id);
    // Tây Ninh 102/2025 cites the February 2025 Law on Local Government (65/2025/QH15): every register entry is now cited.
    expect(unmatched).toEqual([]);
    expect(doc('luat-77-2015-qh13').replaced_by).toBe('luat-65-2025-qh15');
  });

  it('reads the citations of one text as printed (Quảng Trị)', () => {
    const qt = raws.find((r) => r.id === 'quang-tri-23-2025-nq-hdnd')!;
    expect(citationsOf(qt.text).map((c) => matchCitation(c.citation, documents)?.id)).toEqual([
      'luat-72-2025-qh15', 'luat-83-2015-qh13', 'luat-59-2020-qh14', 'luat-56-2024-qh15', 'luat-89-2025-qh15',
      'luat-64-2025-qh15', 'luat-87-2025-qh15', 'luat-10-2022-qh15', 'luat-97-2025-qh15', 'nd-78-2025-nd-cp',
      'nd-187-2025-nd-cp', 'nd-59-2023-nd-cp', 'nd-61-2023-nd-cp',
    ]);
  });
});

describe('supersededOn', () => {
  const on = (id: string, date: string) => {
    const s = supersededOn(doc(id), date, documents);
    return [s.superseded, s.by?.id ?? null];
  };

  it('follows the Law on Local Government Organisation through 2025', () => {
    expect(on('luat-77-2015-qh13', '2024-07-23')).toEqual([false, null]);
    expect(on('luat-77-2015-qh13', '2025-03-01')).toEqual([true, 'luat-65-2025-qh15']);
    expect(on('luat-77-2015-qh13', '2025-12-19')).toEqual([true, 'luat-72-2025-qh15']);
    expect(on('luat-65-2025-qh15', '2025-06-16')).toEqual([true, 'luat-72-2025-qh15']);
    expect(on('luat-72-2025-qh15', '2025-12-19')).toEqual([false, null]);
    expect(on('luat-47-2019-qh14', '2025-12-19')).toEqual([true, 'luat-72-2025-qh15']);
    expect(supersededOn(doc('luat-47-2019-qh14'), '2025-12-19', documents).reason).toMatch(/^amends 77\/2015\/QH13, which is superseded/);
  });

  it('keeps an amended law in force, and replaces laws on the day the new one takes effect', () => {
    expect(on('luat-10-2022-qh15', '2025-12-11')).toEqual([false, null]);
    expect(on('luat-80-2015-qh13', '2025-03-31')).toEqual([false, null]);
    expect(on('luat-80-2015-qh13', '2025-04-01')).toEqual([true, 'luat-64-2025-qh15']);
    expect(on('luat-63-2020-qh14', '2025-04-01')).toEqual([true, 'luat-64-2025-qh15']);
    expect(on('luat-83-2015-qh13', '2025-12-11')).toEqual([false, null]);
    expect(on('luat-83-2015-qh13', '2026-01-01')).toEqual([true, 'luat-89-2025-qh15']);
  });

  it('says when a replacement counts from its adoption because its entry into force is unknown', () => {
    const s = supersededOn(doc('nd-34-2016-nd-cp'), '2025-11-14', documents);
    expect([s.superseded, s.by?.id]).toEqual([true, 'nd-78-2025-nd-cp']);
    expect(s.reason).toBe('replaced by 78/2025/NĐ-CP, adopted on 2025-04-01 (its entry into force is not recorded)');
    expect(on('nd-154-2020-nd-cp', '2025-11-14')).toEqual([true, 'nd-78-2025-nd-cp']);
    expect(on('nd-34-2016-nd-cp', '2025-03-31')).toEqual([false, null]);
  });

  it('none of the legal bases of the dated texts was out of date on the day they were signed', () => {
    const dated: Record<string, string> = {
      'lang-son-08-2024-nq-hdnd': '2024-07-23', 'son-la-2024-04-17-nq-hdnd': '2024-04-17',
      'thai-nguyen-linh-son-36-nq-hdnd-2025': '2025-12-19', 'an-giang-an-phu-47-nq-hdnd-2024': '2024-08-02',
      'hai-phong-99-nq-hdnd-2024': '2024-12-06', 'bac-giang-46-nq-hdnd-2024': '2024-07-12',
      'ninh-binh-30-2024-nq-hdnd': '2024-12-04', 'phu-tho-47-nq-hdnd-2025': '2025-10-28',
      'quang-tri-23-2025-nq-hdnd': '2025-12-11', 'ho-chi-minh-53-2025-nq-hdnd': '2025-11-14',
    };
    for (const { id, text } of raws) {
      const date = dated[id];
      if (!date) continue;
      for (const { citation } of citationsOf(text)) {
        const d = matchCitation(citation, documents)!;
        expect(supersededOn(d, date, documents).superseded, `${id}: ${d.id}`).toBe(false);
      }
    }
    // …but the 2024 bases would be out of date for a text signed today (after the reform)
    expect(on('luat-77-2015-qh13', '2025-12-19')[0]).toBe(true);
  });
});
