/**
 * What the overview and theme pages show instead of one row per resolution once the corpus is large
 * (src/lib/views/scale.ts): counts per province of the resolutions for which something holds (a measure found, a funding
 * source named, an actor given a role), adoptions per month by level, the distribution of whole-text similarity
 * and its most similar pairs. Each comes with the CSV of exactly what is shown. Rows in, plain values out; the
 * cell statuses are those of the per-resolution views (found / not-found / unknown), so openings still count as
 * unknown, never as absent.
 */
import { datedOn } from './overview.ts';
import { chartCsv } from '../publish/csv-text.ts';
import { LEVELS } from '../reference/vocabulary.ts';
import type { ProvinceGroup } from './scale.ts';
import type { RowOf } from '../publish/schema.ts';

type Res = RowOf<'resolutions'>;

export interface ProvinceCountRow {
  province: string;
  slug: string;
  n: number;
  n_full: number;
  /** Per column: resolutions of the province for which it holds (full texts and openings alike). */
  values: number[];
}

export interface ProvinceCounts { columns: string[]; rows: ProvinceCountRow[]; totals: number[] }

/** For each province and column, how many of its resolutions `holds(id, column)`; with national totals. */
export function provinceCounts(groups: readonly ProvinceGroup[], columns: readonly string[], holds: (id: string, column: string) => boolean): ProvinceCounts {
  const rows = groups.map((g) => ({
    province: g.province, slug: g.slug, n: g.n, n_full: g.n_full,
    values: columns.map((c) => g.ids.reduce((k, id) => k + (holds(id, c) ? 1 : 0), 0)),
  }));
  const totals = columns.map((_c, i) => rows.reduce((k, r) => k + (r.values[i] ?? 0), 0));
  return { columns: [...columns], rows, totals };
}

/** A province-count table as CSV: province, n_resolutions, n_full, then one column per counted column. */
export function provinceCountsCsv(p: ProvinceCounts, prefix = 'n_with_'): string {
  return chartCsv(['province', 'n_resolutions', 'n_full', ...p.columns.map((c) => `${prefix}${c}`)],
    p.rows.map((r) => [r.province === '?' ? null : r.province, r.n, r.n_full, ...r.values]));
}

/** Index of cells by "id column" whose status is 'found' (or 'present'), for provinceCounts. */
export function foundKeys<C extends { id: string; status: string }>(cells: readonly C[], column: (c: C) => string): Set<string> {
  return new Set(cells.filter((c) => c.status === 'found' || c.status === 'present').map((c) => `${c.id} ${column(c)}`));
}

// ── Adoptions per month ──────────────────────────────────────────────────────────────────────────────────────────

export interface MonthCount { month: string; level: Res['level']; n: number }

/** Resolutions per month ("2024-07") of their adoption date (or signing date when that is all we know), by level. */
export function monthlyAdoptions(resolutions: readonly Res[]): { months: MonthCount[]; undated: number } {
  const acc = new Map<string, MonthCount>();
  let undated = 0;
  for (const r of resolutions) {
    const on = datedOn(r).on;
    if (!on) {
      undated++;
      continue;
    }
    const k = `${on.slice(0, 7)} ${r.level}`;
    const m = acc.get(k) ?? { month: on.slice(0, 7), level: r.level, n: 0 };
    m.n++;
    acc.set(k, m);
  }
  const months = [...acc.values()].sort((a, b) => a.month.localeCompare(b.month) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  return { months, undated };
}

export function monthlyCsv(m: ReturnType<typeof monthlyAdoptions>): string {
  return chartCsv(['month', 'level', 'n_resolutions'], [...m.months.map((x) => [x.month, x.level, x.n]), ...(m.undated ? [[null, null, m.undated]] : [])]);
}

// ── Text reuse ───────────────────────────────────────────────────────────────────────────────────────────────────

export interface ScoreBin { from: number; to: number; n_pairs: number }

/**
 * Pairs of resolutions by whole-text similarity (scope 'all'), in bins of `step` from 0 to 1. Only the pairs the
 * data build scored are counted (at scale it scores the candidates that share rare shingles, not every pair).
 */
export function scoreHistogram(similarity: readonly RowOf<'similarity'>[], step = 0.05): ScoreBin[] {
  const n = Math.round(1 / step);
  const bins = Array.from({ length: n }, (_, i) => ({ from: +(i * step).toFixed(4), to: +((i + 1) * step).toFixed(4), n_pairs: 0 }));
  for (const s of similarity) {
    if (s.scope !== 'all' || !(s.score > 0)) continue;
    bins[Math.min(n - 1, Math.floor(s.score / step))]!.n_pairs++;
  }
  return bins;
}

export function histogramCsv(bins: readonly ScoreBin[]): string {
  return chartCsv(['score_from', 'score_to', 'n_pairs'], bins.map((b) => [b.from, b.to, b.n_pairs]));
}

export interface TopPair { a: string; b: string; score: number; n_shared_passages: number }

/** The `n` most similar pairs over the whole text, best first (ties by ids). */
export function topPairs(similarity: readonly RowOf<'similarity'>[], n = 20): TopPair[] {
  const best: TopPair[] = [];
  for (const s of similarity) {
    if (s.scope !== 'all' || !(s.score > 0)) continue;
    best.push({ a: s.resolution_a, b: s.resolution_b, score: s.score, n_shared_passages: s.n_shared_passages });
    // Keep the buffer small: sort and cut whenever it doubles.
    if (best.length > 4 * n) best.sort(byScore).splice(n);
  }
  return best.sort(byScore).slice(0, n);
}

function byScore(x: TopPair, y: TopPair): number {
  return y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
}
