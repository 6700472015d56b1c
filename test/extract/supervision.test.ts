/**
 * Golden cases for implementation and supervision: every seed's implementation article (Lạng Sơn Điều 6, Sơn La
 * Điều 3, Hải Phòng Điều 4, An Phú Điều 3, Linh Sơn Điều 3), verbatim from data/raw (a guard test checks them), and
 * measures points that say "giám sát" or "Nghị quyết" in passing, which are not supervision clauses. Sơn La's
 * second line is OCR-damaged ("Thường trực UBND, các Ban của UBND, các Tổ đại biểu UBND" for HĐND): the function
 * reads text literally, so the literal line is tested as such and the corrected line (as the corrections layer will
 * give it) is tested for the real actors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProvisionInput } from '../../src/lib/classify/measures.ts';
import { extractSupervision, isImplementationProvision, type SupervisionMention } from '../../src/lib/extract/supervision.ts';
import { squash } from '../../src/lib/text/normalize.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const raw = (file: string) => squash(readFileSync(new URL(`data/raw/${file}`, ROOT_URL), 'utf8').normalize('NFC').replace(/\*+/g, ''));
const SAME = '\u0000same-as-text';
function P(id: string, parentId: string | null, heading: string | null, text: string): ProvisionInput {
  return { id, parentId, heading: heading === SAME ? text : heading, text };
}

const LANG_SON: ProvisionInput[] = [
  P('dieu-6', null, SAME,
    'Tổ chức thực hiện'),
  P('dieu-6.khoan-1', 'dieu-6', null,
    'Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết, báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện theo quy định.'),
  P('dieu-6.khoan-2', 'dieu-6', null,
    'Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.'),
  P('dieu-4.khoan-3.diem-a', 'dieu-4.khoan-3', null,
    'Người đứng đầu cơ quan, đơn vị, tổ chức phải công khai, minh bạch, giải quyết những vấn đề cán bộ, công chức, viên chức, người lao động và Nhân dân quan tâm kiến nghị, phản ánh chính đáng trong phạm vi lãnh đạo, quản lý; phải có trách nhiệm tổ chức để cán bộ, công chức, viên chức, người lao động và Nhân dân bàn, tham gia ý kiến, đồng thời kiểm tra, giám sát việc thực hiện;'),
];
const SON_LA: ProvisionInput[] = [
  P('dieu-3', null, 'Tổ chức thực hiện',
    'Tổ chức thực hiện\n- Üy ban nhân dân tỉnh tổ chức triển khai, thực hiện Nghị quyết.\n- Thường trực UBND, các Ban của UBND, các Tổ đại biểu UBND và đại biểu HĐND tỉnh giám sát việc thực hiện Nghị quyết.'),
];
const HAI_PHONG: ProvisionInput[] = [
  P('dieu-4', null, SAME,
    'Tổ chức thực hiện'),
  P('dieu-4.khoan-1', 'dieu-4', null,
    'Ủy ban nhân dân thành phố thực hiện Nghị quyết bảo đảm đúng các quy định của pháp luật.'),
  P('dieu-4.khoan-2', 'dieu-4', null,
    'Thường trực Hội đồng nhân dân thành phố, các Ban của Hội đồng nhân dân thành phố, Tổ đại biểu và đại biểu Hội đồng nhân dân thành phố giám sát, kiểm tra, đôn đốc việc thực hiện Nghị quyết này.'),
];
const AN_PHU: ProvisionInput[] = [
  P('dieu-3', null, 'Giao Ủy ban nhân dân huyện tổ chức triển khai, thực hiện Nghị quyết này.',
    'Giao Ủy ban nhân dân huyện tổ chức triển khai, thực hiện Nghị quyết này.\nThường trực Hội đồng nhân dân huyện, các Ban của Hội đồng nhân dân huyện, các Tổ đại biểu và các đại biểu Hội đồng nhân dân huyện giám sát việc thực hiện Nghị quyết này.'),
];
const LINH_SON: ProvisionInput[] = [
  P('dieu-3', null, SAME,
    'Tổ chức thực hiện'),
  P('dieu-3.khoan-1', 'dieu-3', null,
    'Giao UBND phường chỉ đạo, tổ chức triển khai thực hiện Nghị quyết theo đúng quy định pháp luật.'),
  P('dieu-3.khoan-2', 'dieu-3', null,
    'Giao Thường trực HĐND phường; hai Ban của HĐND phường, các Tổ đại biểu HĐND phường và đại biểu HĐND phường Linh Sơn giám sát việc thực hiện Nghị quyết.'),
  P('dieu-3.khoan-3', 'dieu-3', null,
    'Đề nghị Ủy ban MTTQ Việt Nam phường Linh Sơn và các tổ chức chính trị - xã hội của phường phối hợp tham gia giám sát việc tổ chức triển khai, thực hiện.'),
  P('dieu-1.khoan-2-6.diem-a', 'dieu-1.khoan-2-6', null,
    'Hằng năm, UBND phường xây dựng kế hoạch tự kiểm tra việc thực hiện dân chủ ở cơ sở theo quy định; các cơ quan, đơn vị, địa phương, tổ chức có sử dụng lao động chủ động thực hiện công tác tự kiểm tra thực hiện dân chủ ở cơ sở. HĐND, Ủy ban Mặt trận Tổ quốc phường giám sát việc thực hiện dân chủ ở cơ sở theo chức năng, nhiệm vụ, thẩm quyền. Tăng cường công tác kiểm tra, giám sát việc triển khai thực hiện các chính sách liên quan trực tiếp đến người dân, những lĩnh vực dễ phát sinh tiêu cực, việc thực hiện công khai, minh bạch các nội dung theo quy định của pháp luật, kịp thời phát hiện và xử lý nghiêm cơ quan, đơn vị, địa phương, tổ chức có sử dụng lao động, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở.'),
  P('dieu-1.khoan-2-3.diem-d', 'dieu-1.khoan-2-3', null,
    'Cụ thể hóa phương châm "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng"; thực hiện công khai các hoạt động của cơ quan, đơn vị, địa phương, tổ chức bằng nhiều hình thức khác nhau theo đúng quy định (trừ các thông tin thuộc bí mật Nhà nước). Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động hằng năm theo đúng quy định, định kỳ 06 tháng một lần tổ chức kiểm tra, đánh giá kết quả thực hiện Nghị quyết hội nghị cán bộ, công chức, viên chức, người lao động. Thực hiện lấy ý kiến tham gia vào các nội quy, quy chế hoạt động của cơ quan, đơn vị, địa phương, doanh nghiệp, tổ chức. Tổ chức lấy ý kiến tham gia của Nhân dân vào các quy ước, hương ước của cộng đồng dân cư và các nội dung do nhân dân bàn và quyết định. Bảo đảm các điều kiện để cán bộ, công chức, viên chức, người lao động và Nhân dân được kiểm tra, giám sát việc tổ chức thực hiện các nội dung đã bàn, quyết định theo quy định tại Luật Thực hiện dân chủ ở cơ sở và pháp luật khác có liên quan.'),
];

const pairs = (ms: SupervisionMention[]) => ms.map((m) => `${m.actor}:${m.role}`);
const get = (ps: ProvisionInput[], id: string) => ps.find((p) => p.id === id) as ProvisionInput;

/** Sơn La Điều 3 as the corrections layer will give it: "UBND" → "HĐND" in the second line only. */
const SON_LA_CORRECTED: ProvisionInput = (() => {
  const p = get(SON_LA, 'dieu-3');
  const [head, first, second] = p.text.split('\n');
  return { ...p, text: [head, first, (second ?? '').replace(/UBND/g, 'HĐND')].join('\n') };
})();

describe('inputs', () => {
  it('are verbatim in their sources', () => {
    const cases: [string, ProvisionInput[]][] = [
      ['lang-son-08-2024-nq-hdnd.txt', LANG_SON],
      ['son-la-2024-04-17-nq-hdnd.txt', SON_LA],
      ['hai-phong-99-nq-hdnd-2024.txt', HAI_PHONG],
      ['an-giang-an-phu-47-nq-hdnd-2024.txt', AN_PHU],
      ['thai-nguyen-linh-son-36-nq-hdnd-2025.txt', LINH_SON],
    ];
    for (const [file, ps] of cases) for (const p of ps) expect(raw(file), p.id).toContain(squash(p.text));
    expect(SON_LA_CORRECTED.text).toContain('- Thường trực HĐND, các Ban của HĐND, các Tổ đại biểu HĐND và đại biểu HĐND tỉnh giám sát');
  });
});

describe('isImplementationProvision', () => {
  it('accepts implementation articles and clauses: by heading, by "Giao"/"Đề nghị", by a body implementing "Nghị quyết"', () => {
    for (const p of [...LANG_SON.slice(0, 3), ...SON_LA, ...HAI_PHONG, ...AN_PHU, ...LINH_SON.slice(0, 4)]) {
      expect(isImplementationProvision(p), p.id).toBe(true);
    }
  });

  it('rejects measures points that mention supervision or a "Nghị quyết hội nghị" in passing', () => {
    for (const p of [get(LANG_SON, 'dieu-4.khoan-3.diem-a'), get(LINH_SON, 'dieu-1.khoan-2-6.diem-a'), get(LINH_SON, 'dieu-1.khoan-2-3.diem-d')]) {
      expect(isImplementationProvision(p), p.id).toBe(false);
      expect(extractSupervision(p), p.id).toEqual([]);
    }
  });

  it('rejects the adoption sentence, which names the council and the resolution but assigns nothing', () => {
    const closing = P('x', null, null, 'Nghị quyết này đã được Hội đồng nhân dân tỉnh Lạng Sơn khóa XVII, kỳ họp thứ hai mươi bảy thông qua ngày 23 tháng 7 năm 2024 và có hiệu lực từ ngày 05 tháng 8 năm 2024./.');
    expect(raw('lang-son-08-2024-nq-hdnd.txt')).toContain(closing.text);
    expect(isImplementationProvision(closing)).toBe(false);
  });
});

describe('who implements, supervises, reports', () => {
  it('Lạng Sơn 6.1: the People\'s Committee implements and reports (the council after "báo cáo" is not an actor)', () => {
    const ms = extractSupervision(get(LANG_SON, 'dieu-6.khoan-1'));
    expect(pairs(ms)).toEqual(['people_committee:implements', 'people_committee:reports']);
    expect(ms[0]?.text).toBe('Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết, báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện theo quy định');
    expect(ms.every((m) => m.provision === 'dieu-6.khoan-1')).toBe(true);
  });

  it('Lạng Sơn 6.2: standing committee, committees, delegate groups and delegates supervise', () => {
    expect(pairs(extractSupervision(get(LANG_SON, 'dieu-6.khoan-2')))).toEqual([
      'standing_committee:supervises', 'committees:supervises', 'delegate_groups:supervises', 'delegates:supervises',
    ]);
  });

  it('an article heading alone ("Tổ chức thực hiện") names no actor', () => {
    expect(extractSupervision(get(LANG_SON, 'dieu-6'))).toEqual([]);
  });

  it('Sơn La Điều 3, corrected text: the committee ("Üy ban", OCR) implements; the council\'s bodies supervise', () => {
    expect(pairs(extractSupervision(SON_LA_CORRECTED))).toEqual([
      'people_committee:implements',
      'standing_committee:supervises', 'committees:supervises', 'delegate_groups:supervises', 'delegates:supervises',
    ]);
  });

  it('Sơn La Điều 3, literal OCR text: "Thường trực UBND" etc. read as "other", never as the People\'s Committee', () => {
    const ms = extractSupervision(get(SON_LA, 'dieu-3'));
    expect(pairs(ms)).toEqual(['people_committee:implements', 'other:supervises', 'delegates:supervises']);
    expect(ms[1]?.text).toBe('Thường trực UBND, các Ban của UBND, các Tổ đại biểu UBND và đại biểu HĐND tỉnh giám sát việc thực hiện Nghị quyết');
  });

  it('Hải Phòng Điều 4: the committee implements; "giám sát, kiểm tra, đôn đốc" is one supervising role', () => {
    expect(pairs(extractSupervision(get(HAI_PHONG, 'dieu-4.khoan-1')))).toEqual(['people_committee:implements']);
    expect(pairs(extractSupervision(get(HAI_PHONG, 'dieu-4.khoan-2')))).toEqual([
      'standing_committee:supervises', 'committees:supervises', 'delegate_groups:supervises', 'delegates:supervises',
    ]);
  });

  it('An Phú Điều 3: two paragraphs in one article', () => {
    expect(pairs(extractSupervision(get(AN_PHU, 'dieu-3')))).toEqual([
      'people_committee:implements',
      'standing_committee:supervises', 'committees:supervises', 'delegate_groups:supervises', 'delegates:supervises',
    ]);
  });

  it('Linh Sơn Điều 3: abbreviations (UBND, HĐND, MTTQ), "hai Ban", and the Front asked to supervise', () => {
    expect(pairs(extractSupervision(get(LINH_SON, 'dieu-3.khoan-1')))).toEqual(['people_committee:implements']);
    expect(pairs(extractSupervision(get(LINH_SON, 'dieu-3.khoan-2')))).toEqual([
      'standing_committee:supervises', 'committees:supervises', 'delegate_groups:supervises', 'delegates:supervises',
    ]);
    // "giám sát việc tổ chức triển khai, thực hiện": the verbs after "việc" are what is supervised, not a role.
    expect(pairs(extractSupervision(get(LINH_SON, 'dieu-3.khoan-3')))).toEqual(['fatherland_front:supervises', 'socio_political_orgs:supervises']);
  });

  it('reads "TT HĐND" and reads the same from NFD input', () => {
    const p = P('x', null, null, 'Giao TT HĐND, các Ban HĐND, các Tổ đại biểu và đại biểu HĐND tỉnh giám sát việc thực hiện Nghị quyết.');
    expect(pairs(extractSupervision(p))).toEqual(['standing_committee:supervises', 'committees:supervises', 'delegate_groups:supervises', 'delegates:supervises']);
    for (const q of [...LANG_SON, ...HAI_PHONG, ...AN_PHU, ...LINH_SON, SON_LA_CORRECTED]) {
      expect(extractSupervision({ ...q, text: q.text.normalize('NFD') }), q.id).toEqual(extractSupervision(q));
    }
  });
});
