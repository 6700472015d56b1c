/**
 * The one way the site names a provision, in each language: "Điều 4 khoản 2 điểm b" in Vietnamese (the words a
 * reader of the law uses, no commas) and "Article 4(2)(b)" in English (the usual citation form). From the provision's
 * own numbers (article, clause, point as printed: a clause may be "2.1"), or from its readable id
 * ("dieu-4.khoan-2-1.diem-b"), where the slug wrote the clause's dots as hyphens: between digits a hyphen is turned
 * back into the dot the document printed, and the point "dd" is the letter đ (points run a, b, c, d, đ, e…). Pure.
 */
import type { Lang } from './vocabulary.ts';

export interface ProvisionNumbers {
  article: string | number;
  clause: string | number | null;
  point: string | null;
}

/** "Điều 4 khoản 2 điểm b" (vi) / "Article 4(2)(b)" (en); an absent clause or point is left out. */
export function provisionLabel(lang: Lang, p: ProvisionNumbers): string {
  const has = (x: string | number | null): x is string | number => x !== null && x !== '';
  if (lang === 'vi') {
    return [`Điều ${p.article}`, has(p.clause) ? `khoản ${p.clause}` : '', has(p.point) ? `điểm ${p.point}` : ''].filter(Boolean).join(' ');
  }
  return `Article ${p.article}${has(p.clause) ? `(${p.clause})` : ''}${has(p.point) ? `(${p.point})` : ''}`;
}

/** The numbers of a readable provision id ("dieu-4.khoan-2-1.diem-b" → 4, "2.1", "b"); null for another shape. */
export function provisionNumbersOfId(id: string): ProvisionNumbers | null {
  const m = /^dieu-([^.]+)(?:\.khoan-([^.]+))?(?:\.diem-([^.]+))?$/.exec(id);
  if (!m) return null;
  const dots = (s: string) => s.replace(/(?<=\d)-(?=\d)/g, '.');
  return { article: dots(m[1]!), clause: m[2] === undefined ? null : dots(m[2]), point: m[3] === undefined ? null : m[3] === 'dd' ? 'đ' : m[3] };
}

/** provisionLabel of a readable id; the id itself when it has another shape. */
export function provisionLabelOfId(lang: Lang, id: string): string {
  const n = provisionNumbersOfId(id);
  return n ? provisionLabel(lang, n) : id;
}
