/**
 * The resolution lists, computed once per build: the measures matrix row of every resolution (what the list shows
 * in its "measures found" column), the province groups and the province list pages of src/lib/views/scale.ts, and the
 * rows of one page grouped by level in the list's order. The /resolutions/ page shows every resolution while the
 * corpus is small and the provinces with their counts above PER_RESOLUTION_MAX; the province pages exist at every
 * size, so their addresses do not depend on the corpus.
 */
import { measureMatrix, type MatrixRow } from '../lib/views/overview.ts';
import { rowsByLevel } from '../lib/views/resolution.ts';
import { atScale, provinceGroups, provincePages, type ProvinceGroup, type ProvincePage } from '../lib/views/scale.ts';
import { dataset } from '../node/published.ts';

let rows: Map<string, MatrixRow> | null = null;
let groups: ProvinceGroup[] | null = null;

function matrixRows(): Map<string, MatrixRow> {
  if (!rows) {
    const d = dataset();
    const m = measureMatrix(d.resolutions, d.provisions, d.taxonomy);
    rows = new Map(m.rows.map((r) => [r.resolution.id, r]));
  }
  return rows;
}

export function provinces(): ProvinceGroup[] {
  groups ??= provinceGroups(dataset().resolutions);
  return groups;
}

/** True when /resolutions/ lists provinces rather than every resolution. */
export function listsAtScale(): boolean {
  return atScale(dataset().resolutions.length);
}

/** The rows of the given resolutions, grouped by level, each group in the list's order. */
export function levelGroups(ids?: readonly string[]): ReturnType<typeof rowsByLevel> {
  const all = matrixRows();
  const picked = ids ? ids.map((id) => all.get(id)).filter((r): r is MatrixRow => !!r) : [...all.values()];
  return rowsByLevel({ codes: [], rows: picked });
}

/** Every province list page, with its params for getStaticPaths ("lang-son", "lang-son/2"). */
export function provincePageParams(): { params: { slug: string }; props: { page: ProvincePage } }[] {
  return provincePages(provinces()).map((page) => ({ params: { slug: page.page > 1 ? `${page.slug}/${page.page}` : page.slug }, props: { page } }));
}
