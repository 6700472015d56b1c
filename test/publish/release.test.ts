/**
 * The dataset's identity holds together: the version follows its releases; the published schema has not changed
 * without a new version (its fingerprint per version in data/releases/schema-fingerprints.json); every version has
 * readers' release notes in both languages; CITATION.cff is valid Citation File Format 1.2.0 (checked against the
 * rules of its JSON schema, below, without a network) and says what release.ts and astro.config.mjs say; and the
 * built datapackage.json carries the same version, year and address as the citation on /data/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../src/node/paths.ts';
import { siteUrl } from '../../src/node/site.ts';
import {
  chartCitation, citationParts, citationText, DATA_VERSION, PUBLISHER, queryCitation, RELEASES, releaseYear, schemaShape,
} from '../../src/lib/publish/release.ts';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const semver = (v: string) => v.split('.').map(Number) as [number, number, number];
const newer = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

describe('versions', () => {
  it('DATA_VERSION is the newest release; versions and dates go down the list', () => {
    expect(RELEASES[0]?.version).toBe(DATA_VERSION);
    for (let i = 1; i < RELEASES.length; i++) {
      expect(newer(RELEASES[i - 1]!.version, RELEASES[i]!.version)).toBeGreaterThan(0);
      expect(RELEASES[i - 1]!.date >= RELEASES[i]!.date).toBe(true);
    }
    for (const r of RELEASES) expect(r.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the published schema has not changed without a new version', () => {
    const fingerprints = JSON.parse(read('data/releases/schema-fingerprints.json')) as { versions: Record<string, string> };
    const now = createHash('sha256').update(schemaShape()).digest('hex');
    expect(Object.keys(fingerprints.versions).sort()).toEqual(RELEASES.map((r) => r.version).sort());
    expect(now, `the published schema (src/lib/publish/schema.ts) changed under version ${DATA_VERSION}: release a new version (README, "Dataset versions"): add it to RELEASES in src/lib/publish/release.ts, write its notes in data/releases/vi.md and en.md, and record its fingerprint ${now} in data/releases/schema-fingerprints.json`).toBe(fingerprints.versions[DATA_VERSION]);
  });

  it('every version has readers\' release notes in Vietnamese and English, newest first', () => {
    for (const lang of ['vi', 'en']) {
      const headings = [...read(`data/releases/${lang}.md`).matchAll(/^## (\d+\.\d+\.\d+) — (.+)$/gm)].map((m) => m[1]);
      expect(headings, lang).toEqual(RELEASES.map((r) => r.version));
    }
  });

  it('the notes are for readers: no commands, source paths or test hooks', () => {
    for (const lang of ['vi', 'en']) expect(read(`data/releases/${lang}.md`)).not.toMatch(/npm run|src\/|test\/|data-testid|bench/);
  });
});

describe('the citation', () => {
  it('names publisher, year, title, version, the data page\'s address and the licence, and asks for the access date', async () => {
    const site = await siteUrl();
    expect(site).toMatch(/^https:\/\/.+\/$/);
    for (const lang of ['vi', 'en'] as const) {
      const text = citationText(lang, site);
      const p = citationParts(lang, site);
      for (const part of [p.publisher, String(p.year), p.title, DATA_VERSION, `${site}data/`, 'CC BY 4.0']) expect(text, lang).toContain(part);
      expect(text).toMatch(lang === 'vi' ? /Truy cập ngày \[ngày truy cập\]/ : /Accessed \[date accessed\]/);
    }
    expect(chartCitation('en', 'Measures by resolution.', 'https://x.test/themes/measures/#chart-measures')).toBe(
      `${PUBLISHER.name_en} (${releaseYear()}). “Measures by resolution”. Chart from the dataset ${citationParts('en', null).title}, version ${DATA_VERSION}. https://x.test/themes/measures/#chart-measures. Licence CC BY 4.0.`,
    );
    expect(queryCitation('vi', 'SELECT  id\nFROM resolutions', null)).toContain('“SELECT id FROM resolutions”');
  });
});

// ── CITATION.cff against the Citation File Format 1.2.0 schema ───────────────────────────────────────────────────
// The rules of https://citation-file-format.github.io/1.2.0/schema.json that apply to a dataset's top-level keys,
// restated here so the check needs no network (what cffconvert --validate checks for these keys).
const CFF_KEYS = new Set(['abstract', 'authors', 'cff-version', 'commit', 'contact', 'date-released', 'doi', 'identifiers', 'keywords',
  'license', 'license-url', 'message', 'preferred-citation', 'references', 'repository', 'repository-artifact', 'repository-code',
  'title', 'type', 'url', 'version']);
const PERSON_KEYS = new Set(['address', 'affiliation', 'alias', 'city', 'country', 'email', 'family-names', 'fax', 'given-names',
  'name-particle', 'name-suffix', 'orcid', 'post-code', 'region', 'tel', 'website']);
const ENTITY_KEYS = new Set(['address', 'alias', 'city', 'country', 'date-end', 'date-start', 'email', 'fax', 'location', 'name',
  'orcid', 'post-code', 'region', 'tel', 'website']);
const URL_RE = /^(https|http|ftp|sftp):\/\/.+/;
const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;

function cffProblems(doc: Record<string, unknown>): string[] {
  const p: string[] = [];
  for (const k of Object.keys(doc)) if (!CFF_KEYS.has(k)) p.push(`unknown key ${k}`);
  for (const k of ['authors', 'cff-version', 'message', 'title']) if (!(k in doc)) p.push(`missing required ${k}`);
  if (!nonEmpty(doc['cff-version']) || !/^1\.2\.0$/.test(String(doc['cff-version']))) p.push('cff-version must be the string "1.2.0"');
  if (!nonEmpty(doc.message)) p.push('message must be a non-empty string');
  if (!nonEmpty(doc.title)) p.push('title must be a non-empty string');
  if ('type' in doc && !['software', 'dataset'].includes(String(doc.type))) p.push('type must be software or dataset');
  if ('version' in doc && !(nonEmpty(doc.version) || typeof doc.version === 'number')) p.push('version must be a string or number');
  if ('date-released' in doc && !(typeof doc['date-released'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(doc['date-released']))) p.push('date-released must be YYYY-MM-DD');
  for (const k of ['url', 'repository', 'repository-code', 'repository-artifact', 'license-url']) {
    if (k in doc && !(typeof doc[k] === 'string' && URL_RE.test(doc[k] as string))) p.push(`${k} must be a URL`);
  }
  if ('license' in doc && !(nonEmpty(doc.license) || (Array.isArray(doc.license) && doc.license.length > 0 && doc.license.every(nonEmpty)))) p.push('license must be an SPDX id or a list of them');
  if ('keywords' in doc && !(Array.isArray(doc.keywords) && doc.keywords.every(nonEmpty))) p.push('keywords must be non-empty strings');
  if ('abstract' in doc && !nonEmpty(doc.abstract)) p.push('abstract must be a non-empty string');
  if (!Array.isArray(doc.authors) || doc.authors.length === 0) p.push('authors must be a non-empty list');
  else {
    doc.authors.forEach((a: unknown, i: number) => {
      if (a === null || typeof a !== 'object') return void p.push(`authors[${i}] must be a person or an entity`);
      const keys = Object.keys(a);
      const isEntity = 'name' in a;
      const allowed = isEntity ? ENTITY_KEYS : PERSON_KEYS;
      const extra = keys.filter((k) => !allowed.has(k));
      if (extra.length) p.push(`authors[${i}]: unknown key(s) ${extra.join(', ')}`);
      if (keys.length === 0) p.push(`authors[${i}] is empty`);
      for (const k of keys) if (!nonEmpty((a as Record<string, unknown>)[k])) p.push(`authors[${i}].${k} must be a non-empty string`);
    });
  }
  return p;
}

describe('CITATION.cff', () => {
  const doc = parse(read('CITATION.cff')) as Record<string, unknown>;

  it('is valid Citation File Format 1.2.0', () => {
    expect(cffProblems(doc)).toEqual([]);
  });

  it('the check finds what the schema forbids', () => {
    expect(cffProblems({ ...doc, colour: 'blue' })).toContain('unknown key colour');
    expect(cffProblems({ ...doc, authors: [] })).toContain('authors must be a non-empty list');
    expect(cffProblems({ ...doc, authors: [{ 'given-names': 'A', nickname: 'x' }] })).toContain('authors[0]: unknown key(s) nickname');
    expect(cffProblems({ ...doc, 'date-released': '7/12/2026' })).toContain('date-released must be YYYY-MM-DD');
    const { title: _t, ...untitled } = doc;
    expect(cffProblems(untitled)).toContain('missing required title');
  });

  it('says what release.ts and astro.config.mjs say: version, release date, publisher, address, licence', async () => {
    expect(String(doc.version)).toBe(DATA_VERSION);
    expect(doc['date-released']).toBe(RELEASES[0]?.date);
    expect(doc.authors).toEqual([{ name: PUBLISHER.name_en }]);
    expect(doc.url).toBe(citationParts('en', await siteUrl()).url);
    expect(doc.license).toBe('CC-BY-4.0');
    expect(doc.type).toBe('dataset');
  });
});

describe('datapackage.json (npm run data)', () => {
  const path = join(ROOT, 'public', 'data', 'datapackage.json');
  it.skipIf(!existsSync(path))('carries the citation\'s version, year and address, its publisher and the raw files', async () => {
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as {
      version: string; created: string; homepage: string; citation: string; contributors: { title: string; role: string }[];
      resources: { name: string; path: string; hash?: string }[];
    };
    const site = await siteUrl();
    const cite = citationParts('en', site);
    expect(pkg.version).toBe(DATA_VERSION);
    expect(Number(pkg.created.slice(0, 4))).toBe(cite.year);
    expect(pkg.homepage).toBe(site);
    expect(pkg.citation).toBe(citationText('en', site));
    expect(pkg.citation).toContain(cite.url as string);
    expect(pkg.contributors).toEqual([expect.objectContaining({ title: PUBLISHER.name_en, role: 'publisher' })]);
    expect(pkg.resources.filter((r) => r.path.startsWith('raw/')).length).toBeGreaterThan(0);
  });
});
