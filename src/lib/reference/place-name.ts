/**
 * The one way the site names a local unit, in each language: "tỉnh Lạng Sơn" in Vietnamese (unit word first, as the
 * documents write it), "Lạng Sơn province" in English (the proper name first, the unit in English). Pure.
 */
import type { Lang } from './vocabulary.ts';

const UNIT_EN: Record<string, string> = {
  'tỉnh': 'province', 'thành phố': 'city', 'huyện': 'district', 'quận': 'urban district', 'thị xã': 'town',
  'xã': 'commune', 'phường': 'ward', 'thị trấn': 'township', 'đặc khu': 'special zone',
};

/** "tỉnh Lạng Sơn" (vi) / "Lạng Sơn province" (en); an unknown unit word is kept as it is. */
export function placeName(lang: Lang, r: { unit_type: string; jurisdiction: string }): string {
  return lang === 'vi' ? `${r.unit_type} ${r.jurisdiction}` : `${r.jurisdiction} ${UNIT_EN[r.unit_type] ?? r.unit_type}`;
}
