/**
 * The printed form of a synthetic resolution (synth.ts chooses what goes in it): drawn metadata and body parts →
 * text in the skeleton every council uses, mark line first, then header (council, number, national motto, place and
 * date, title, council with term and session), legal bases of the date, submission, "QUYẾT NGHỊ:", articles (scope
 * and subjects; optional principles and objectives; the measures; funding; implementation and supervision), the
 * closing sentence with adoption and entry into force, recipients and signature. Paragraphs are separated by blank
 * lines so the parser never has to guess where one ends. Pure: values in, string out.
 */
/** Slots for a seed's place names: unit word + name of its area, the bare name, the same for its province, the unit word alone. */
export const SLOT = { unitName: '\u0001', name: '\u0002', unitProvince: '\u0003', province: '\u0004', unitWord: '\u0005' } as const;

export const MEASURES_HEADING = 'Các biện pháp bảo đảm thực hiện dân chủ ở cơ sở';

export interface SynthMeta {
  level: 'province' | 'district' | 'commune';
  unitType: string;
  name: string;
  province: string;
  provinceType: string;
  signed: string;
  adopted: string;
  number: string;
  effectiveRule: 'date' | 'on_adoption' | 'on_signing' | null;
  effective: string | null;
  term: string;
  session: number;
  thematic: boolean;
  signer: string;
  /** Signed by a vice-chair on the chair's behalf (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH). */
  deputy: boolean;
  submission: number;
}

export interface SynthBody {
  subjects: string[];
  principles: string[];
  objectives: string[];
  measures: { text: string; points: string[]; codes: string[] }[];
  funding: string[];
  /** Ask the Fatherland Front to take part in supervision (a third implementation clause). */
  oversight: boolean;
  legal: { decree61: boolean; plan346: boolean };
  titleStyle: number;
}

const POINTS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm'];
const TITLES = [
  'Về các biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
  'Quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
  'Quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
  'Về việc quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
];

/** "2024-08-05" → "ngày 05 tháng 8 năm 2024" (months 1 and 2 padded, as official texts print them). */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = Number(m);
  return `ngày ${d} tháng ${month < 3 ? `0${month}` : month} năm ${y}`;
}

/** Legal bases in force on the date: the local-government law changed twice in 2025, the law-making law once. */
function legalBases(m: SynthMeta, b: SynthBody): string[] {
  const out: string[] = [];
  if (m.signed < '2025-03-01') {
    out.push('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;');
  } else if (m.signed < '2025-06-16') out.push('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;');
  else out.push('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
  if (/\/\d{4}\//.test(m.number)) {
    out.push(m.signed < '2025-04-01'
      ? 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;'
      : 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;');
  }
  out.push('Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;');
  out.push('Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;');
  if (b.legal.decree61) out.push('Căn cứ Nghị định số 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023 của Chính phủ về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư;');
  if (b.legal.plan346) out.push('Căn cứ Quyết định số 346/QĐ-TTg ngày 06 tháng 4 năm 2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở;');
  return out;
}

function recipients(m: SynthMeta): string[] {
  const u = m.unitType;
  if (m.level === 'province') {
    return ['Ủy ban Thường vụ Quốc hội;', 'Chính phủ;', 'Bộ Nội vụ, Bộ Tư pháp;', `Thường trực ${u === 'tỉnh' ? 'Tỉnh' : 'Thành'} ủy;`, `Thường trực HĐND, UBND ${u};`, `Ủy ban MTTQ Việt Nam ${u};`, `Đại biểu HĐND ${u};`, 'Các sở, ban, ngành;', 'Lưu: VT.'];
  }
  const up = m.level === 'district' ? `UBND ${m.provinceType}` : 'Thường trực HĐND, UBND cấp trên';
  return [`Thường trực HĐND, ${up};`, `Thường trực Đảng ủy, HĐND ${u};`, `Chủ tịch, các Phó Chủ tịch UBND ${u};`, `Ủy ban MTTQ Việt Nam ${u};`, `Đại biểu HĐND ${u};`, 'Lưu: VT.'];
}

/** The full text, and the number of the article that holds the measures (for checking what the parser reads). */
export function synthText(mark: string, m: SynthMeta, b: SynthBody): { text: string; measuresArticle: number } {
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  const unit = `${m.unitType} ${m.name}`;
  const area = m.level === 'province' ? unit : `${unit}, ${m.provinceType} ${m.province}`;
  const council = `Hội đồng nhân dân ${m.unitType}`;
  const fill = (s: string) => s.replaceAll(SLOT.unitName, unit).replaceAll(SLOT.name, m.name)
    .replaceAll(SLOT.unitProvince, m.level === 'province' ? unit : `${m.provinceType} ${m.province}`)
    .replaceAll(SLOT.province, m.level === 'province' ? m.name : m.province).replaceAll(SLOT.unitWord, m.unitType);
  const paras = (s: string) => fill(s).split('\n').filter((t) => t.trim());
  const session = `KỲ HỌP ${m.thematic ? 'CHUYÊN ĐỀ ' : ''}THỨ ${m.session}`;
  const out: string[] = [
    mark, `HỘI ĐỒNG NHÂN DÂN\n${upper(unit)}`, `Số: ${m.number}`, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
    `${m.name}, ${viDate(m.signed)}`, 'NGHỊ QUYẾT', `${TITLES[b.titleStyle % TITLES.length]} trên địa bàn ${area}`,
    `HỘI ĐỒNG NHÂN DÂN ${upper(unit)}\nKHÓA ${m.term}, ${session}`, ...legalBases(m, b),
    `Xét Tờ trình số ${m.submission}/TTr-UBND của Ủy ban nhân dân ${m.unitType} về việc quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn ${unit}; Báo cáo thẩm tra của Ban Pháp chế ${council}; ý kiến thảo luận của đại biểu ${council} tại kỳ họp.`,
    'QUYẾT NGHỊ:',
  ];
  let article = 0;
  const articleOf = (heading: string) => out.push(`Điều ${++article}. ${heading}`);
  articleOf('Phạm vi điều chỉnh và đối tượng áp dụng');
  out.push('1. Phạm vi điều chỉnh', `Nghị quyết này quy định nguyên tắc, mục tiêu và các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn ${unit}.`);
  out.push('2. Đối tượng áp dụng', ...b.subjects.flatMap((s, i) => paras(`${POINTS[i]}) ${s}`)));
  if (b.principles.length) {
    articleOf('Nguyên tắc bảo đảm thực hiện dân chủ ở cơ sở');
    out.push(...b.principles.flatMap((s, i) => paras(`${i + 1}. ${s}`)));
  }
  if (b.objectives.length) {
    articleOf('Mục tiêu thực hiện dân chủ ở cơ sở');
    out.push(...b.objectives.flatMap((s, i) => paras(`${i + 1}. ${s}`)));
  }
  articleOf(MEASURES_HEADING);
  const measuresArticle = article;
  b.measures.forEach((c, k) => {
    out.push(...paras(`${k + 1}. ${c.text}`));
    c.points.forEach((p, i) => out.push(...paras(`${POINTS[i]}) ${p}`)));
  });
  articleOf('Kinh phí thực hiện');
  out.push(...b.funding.flatMap((s) => paras(s)));
  articleOf('Tổ chức thực hiện');
  out.push(`1. Giao Ủy ban nhân dân ${m.unitType} tổ chức triển khai thực hiện Nghị quyết này.`);
  out.push(`2. Giao Thường trực ${council}, các Ban của ${council}, các Tổ đại biểu ${council} và đại biểu ${council} giám sát việc thực hiện Nghị quyết này.`);
  if (b.oversight) out.push(`3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam ${m.unitType} và các tổ chức chính trị - xã hội tham gia giám sát việc thực hiện Nghị quyết này.`);
  const effect = m.effectiveRule === 'date' && m.effective ? ` và có hiệu lực từ ${viDate(m.effective)}`
    : m.effectiveRule === 'on_adoption' ? ' và có hiệu lực kể từ ngày thông qua' : m.effectiveRule === 'on_signing' ? ' và có hiệu lực từ ngày ký' : '';
  out.push(`Nghị quyết này đã được ${council} ${m.name} khóa ${m.term}, kỳ họp thứ ${m.session} thông qua ${viDate(m.adopted)}${effect}./.`);
  out.push('Nơi nhận:', recipients(m).map((r) => `- ${r}`).join('\n'));
  out.push(...(m.deputy ? ['TM. HỘI ĐỒNG NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['TM. HỘI ĐỒNG NHÂN DÂN', 'CHỦ TỊCH']), m.signer);
  return { text: `${out.join('\n\n')}\n`, measuresArticle };
}
