/**
 * Stable, readable resolution ids derived from official fields, owned here and nowhere else:
 * "<area>-<number>" with the year appended to numbers that carry none ("hai-phong-99-nq-hdnd-2024"); a district or
 * commune is prefixed by its province ("an-giang-an-phu-47-nq-hdnd-2024"); a copy without a number uses the adoption
 * or signing date, else the term and session ("binh-phuoc-khoa-x-ky-hop-12-nq-hdnd"). Null when none of these is known.
 */
import { slugVi } from '../text/normalize.ts';

export interface IdFields {
  jurisdiction: string | null;
  /** Province of a district or commune; null for a province or centrally-run city. */
  province: string | null;
  number: string | null;
  signed_on: string | null;
  adopted_on: string | null;
  term: string | null;
  session: number | null;
}

export function resolutionId(m: IdFields): string | null {
  if (!m.jurisdiction) return null;
  const area = [m.province, m.jurisdiction].filter(Boolean).map((s) => slugVi(s ?? '')).join('-');
  const year = (m.signed_on ?? m.adopted_on)?.slice(0, 4) ?? null;
  if (m.number) {
    const num = slugVi(m.number);
    if (/\/\d{4}\//.test(m.number)) return `${area}-${num}`;
    return year ? `${area}-${num}-${year}` : `${area}-${num}`;
  }
  const date = m.adopted_on ?? m.signed_on;
  if (date) return `${area}-${date}-nq-hdnd`;
  if (m.term && m.session !== null) return `${area}-khoa-${slugVi(m.term)}-ky-hop-${m.session}-nq-hdnd`;
  return null;
}
