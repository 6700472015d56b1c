/**
 * Golden cases for funding sources: every seed's funding article (Lạng Sơn Điều 5, Sơn La Điều 2, An Phú Điều 2,
 * Hải Phòng Điều 3, Linh Sơn Điều 2), Hải Phòng's support for the two boards inside its measures (Điều 2.3.b, 2.4),
 * the law's own board-funding clause (Điều 40.2.e), and what is not a source (a legal basis citing the State Budget
 * Law; a target to "support" the boards without money). Inputs are verbatim (a guard test checks them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProvisionInput } from '../../src/lib/classify/measures.ts';
import { extractFunding, type FundingMention } from '../../src/lib/extract/funding.ts';
import { squash } from '../../src/lib/text/normalize.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const read = (path: string) => squash(readFileSync(new URL(`${path}`, ROOT_URL), 'utf8').normalize('NFC').replace(/\*+/g, ''));
const SAME = '\u0000same-as-text';
function P(id: string, parentId: string | null, heading: string | null, text: string): ProvisionInput {
  return { id, parentId, heading: heading === SAME ? text : heading, text };
}

const LANG_SON: ProvisionInput[] = [
  P('dieu-5', null, 'Kinh phí thực hiện',
    'Kinh phí thực hiện\nKinh phí bảo đảm để triển khai thực hiện Nghị quyết được bố trí từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị, tổ chức, địa phương và các nguồn lực hợp pháp khác theo quy định của pháp luật.'),
  P('dieu-3.khoan-5', 'dieu-3', null,
    '100% cơ quan, đơn vị, tổ chức, địa phương hỗ trợ, tạo điều kiện để Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng thực hiện đúng chức năng, nhiệm vụ và phát huy hiệu quả hoạt động tại cơ sở.'),
];
const SON_LA: ProvisionInput[] = [
  P('dieu-2', null, 'Nguồn kinh phí thực hiện',
    'Nguồn kinh phí thực hiện\nKinh phí triển khai thực hiện Nghị quyết được bố trí từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành, trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị, địa phương và các nguồn lực hợp pháp khác theo quy định của pháp luật.'),
];
const AN_PHU: ProvisionInput[] = [
  P('dieu-2.khoan-1', 'dieu-2', null,
    'Kinh phí bảo đảm để triển khai thực hiện Nghị quyết được bố trí từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị, địa phương.'),
  P('dieu-2.khoan-2', 'dieu-2', null,
    'Thực hiện xã hội hóa và vận động các nguồn lực hợp pháp để phục vụ cho công tác thực hiện dân chủ ở cơ sở theo quy định.'),
];
const HAI_PHONG: ProvisionInput[] = [
  P('dieu-3.khoan-1', 'dieu-3', null,
    'Ngân sách nhà nước.'),
  P('dieu-3.khoan-2', 'dieu-3', null,
    'Các cơ quan, đơn vị, địa phương có thể vận động các nguồn kinh phí hợp pháp khác để bảo đảm triển khai thực hiện dân chủ ở cơ sở theo quy định của pháp luật.'),
  P('dieu-2.khoan-3.diem-b', 'dieu-2.khoan-3', null,
    'Bố trí địa điểm, bảo đảm điều kiện làm việc, kinh phí hỗ trợ cho hoạt động Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng theo quy định.'),
  P('dieu-2.khoan-4', 'dieu-2', null,
    'Nghiên cứu, đề xuất sửa đổi, bổ sung hoặc ban hành mới các quy định (nếu có) về mức chi thực hiện hoạt động giám sát, phản biện xã hội của Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội; kinh phí hỗ trợ nhằm đảm bảo hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng.'),
];
const LINH_SON: ProvisionInput[] = [
  P('dieu-2', null, 'Nguồn kinh phí thực hiện',
    'Nguồn kinh phí thực hiện\nKinh phí đảm bảo để triển khai thực hiện Nghị quyết được bố trí từ ngân sách Nhà nước theo phân cấp ngân sách Nhà nước hiện hành và từ các nguồn xã hội hóa, các nguồn lực hợp pháp khác theo quy định của pháp luật.'),
];

const LAW_40_2_E = P('dieu-40.khoan-2.diem-e', 'dieu-40.khoan-2', null,
  'Hỗ trợ kinh phí hoạt động cho Ban Thanh tra nhân dân. Kinh phí hỗ trợ cho hoạt động của Ban Thanh tra nhân dân được sử dụng từ nguồn ngân sách nhà nước theo dự toán, kế hoạch hằng năm của Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã, do ngân sách nhà nước cấp xã bảo đảm.');
const HCM_BASIS = P('can-cu-5', null, null, 'Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13;');

const get = (ps: ProvisionInput[], id: string) => extractFunding(ps.find((p) => p.id === id) as ProvisionInput);
const brief = (ms: FundingMention[]) => ms.map((m) => [m.source, m.budget_decentralisation, m.regular_spending]);

describe('inputs', () => {
  it('are verbatim in their sources', () => {
    const cases: [string, ProvisionInput[]][] = [
      ['data/raw/lang-son-08-2024-nq-hdnd.txt', LANG_SON],
      ['data/raw/son-la-2024-04-17-nq-hdnd.txt', SON_LA],
      ['data/raw/an-giang-an-phu-47-nq-hdnd-2024.txt', AN_PHU],
      ['data/raw/hai-phong-99-nq-hdnd-2024.txt', HAI_PHONG],
      ['data/raw/thai-nguyen-linh-son-36-nq-hdnd-2025.txt', LINH_SON],
      ['data/reference/law/luat-10-2022-QH15_ban-thanh-tra-nhan-dan_ban-giam-sat-dau-tu.md', [LAW_40_2_E]],
      ['data/raw/ho-chi-minh-53-2025-nq-hdnd.md', [HCM_BASIS]],
    ];
    for (const [file, ps] of cases) for (const p of ps) expect(read(file), p.id).toContain(squash(p.text));
  });
});

describe('funding articles', () => {
  it('Lạng Sơn Điều 5: state budget by decentralisation in regular spending, and other lawful sources', () => {
    const ms = get(LANG_SON, 'dieu-5');
    expect(brief(ms)).toEqual([['state_budget', true, true], ['other_lawful', null, null]]);
    expect(ms.map((m) => m.text)).toEqual([
      'từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị, tổ chức, địa phương',
      'các nguồn lực hợp pháp khác theo quy định của pháp luật',
    ]);
    expect(ms.every((m) => m.provision === 'dieu-5')).toBe(true);
  });

  it('Sơn La Điều 2: the same two sources (its clause keeps the comma before "trong dự toán")', () => {
    const ms = get(SON_LA, 'dieu-2');
    expect(brief(ms)).toEqual([['state_budget', true, true], ['other_lawful', null, null]]);
    expect(ms[0]?.text).toContain('hiện hành, trong dự toán chi thường xuyên');
  });

  it('An Phú Điều 2: clause 1 the state budget; clause 2 socialised funding and other lawful sources', () => {
    expect(brief(get(AN_PHU, 'dieu-2.khoan-1'))).toEqual([['state_budget', true, true]]);
    const two = get(AN_PHU, 'dieu-2.khoan-2');
    expect(brief(two)).toEqual([['socialized', null, null], ['other_lawful', null, null]]);
    expect(two.map((m) => m.text)).toEqual([
      'Thực hiện xã hội hóa',
      'vận động các nguồn lực hợp pháp để phục vụ cho công tác thực hiện dân chủ ở cơ sở theo quy định',
    ]);
  });

  it('Hải Phòng Điều 3: "Ngân sách nhà nước." alone says nothing of decentralisation; clause 2 other lawful sources', () => {
    expect(get(HAI_PHONG, 'dieu-3.khoan-1')).toEqual([
      { provision: 'dieu-3.khoan-1', source: 'state_budget', budget_decentralisation: null, regular_spending: null, text: 'Ngân sách nhà nước' },
    ]);
    const two = get(HAI_PHONG, 'dieu-3.khoan-2');
    expect(brief(two)).toEqual([['other_lawful', null, null]]);
    expect(two[0]?.text.startsWith('vận động các nguồn kinh phí hợp pháp khác')).toBe(true);
  });

  it('Linh Sơn Điều 2: state budget by decentralisation (regular spending not said), socialised, other lawful', () => {
    const ms = get(LINH_SON, 'dieu-2');
    expect(brief(ms)).toEqual([['state_budget', true, null], ['socialized', null, null], ['other_lawful', null, null]]);
    // "ngân sách Nhà nước" twice in one clause is one source.
    expect(ms.map((m) => m.text)).toEqual([
      'ngân sách Nhà nước theo phân cấp ngân sách Nhà nước hiện hành',
      'các nguồn xã hội hóa',
      'các nguồn lực hợp pháp khác theo quy định của pháp luật',
    ]);
  });
});

describe('support for the two boards', () => {
  it('Hải Phòng 2.3.b and 2.4 → board_support naming both boards', () => {
    const b = get(HAI_PHONG, 'dieu-2.khoan-3.diem-b');
    expect(b).toEqual([{
      provision: 'dieu-2.khoan-3.diem-b', source: 'board_support', budget_decentralisation: null, regular_spending: null,
      text: 'kinh phí hỗ trợ cho hoạt động Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng theo quy định',
    }]);
    const four = get(HAI_PHONG, 'dieu-2.khoan-4');
    expect(brief(four)).toEqual([['board_support', null, null]]);
    expect(four[0]?.text).toBe('kinh phí hỗ trợ nhằm đảm bảo hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng');
  });

  it('the law\'s Điều 40.2.e → board support (once per provision, from its first sentence) and the state budget', () => {
    const ms = extractFunding(LAW_40_2_E);
    expect(brief(ms)).toEqual([['board_support', null, null], ['state_budget', null, null]]);
    expect(ms.map((m) => m.text)).toEqual([
      'Hỗ trợ kinh phí hoạt động cho Ban Thanh tra nhân dân',
      'từ nguồn ngân sách nhà nước theo dự toán, kế hoạch hằng năm của Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã, do ngân sách nhà nước cấp xã bảo đảm',
    ]);
  });
});

describe('what is not a source', () => {
  it('a legal basis citing the State Budget Law, a target to support the boards without money, a heading', () => {
    expect(extractFunding(HCM_BASIS)).toEqual([]);
    expect(get(LANG_SON, 'dieu-3.khoan-5')).toEqual([]);
    expect(extractFunding(P('dieu-5', null, 'Kinh phí thực hiện', 'Kinh phí thực hiện'))).toEqual([]);
  });

  it('reads the same from NFD input', () => {
    for (const p of [...LANG_SON, ...SON_LA, ...AN_PHU, ...HAI_PHONG, ...LINH_SON]) {
      expect(extractFunding({ ...p, text: p.text.normalize('NFD') }), p.id).toEqual(extractFunding(p));
    }
  });
});
