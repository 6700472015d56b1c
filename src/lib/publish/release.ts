/**
 * The dataset's identity, declared once: its version and the rule that moves it, the date of every release, who
 * publishes it, and the citation built from them. Everything that names the data imports this module:
 * datapackage.json, the /data/ page, the "cite this chart" line under every chart, the query downloads and the
 * drafter's report (`DATA_VERSION`). The site's canonical address is not here: it is astro.config.mjs's `site`, passed
 * in by the caller (the page's Astro.site, or src/node/site.ts for the data build), so there is one setting.
 *
 * The version rule (README, /data/): a change to a published schema (a table, a column, its type, whether it may be
 * null, its allowed values) or to what a value means is a new version; MINOR while the version is 0.x, MAJOR once
 * it is 1.0 or more. New or corrected resolutions under the same schema and meanings are a PATCH. Every version has
 * reader release notes (data/releases/<lang>.md) and the fingerprint of its schema
 * (data/releases/schema-fingerprints.json, checked by test/publish/release.test.ts).
 */
import { TABLE_NAMES, tableOf } from './schema.ts';

/** The version of the published dataset (datapackage.json "version", the citation, every CSV's metadata). */
export const DATA_VERSION = '0.2.0';

export interface Release {
  version: string;
  /** ISO date the version was released. */
  date: string;
}

/** Every release, newest first; the first is DATA_VERSION. */
export const RELEASES: readonly Release[] = [
  { version: '0.2.0', date: '2026-12-07' },
  { version: '0.1.0', date: '2026-11-22' },
];

/**
 * Who publishes the data: the one place to change it (a fork or a newsroom republishing the data names itself
 * here; CITATION.cff's author must say the same, which test/publish/release.test.ts checks).
 */
export const PUBLISHER = {
  name: 'Dự án Dân chủ ở cơ sở',
  name_en: 'Grassroots Democracy Project (Dự án Dân chủ ở cơ sở)',
} as const;

/** The dataset's title, in Vietnamese and English. */
export const DATASET_TITLE = {
  vi: 'Biện pháp bảo đảm thực hiện dân chủ ở cơ sở: nghị quyết của Hội đồng nhân dân các cấp',
  en: 'Measures to ensure grassroots democracy: People\'s Council resolutions compared',
} as const;

export const LICENCE = { id: 'CC-BY-4.0', title: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** The release of a version (DATA_VERSION by default); throws for a version never released. */
export function releaseOf(version: string = DATA_VERSION): Release {
  const r = RELEASES.find((x) => x.version === version);
  if (!r) throw new Error(`release: no release ${version}; hint: add it to RELEASES in src/lib/publish/release.ts`);
  return r;
}

/** The year of a version's release, as a citation gives it. */
export const releaseYear = (version: string = DATA_VERSION): number => Number(releaseOf(version).date.slice(0, 4));

export interface CitationParts {
  publisher: string;
  year: number;
  title: string;
  version: string;
  /** Canonical address of the data page (`<site>data/`), or null when the site has no address configured. */
  url: string | null;
  licence: string;
}

/** The parts of the dataset's citation in a language; `site` is astro.config.mjs's `site` (null when unset). A
 * version never released has no year: releaseOf throws. */
export function citationParts(lang: 'vi' | 'en', site: string | URL | null | undefined, version: string = DATA_VERSION): CitationParts {
  return {
    publisher: lang === 'vi' ? PUBLISHER.name : PUBLISHER.name_en,
    year: releaseYear(version),
    title: DATASET_TITLE[lang],
    version,
    // One address in every language and in datapackage.json: the data page at its canonical (Vietnamese) address.
    url: site ? new URL('data/', site).href : null,
    licence: LICENCE.title,
  };
}

/**
 * The dataset's citation as one line, author–year style:
 * "Dự án Dân chủ ở cơ sở (2026). Biện pháp … [bộ dữ liệu], phiên bản 0.2.0. https://…/data/. Giấy phép CC BY 4.0. Truy cập ngày …"
 * The access date is left for the reader to fill in (`accessed`), never today's date at build time.
 */
export function citationText(lang: 'vi' | 'en', site: string | URL | null | undefined, opts: { accessed?: string; version?: string } = {}): string {
  const p = citationParts(lang, site, opts.version);
  const accessed = opts.accessed ?? (lang === 'vi' ? '[ngày truy cập]' : '[date accessed]');
  return lang === 'vi'
    ? `${p.publisher} (${p.year}). ${p.title} [bộ dữ liệu], phiên bản ${p.version}.${p.url ? ` ${p.url}.` : ''} Giấy phép ${p.licence}. Truy cập ngày ${accessed}.`
    : `${p.publisher} (${p.year}). ${p.title} [dataset], version ${p.version}.${p.url ? ` ${p.url}.` : ''} Licence ${p.licence}. Accessed ${accessed}.`;
}

/**
 * "Cite this chart": the chart's caption, the page it is on, then the dataset and its version.
 * `pageUrl` is the page's canonical address (with the chart's #id), or null when the site has no address.
 */
export function chartCitation(lang: 'vi' | 'en', caption: string, pageUrl: string | null): string {
  const p = citationParts(lang, null);
  const what = caption.replace(/[.\s]+$/u, '');
  return lang === 'vi'
    ? `${p.publisher} (${p.year}). “${what}”. Biểu đồ từ bộ dữ liệu ${p.title}, phiên bản ${p.version}.${pageUrl ? ` ${pageUrl}.` : ''} Giấy phép ${p.licence}.`
    : `${p.publisher} (${p.year}). “${what}”. Chart from the dataset ${p.title}, version ${p.version}.${pageUrl ? ` ${pageUrl}.` : ''} Licence ${p.licence}.`;
}

/** "Cite this query": the SQL the reader ran, on which dataset version. */
export function queryCitation(lang: 'vi' | 'en', sql: string, pageUrl: string | null): string {
  const p = citationParts(lang, null);
  const q = sql.replace(/\s+/g, ' ').trim();
  return lang === 'vi'
    ? `${p.publisher} (${p.year}). Kết quả truy vấn “${q}” trên bộ dữ liệu ${p.title}, phiên bản ${p.version}.${pageUrl ? ` ${pageUrl}.` : ''} Giấy phép ${p.licence}.`
    : `${p.publisher} (${p.year}). Results of the query “${q}” on the dataset ${p.title}, version ${p.version}.${pageUrl ? ` ${pageUrl}.` : ''} Licence ${p.licence}.`;
}

/**
 * The published schema reduced to what the version rule covers: tables, their keys, and per column its name, type,
 * whether it may be null and its allowed values. Descriptions are left out (rewording is not a new version); a
 * change of meaning must be declared by a version bump by hand. Stable JSON: hash it to compare versions.
 */
export function schemaShape(): string {
  return JSON.stringify(TABLE_NAMES.map(tableOf).map((t) => ({
    table: t.name,
    primaryKey: t.primaryKey,
    foreignKeys: t.foreignKeys.map((fk) => [fk.fields, fk.table, fk.references]),
    fields: t.fields.map((f) => [f.name, f.type, f.required, f.enum ?? null, f.pattern ?? null, f.minimum ?? null, f.maximum ?? null]),
  })));
}
