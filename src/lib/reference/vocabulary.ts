/**
 * The domain's closed vocabularies, declared once: levels of government, the unit types that name a council's area,
 * the measure codes (the five measures of Luật 10/2022/QH15 Điều 8 and the two that councils add), and the site's
 * languages. Every other module, table schema and page imports them from here; their words for people live in
 * views/i18n.ts and the taxonomy.
 */

/** Levels of government, from the top. */
export const LEVELS = ['province', 'district', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

/** Unit types ("tỉnh Lạng Sơn", "xã Linh Sơn", "đặc khu Phú Quốc" since 2025), in order of level. */
export const UNIT_TYPES = ['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Measure codes: M1–M5 are Điều 8 khoản 1–5 of the Law; X1 (inspection, supervision, reporting) and X2 (the Boards) are added by councils. */
export const MEASURE_CODES = ['M1', 'M2', 'M3', 'M4', 'M5', 'X1', 'X2'] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];
/** The five measures the Law itself names (Điều 8). */
export const LAW_MEASURE_CODES: readonly MeasureCode[] = ['M1', 'M2', 'M3', 'M4', 'M5'];

/** The site's languages: Vietnamese first (at /), English under /en/. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
