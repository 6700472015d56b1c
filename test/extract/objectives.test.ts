/**
 * Golden cases for numeric targets. Real text: Lạng Sơn 08/2024 Điều 3 (five clauses, each "100% …") and Hải Phòng
 * 99/2024 Điều 1 khoản 1 (points a–đ; point c holds five targets in one sentence), copied verbatim (a guard test
 * checks them against data/raw); their principles, which must give nothing; Linh Sơn and An Phú points with
 * periods ("định kỳ 06 tháng", "hằng quý") that are frequencies, not targets. Constructed sentences, marked as such,
 * cover what the seeds lack: ranges, counted units, Vietnamese decimals, deadlines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProvisionInput } from '../../src/lib/classify/measures.ts';
import { extractObjectives, normalizeFrequency, parseViDecimal } from '../../src/lib/extract/objectives.ts';
import { squash } from '../../src/lib/text/normalize.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const raw = (file: string) => squash(readFileSync(new URL(`data/raw/${file}`, ROOT_URL), 'utf8').normalize('NFC').replace(/\*+/g, ''));
const SAME = '\u0000same-as-text';
function P(id: string, parentId: string | null, heading: string | null, text: string): ProvisionInput {
  return { id, parentId, heading: heading === SAME ? text : heading, text };
}

const LANG_SON_OBJECTIVES: ProvisionInput[] = [
  P('dieu-3.khoan-1', 'dieu-3', null,
    '100% người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở; thành viên Ban Thanh tra nhân dân, thành viên Ban Giám sát đầu tư của cộng đồng được bồi dưỡng chuyên môn, nghiệp vụ về thực hiện dân chủ ở cơ sở; Trưởng thôn, Tổ trưởng tổ dân phố, Trưởng Ban công tác Mặt trận, Tổ soạn thảo hương ước, quy ước được tham gia tập huấn, bồi dưỡng nghiệp vụ về xây dựng và thực hiện hương ước, quy ước.'),
  P('dieu-3.khoan-2', 'dieu-3', null,
    '100% cơ quan, đơn vị, tổ chức, địa phương thực hiện tuyên truyền, quán triệt, phổ biến, giáo dục pháp luật, nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân trong việc thực hiện dân chủ ở cơ sở.'),
  P('dieu-3.khoan-3', 'dieu-3', null,
    '100% cơ quan, đơn vị, tổ chức, địa phương phổ biến, triển khai và tổ chức thực hiện ứng dụng công nghệ thông tin trong thực hiện dân chủ ở cơ sở, thực hiện chuyển đổi số trong phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh trên địa bàn.'),
  P('dieu-3.khoan-4', 'dieu-3', null,
    '100% cơ quan, đơn vị, tổ chức, địa phương ban hành quy chế thực hiện dân chủ ở cơ sở; thôn, tổ dân phố ban hành hương ước, quy ước của thôn, tổ dân phố; thực hiện rà soát, sửa đổi, bổ sung theo quy định tại Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022, Nghị định số 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023 của Chính phủ về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư và các quy định của pháp luật hiện hành có liên quan.'),
  P('dieu-3.khoan-5', 'dieu-3', null,
    '100% cơ quan, đơn vị, tổ chức, địa phương hỗ trợ, tạo điều kiện để Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng thực hiện đúng chức năng, nhiệm vụ và phát huy hiệu quả hoạt động tại cơ sở.'),
];
const LANG_SON_PRINCIPLES: ProvisionInput[] = [
  P('dieu-2.khoan-1', 'dieu-2', null,
    'Bảo đảm sự lãnh đạo của Đảng, sự chỉ đạo, quản lý của chính quyền; vai trò nòng cốt của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội; sự phối hợp chặt chẽ, thường xuyên, hiệu quả trong thực hiện dân chủ ở cơ sở; bảo đảm đúng các quy định của pháp luật.'),
  P('dieu-2.khoan-2', 'dieu-2', null,
    'Thực hiện dân chủ ở cơ sở trong khuôn khổ Hiến pháp và pháp luật; bảo vệ lợi ích của Nhà nước, quyền và lợi ích hợp pháp của tổ chức, cá nhân; bảo đảm công khai, minh bạch, tăng cường trách nhiệm giải trình trong quá trình thực hiện dân chủ ở cơ sở.'),
  P('dieu-2.khoan-3', 'dieu-2', null,
    'Bảo đảm quyền của công dân, cán bộ, công chức, viên chức, người lao động được biết, tham gia ý kiến, quyết định và kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở. Tôn trọng ý kiến đóng góp của Nhân dân, kịp thời giải quyết kiến nghị, phản ánh của Nhân dân.'),
  P('dieu-2.khoan-4', 'dieu-2', null,
    'Thực hiện dân chủ ở cơ sở phải thường xuyên, liên tục; nâng cao chất lượng hoạt động của các cơ quan Nhà nước, đơn vị sự nghiệp công lập, tổ chức và các xã, phường, thị trấn trên địa bàn tỉnh; nâng cao nhận thức, trách nhiệm của tập thể, cá nhân trong việc thực hiện dân chủ ở cơ sở.'),
  P('dieu-2.khoan-5', 'dieu-2', null,
    'Các biện pháp bảo đảm thực hiện dân chủ ở cơ sở phải kịp thời, nghiêm túc, phù hợp với việc thực hiện nhiệm vụ chính trị; gắn thực hiện dân chủ ở cơ sở với công tác cải cách hành chính và việc học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.'),
];
const HAI_PHONG_OBJECTIVES: ProvisionInput[] = [
  P('dieu-1.khoan-1.diem-a', 'dieu-1.khoan-1', null,
    '100% người được giao nhiệm vụ thực thi pháp luật về thực hiện dân chủ ở cơ sở được bồi dưỡng chuyên môn, nghiệp vụ về thực hiện dân chủ ở cơ sở.'),
  P('dieu-1.khoan-1.diem-b', 'dieu-1.khoan-1', null,
    '100% cơ quan, đơn vị, địa phương tổ chức tuyên truyền, quán triệt, phổ biến, giáo dục pháp luật, nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân trong việc thực hiện dân chủ ở cơ sở.'),
  P('dieu-1.khoan-1.diem-c', 'dieu-1.khoan-1', null,
    '100% Hội đồng nhân dân cấp huyện ban hành Nghị quyết quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn cấp huyện; 100% Hội đồng nhân dân cấp xã quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trong phạm vi địa bàn cấp xã; 100% cơ quan, đơn vị, địa phương ban hành Quy chế thực hiện dân chủ ở cơ sở; 100% hương ước, quy ước của thôn, tổ dân phố được rà soát, sửa đổi, bổ sung phù hợp với các quy định về thực hiện dân chủ ở cơ sở; 100% Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động theo chức năng, nhiệm vụ.'),
  P('dieu-1.khoan-1.diem-d', 'dieu-1.khoan-1', null,
    '100% cơ quan, đơn vị, địa phương triển khai ứng dụng công nghệ thông tin, thực hiện chuyển đổi số trong thực hiện dân chủ ở cơ sở.'),
  P('dieu-1.khoan-1.diem-dd', 'dieu-1.khoan-1', null,
    '100% cơ quan, đơn vị, địa phương bổ sung tiêu chí về mức độ thực hiện dân chủ ở cơ sở làm căn cứ đánh giá kết quả thực hiện nhiệm vụ; hằng năm, thực hiện biểu dương, khen thưởng các gương điển hình về thực hiện dân chủ ở cơ sở.'),
];
const HAI_PHONG_PRINCIPLES: ProvisionInput[] = [
  P('dieu-1.khoan-2.diem-a', 'dieu-1.khoan-2', null,
    'Bảo đảm sự lãnh đạo, chỉ đạo của Đảng, sự quản lý thống nhất của các cấp chính quyền, vai trò nòng cốt của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội.'),
  P('dieu-1.khoan-2.diem-b', 'dieu-1.khoan-2', null,
    'Thực hiện dân chủ ở cơ sở phải thường xuyên, liên tục; nâng cao được nhận thức, trách nhiệm của tập thể, cá nhân, phát huy sức mạnh tối đa của Nhân dân, những nhân tố mới, tích cực, điển hình ở cơ sở.'),
  P('dieu-1.khoan-2.diem-c', 'dieu-1.khoan-2', null,
    'Thực hiện dân chủ ở cơ sở phải gắn với phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”, phù hợp với nhiệm vụ chính trị tại cơ quan, đơn vị, địa phương.'),
  P('dieu-1.khoan-2.diem-d', 'dieu-1.khoan-2', null,
    'Các hành vi lợi dụng dân chủ ở cơ sở phải được xử lý nghiêm theo quy định của pháp luật.'),
  P('dieu-1.khoan-2.diem-e', 'dieu-1.khoan-2', null,
    'Thực hiện đầy đủ các nguyên tắc khác theo quy định tại Điều 3 Luật Thực hiện dân chủ ở cơ sở.'),
];
const PERIODS: ProvisionInput[] = [
  P('dieu-1.khoan-2-3.diem-d', 'dieu-1.khoan-2-3', null,
    'Cụ thể hóa phương châm "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng"; thực hiện công khai các hoạt động của cơ quan, đơn vị, địa phương, tổ chức bằng nhiều hình thức khác nhau theo đúng quy định (trừ các thông tin thuộc bí mật Nhà nước). Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động hằng năm theo đúng quy định, định kỳ 06 tháng một lần tổ chức kiểm tra, đánh giá kết quả thực hiện Nghị quyết hội nghị cán bộ, công chức, viên chức, người lao động. Thực hiện lấy ý kiến tham gia vào các nội quy, quy chế hoạt động của cơ quan, đơn vị, địa phương, doanh nghiệp, tổ chức. Tổ chức lấy ý kiến tham gia của Nhân dân vào các quy ước, hương ước của cộng đồng dân cư và các nội dung do nhân dân bàn và quyết định. Bảo đảm các điều kiện để cán bộ, công chức, viên chức, người lao động và Nhân dân được kiểm tra, giám sát việc tổ chức thực hiện các nội dung đã bàn, quyết định theo quy định tại Luật Thực hiện dân chủ ở cơ sở và pháp luật khác có liên quan.'),
];
const PERIODS2: ProvisionInput[] = [
  P('dieu-1.khoan-3.diem-b', 'dieu-1.khoan-3', null,
    'Thực hiện nghiêm Luật Tiếp công dân; quy định về việc dự sinh hoạt chi bộ của các đồng chí Ủy viên Ban Thường vụ Huyện ủy và cấp ủy viên cấp huyện, cấp xã; định kỳ (hằng quý, tháng) bí thư cấp ủy cấp trên giao ban đối thoại, làm việc với bí thư cấp ủy cấp dưới, đại diện chính quyền, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội; tăng cường đối thoại, trao đổi thông tin hai chiều trong hệ thống chính trị với người dân, doanh nghiệp; quan tâm giải quyết hiệu quả đơn thư, khiếu nại, tố cáo của công dân từ cơ sở; hướng dẫn công dân chấp hành tốt các quy định pháp luật về khiếu nại, tố cáo;'),
];

const pick = (o: ReturnType<typeof extractObjectives>[number]) => ({ value: o.value, unit: o.unit, subject: o.subject, action: o.action });

describe('inputs', () => {
  it('are verbatim in their sources', () => {
    const cases: [string, ProvisionInput[]][] = [
      ['lang-son-08-2024-nq-hdnd.txt', [...LANG_SON_OBJECTIVES, ...LANG_SON_PRINCIPLES]],
      ['hai-phong-99-nq-hdnd-2024.txt', [...HAI_PHONG_OBJECTIVES, ...HAI_PHONG_PRINCIPLES]],
      ['thai-nguyen-linh-son-36-nq-hdnd-2025.txt', PERIODS],
      ['an-giang-an-phu-47-nq-hdnd-2024.txt', PERIODS2],
    ];
    for (const [file, ps] of cases) for (const p of ps) expect(raw(file), p.id).toContain(squash(p.text));
  });
});

describe('Lạng Sơn Điều 3: five clauses, each one 100% target', () => {
  const all = LANG_SON_OBJECTIVES.map((p) => extractObjectives(p));

  it('finds exactly one target per clause, 100 %, no deadline, no frequency, no range', () => {
    expect(all.map((os) => os.length)).toEqual([1, 1, 1, 1, 1]);
    for (const [o] of all) expect(o).toMatchObject({ value: 100, value_max: null, unit: '%', deadline: null, frequency: null });
    expect(all.map(([o]) => o?.provision)).toEqual(['dieu-3.khoan-1', 'dieu-3.khoan-2', 'dieu-3.khoan-3', 'dieu-3.khoan-4', 'dieu-3.khoan-5']);
  });

  it('reads subject and action', () => {
    expect(all.map(([o]) => o && pick(o))).toEqual([
      // The verb comes after the listed trainees: "100% A; B được bồi dưỡng …".
      { value: 100, unit: '%', subject: 'người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở; thành viên Ban Thanh tra nhân dân, thành viên Ban Giám sát đầu tư của cộng đồng', action: 'được bồi dưỡng chuyên môn, nghiệp vụ về thực hiện dân chủ ở cơ sở' },
      { value: 100, unit: '%', subject: 'cơ quan, đơn vị, tổ chức, địa phương', action: 'thực hiện tuyên truyền, quán triệt, phổ biến, giáo dục pháp luật, nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân trong việc thực hiện dân chủ ở cơ sở' },
      { value: 100, unit: '%', subject: 'cơ quan, đơn vị, tổ chức, địa phương', action: 'phổ biến, triển khai và tổ chức thực hiện ứng dụng công nghệ thông tin trong thực hiện dân chủ ở cơ sở, thực hiện chuyển đổi số trong phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh trên địa bàn' },
      { value: 100, unit: '%', subject: 'cơ quan, đơn vị, tổ chức, địa phương', action: 'ban hành quy chế thực hiện dân chủ ở cơ sở' },
      { value: 100, unit: '%', subject: 'cơ quan, đơn vị, tổ chức, địa phương', action: 'hỗ trợ, tạo điều kiện để Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng thực hiện đúng chức năng, nhiệm vụ và phát huy hiệu quả hoạt động tại cơ sở' },
    ]);
  });

  it('keeps the number-less parts that continue a target in its text, and reads no date in them as a deadline', () => {
    const [o] = all[3] ?? [];
    expect(o?.text.startsWith('100% cơ quan, đơn vị, tổ chức, địa phương ban hành quy chế thực hiện dân chủ ở cơ sở; thôn, tổ dân phố ban hành hương ước')).toBe(true);
    expect(o?.text).toContain('Nghị định số 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023');
    expect(o?.deadline).toBeNull();
  });
});

describe('Hải Phòng Điều 1 khoản 1: points a–đ', () => {
  const all = HAI_PHONG_OBJECTIVES.map((p) => extractObjectives(p));

  it('finds one target in a, b, d, đ and five in c (one per "100%" part of the sentence)', () => {
    expect(all.map((os) => os.length)).toEqual([1, 1, 5, 1, 1]);
    expect(all.flat().every((o) => o.value === 100 && o.unit === '%')).toBe(true);
  });

  it('reads subjects and actions, with "tổ chức" as a verb after a subject and "được giao" as part of one', () => {
    expect(all.flat().map((o) => [o.subject, o.action])).toEqual([
      ['người được giao nhiệm vụ thực thi pháp luật về thực hiện dân chủ ở cơ sở', 'được bồi dưỡng chuyên môn, nghiệp vụ về thực hiện dân chủ ở cơ sở'],
      ['cơ quan, đơn vị, địa phương', 'tổ chức tuyên truyền, quán triệt, phổ biến, giáo dục pháp luật, nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân trong việc thực hiện dân chủ ở cơ sở'],
      ['Hội đồng nhân dân cấp huyện', 'ban hành Nghị quyết quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn cấp huyện'],
      ['Hội đồng nhân dân cấp xã', 'quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trong phạm vi địa bàn cấp xã'],
      ['cơ quan, đơn vị, địa phương', 'ban hành Quy chế thực hiện dân chủ ở cơ sở'],
      ['hương ước, quy ước của thôn, tổ dân phố', 'được rà soát, sửa đổi, bổ sung phù hợp với các quy định về thực hiện dân chủ ở cơ sở'],
      ['Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng', 'hoạt động theo chức năng, nhiệm vụ'],
      ['cơ quan, đơn vị, địa phương', 'triển khai ứng dụng công nghệ thông tin, thực hiện chuyển đổi số trong thực hiện dân chủ ở cơ sở'],
      ['cơ quan, đơn vị, địa phương', 'bổ sung tiêu chí về mức độ thực hiện dân chủ ở cơ sở làm căn cứ đánh giá kết quả thực hiện nhiệm vụ'],
    ]);
  });

  it('gives each target of point c its own part as text', () => {
    expect(all[2]?.map((o) => o.text)).toEqual([
      '100% Hội đồng nhân dân cấp huyện ban hành Nghị quyết quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn cấp huyện',
      '100% Hội đồng nhân dân cấp xã quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trong phạm vi địa bàn cấp xã',
      '100% cơ quan, đơn vị, địa phương ban hành Quy chế thực hiện dân chủ ở cơ sở',
      '100% hương ước, quy ước của thôn, tổ dân phố được rà soát, sửa đổi, bổ sung phù hợp với các quy định về thực hiện dân chủ ở cơ sở',
      '100% Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động theo chức năng, nhiệm vụ',
    ]);
  });

  it('reads the frequency of a target from its own part only (đ: "hằng năm" belongs to the rewards that follow)', () => {
    const [o] = all[4] ?? [];
    expect(o?.frequency).toBeNull();
    expect(o?.text).toContain('hằng năm, thực hiện biểu dương, khen thưởng');
  });
});

describe('what is not an objective', () => {
  it('principles have no number, so no objective', () => {
    for (const p of [...LANG_SON_PRINCIPLES, ...HAI_PHONG_PRINCIPLES]) expect(extractObjectives(p), p.id).toEqual([]);
  });

  it('a period ("định kỳ 06 tháng một lần", "Điều 3", a date) is not a target', () => {
    expect(extractObjectives(PERIODS[0] as ProvisionInput)).toEqual([]);
    expect(extractObjectives(PERIODS2[0] as ProvisionInput)).toEqual([]);
  });
});

describe('frequency, numbers and deadlines', () => {
  it('normalises frequencies from real text', () => {
    const linhSon = (PERIODS[0] as ProvisionInput).text;
    expect(normalizeFrequency(linhSon.slice(linhSon.indexOf('định kỳ 06 tháng')))).toBe('6-monthly');
    // The earliest frequency wins: "Tổ chức hội nghị … hằng năm …, định kỳ 06 tháng một lần …".
    expect(normalizeFrequency(linhSon.slice(linhSon.indexOf('Tổ chức hội nghị')))).toBe('annual');
    const anPhu = (PERIODS2[0] as ProvisionInput).text;
    expect(normalizeFrequency(anPhu.slice(anPhu.indexOf('định kỳ')))).toBe('quarterly');
    expect(normalizeFrequency('Hàng năm, xem xét mức độ thực hiện dân chủ ở cơ sở')).toBe('annual');
    expect(normalizeFrequency('Hằng năm, các cơ quan, đơn vị, địa phương tổ chức biểu dương')).toBe('annual');
    expect(normalizeFrequency('định kỳ 03 tháng')).toBe('quarterly');
    expect(normalizeFrequency('tổ chức 02 lần/năm')).toBe('annual');
    expect(normalizeFrequency('tổ chức hội nghị')).toBeNull();
  });

  it('parses Vietnamese decimals', () => {
    expect(parseViDecimal('1.234,5')).toBe(1234.5);
    expect(parseViDecimal('98,5')).toBe(98.5);
    expect(parseViDecimal('01')).toBe(1);
    expect(parseViDecimal('1.500')).toBe(1500);
    expect(parseViDecimal('abc')).toBeNull();
  });

  // Constructed sentences (the seeds have no ranges, counts or deadlines), in the drafting style of the seeds.
  it('reads a range of counted units as value and value_max, with its frequency (constructed)', () => {
    const [o, ...rest] = extractObjectives(P('t', null, null, 'Hàng năm tổ chức từ 01 đến 02 lớp bồi dưỡng cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở.'));
    expect(rest).toEqual([]);
    expect(o).toMatchObject({ value: 1, value_max: 2, unit: 'lớp', subject: null, frequency: 'annual', deadline: null });
    expect(o?.action).toBe('tổ chức từ 01 đến 02 lớp bồi dưỡng cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở');
  });

  it('reads a deadline year and a decimal percentage (constructed)', () => {
    const [o] = extractObjectives(P('t', null, null, 'Đến năm 2025, 98,5% thôn, tổ dân phố ban hành hương ước, quy ước.'));
    expect(o).toMatchObject({ value: 98.5, unit: '%', subject: 'thôn, tổ dân phố', action: 'ban hành hương ước, quy ước', deadline: '2025' });
  });

  it('reads a deadline date and a count with "ít nhất" (constructed)', () => {
    const [o] = extractObjectives(P('t', null, null, 'Trước ngày 31 tháng 12 năm 2025, mỗi xã tổ chức ít nhất 01 hội nghị đối thoại với Nhân dân.'));
    expect(o).toMatchObject({ value: 1, value_max: null, unit: 'hội nghị', subject: 'mỗi xã', deadline: '2025-12-31' });
  });

  it('reads the same from NFD input', () => {
    for (const p of [...LANG_SON_OBJECTIVES, ...HAI_PHONG_OBJECTIVES]) {
      expect(extractObjectives({ ...p, text: p.text.normalize('NFD') }), p.id).toEqual(extractObjectives(p));
    }
  });
});
