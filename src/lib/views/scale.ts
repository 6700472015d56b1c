/**
 * How the site's pages hold at national scale (about 10,000 resolutions), in one place. While the corpus has at
 * most PER_RESOLUTION_MAX resolutions, the overview, the list and the theme pages show one row (or heat-map line)
 * per resolution, as a reader can take them in; above it they show one row per province (the province at adoption:
 * 63 before the 2025 reform, 34 after), with counts, each linking to that province's list of resolutions
 * (/resolutions/province/<slug>/, generated at every size). Lists of resolution links and quotations on aggregate
 * pages stop at LINKS_MAX / QUOTES_MAX and say how many more there are and where (a CSV or the province lists).
 * Why 60: a heat-map line is 28 px, so 60 resolutions is a 1,700 px chart, about the longest a reader scrolls; the
 * byte budget (150 KB brotli) would allow some 300 rows, the reader not. Pure: resolutions in, groups out.
 */
import type { RowOf } from '../publish/schema.ts';
import { collatorVi, slugVi } from '../text/normalize.ts';

type Res = RowOf<'resolutions'>;

export const PER_RESOLUTION_MAX = 60;
/** Resolution links listed under one fact, document or province on an aggregate page. */
export const LINKS_MAX = 12;
/** Quoted provisions (objectives, funding, supervision wording) listed on a theme page at scale. */
export const QUOTES_MAX = 30;
/** Rows of a province's list page; a larger province is split into pages of this many. */
export const PROVINCE_PAGE_SIZE = 250;

/** True when pages aggregate by province instead of listing every resolution. */
export function atScale(nResolutions: number): boolean {
  return nResolutions > PER_RESOLUTION_MAX;
}

/** The province a resolution belongs to for grouping: its province at adoption (the jurisdiction for a province). */
export function provinceOf(r: Pick<Res, 'province' | 'jurisdiction' | 'level'>): string {
  return r.province ?? (r.level === 'province' ? r.jurisdiction : '?');
}

/** "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau"; an unknown province is "chua-ro" (not yet known). */
export function provinceSlug(name: string): string {
  return name === '?' ? 'chua-ro' : slugVi(name) || 'chua-ro';
}

export interface ProvinceGroup {
  province: string;
  slug: string;
  /** Resolution ids in the group, in the input order. */
  ids: string[];
  n: number;
  n_full: number;
  byLevel: Record<Res['level'], number>;
}

/** Resolutions grouped by province, provinces in Vietnamese order. */
export function provinceGroups(resolutions: readonly Res[]): ProvinceGroup[] {
  const groups = new Map<string, ProvinceGroup>();
  for (const r of resolutions) {
    const province = provinceOf(r);
    let g = groups.get(province);
    if (!g) groups.set(province, (g = { province, slug: provinceSlug(province), ids: [], n: 0, n_full: 0, byLevel: { province: 0, district: 0, commune: 0 } }));
    g.ids.push(r.id);
    g.n++;
    if (r.completeness === 'full') g.n_full++;
    g.byLevel[r.level]++;
  }
  return [...groups.values()].sort((a, b) => collatorVi.compare(a.province, b.province));
}

/** The first `max` items and how many were left out. */
export function capped<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

export interface ProvincePage { slug: string; province: string; page: number; pages: number; ids: string[] }

/** The province list pages: one per province, split into PROVINCE_PAGE_SIZE rows (page 1 has no number in its URL). */
export function provincePages(groups: readonly ProvinceGroup[], size = PROVINCE_PAGE_SIZE): ProvincePage[] {
  return groups.flatMap((g) => {
    const pages = Math.max(1, Math.ceil(g.ids.length / size));
    return Array.from({ length: pages }, (_, i) => ({ slug: g.slug, province: g.province, page: i + 1, pages, ids: g.ids.slice(i * size, (i + 1) * size) }));
  });
}

/** Route of a province's list page without the language prefix: "/resolutions/province/lang-son/" (page 2: ".../2/"). */
export function provincePath(slug: string, page = 1): string {
  return `/resolutions/province/${slug}/${page > 1 ? `${page}/` : ''}`;
}
