/**
 * The words a person reads for the coded values of the data: measures (M1–M5 of Điều 8 and the councils' X1, X2),
 * actors, funding sources and levels, in Vietnamese and English. Codes stay in the JSON and CSV files; every page,
 * the drafter's scorecard and its printed and command-line reports name them with these words. codeWord(lang, kind,
 * code) falls back to the code itself only for a value this module does not know (a test checks none is missing).
 */
import type { Lang } from '../reference/vocabulary.ts';

export type CodeKind = 'measure' | 'actor' | 'source' | 'level';

const WORDS: Record<Lang, Record<CodeKind, Record<string, string>>> = {
  vi: {
    measure: {
      M1: 'Bồi dưỡng, nâng cao năng lực', M2: 'Thông tin, tuyên truyền, phổ biến pháp luật', M3: 'Trách nhiệm, nêu gương, đánh giá',
      M4: 'Khen thưởng, xử lý vi phạm', M5: 'Công nghệ thông tin, điều kiện bảo đảm', X1: 'Kiểm tra, giám sát, báo cáo',
      X2: 'Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng',
    },
    actor: {
      people_committee: 'Ủy ban nhân dân', standing_committee: 'Thường trực HĐND', committees: 'Các Ban của HĐND',
      delegate_groups: 'Tổ đại biểu HĐND', delegates: 'Đại biểu HĐND', fatherland_front: 'Mặt trận Tổ quốc',
      socio_political_orgs: 'Tổ chức chính trị - xã hội', other: 'Khác',
    },
    source: {
      state_budget: 'Ngân sách nhà nước', socialized: 'Xã hội hóa', other_lawful: 'Nguồn hợp pháp khác',
      board_support: 'Hỗ trợ Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng',
    },
    level: { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' },
  },
  en: {
    measure: {
      M1: 'Capacity building', M2: 'Information and legal education', M3: 'Leaders\' responsibility and evaluation',
      M4: 'Rewards and sanctions', M5: 'ICT and enabling conditions', X1: 'Inspection, supervision, reporting',
      X2: 'People\'s Inspection and Community Investment Supervision Boards',
    },
    actor: {
      people_committee: 'People\'s Committee', standing_committee: 'Council Standing Committee', committees: 'Council committees',
      delegate_groups: 'Delegate groups', delegates: 'Delegates', fatherland_front: 'Fatherland Front',
      socio_political_orgs: 'Socio-political organisations', other: 'Other',
    },
    source: {
      state_budget: 'State budget', socialized: 'Socialised funding', other_lawful: 'Other lawful sources',
      board_support: 'Support for People\'s Inspection and Community Investment Supervision Boards',
    },
    level: { province: 'province-level', district: 'district-level', commune: 'commune-level' },
  },
};

/** The name of a coded value in a language. */
export function codeWord(lang: Lang, kind: CodeKind, code: string): string {
  return WORDS[lang][kind][code] ?? code;
}

/** Every code of a kind this module names (for tests and for pages that list them). */
export function knownCodes(kind: CodeKind): string[] {
  return Object.keys(WORDS.vi[kind]);
}

/** "Điều 1 khoản 3 điểm c" / "Article 1(3)(c)" from a provision id ("dieu-1.khoan-3.diem-c"); "legal-basis-2" is the
 * second legal basis. An id of another shape is returned as it is. */
export function provisionPlace(lang: Lang, id: string): string {
  const basis = /^legal-basis-(\d+)$/.exec(id);
  if (basis) return lang === 'vi' ? `Căn cứ thứ ${basis[1]}` : `Legal basis ${basis[1]}`;
  const article = /(?:^|\.)dieu-(\d+)/.exec(id)?.[1];
  if (!article) return id;
  const clause = /\.khoan-(\d+(?:-\d+)*)/.exec(id)?.[1]?.replace(/-/g, '.');
  const point = /\.diem-([a-zđ]+?)(?:-\d+)?(?:\.|$)/.exec(id)?.[1]?.replace(/^dd$/, 'đ');
  if (lang === 'vi') return [`Điều ${article}`, clause ? `khoản ${clause}` : '', point ? `điểm ${point}` : ''].filter(Boolean).join(' ');
  return `Article ${article}${clause ? `(${clause})` : ''}${point ? `(${point})` : ''}`;
}
