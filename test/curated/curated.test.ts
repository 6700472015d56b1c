// Curated facts: every file validates, matches its raw file byte for byte (sha256), quotes its evidence verbatim
// from the source's own words, and its corrections apply; plus the facts the texts state, asserted one by one.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/lib/curated/corrections.ts';
import { checkAgainstRaw, isIsoDate, sidecarEvidence, METADATA_FIELDS, validateCurated, verbatimPart, type Curated } from '../../src/lib/curated/curated.ts';
import { buildJurisdictions, resolveJurisdiction } from '../../src/lib/reference/jurisdictions.ts';
import { catalogueRow } from '../../src/lib/read/catalogue.ts';

const ids = readdirSync('data/raw')
  .filter((f) => f.endsWith('.source.json'))
  .map((f) => f.replace(/\.source\.json$/, ''))
  .sort();
const load = (id: string) => JSON.parse(readFileSync(`data/curated/${id}.json`, 'utf8')) as Curated;
const rawBytes = (c: Curated) => readFileSync(`data/raw/${c.raw_file}`);
const raw = (c: Curated) => rawBytes(c).toString('utf8');
const sidecar = (id: string) => JSON.parse(readFileSync(`data/raw/${id}.source.json`, 'utf8')) as Record<string, unknown>;
const meta = (id: string) => load(id).metadata;

describe('every curated file', () => {
  it('exists for each raw text (13 or more), and no other', () => {
    expect(ids.length).toBeGreaterThanOrEqual(13);
    expect(readdirSync('data/curated').filter((f) => f.endsWith('.json')).sort()).toEqual(ids.map((id) => `${id}.json`));
  });

  it.each(ids)('%s: validates, matches its raw file and sidecar, quotes verbatim evidence', (id) => {
    const c = load(id);
    expect(validateCurated(c)).toEqual([]);
    expect(c.id).toBe(id);
    const side = sidecar(id);
    expect(c.raw_file).toBe(side.file);
    expect(c.completeness).toBe(side.completeness);
    const sha = createHash('sha256').update(rawBytes(c)).digest('hex');
    expect(c.raw_sha256).toBe(sha);
    expect(side.sha256).toBe(sha);
    expect(checkAgainstRaw(c, raw(c), side.source_url as string | null)).toEqual([]);
    for (const k of METADATA_FIELDS) {
      const f = c.metadata[k];
      if (f.value !== null && f.evidence !== sidecarEvidence(id)) expect(raw(c)).toContain(f.evidence);
      if (['signed_on', 'adopted_on', 'effective_on'].includes(k) && f.value !== null) expect(isIsoDate(f.value)).toBe(true);
    }
    const applied = applyCorrections(raw(c), c.corrections);
    expect(applied.problems).toEqual([]);
    expect(applied.edits).toHaveLength(c.corrections.reduce((n, x) => n + x.count, 0));
    if (c.reviewed !== false) expect(isIsoDate(c.reviewed.on)).toBe(true);
  });

  it('openings carry no corrections and their source URL from the sidecar', () => {
    for (const id of ids.filter((i) => load(i).raw_file.endsWith('.md'))) {
      expect(load(id).corrections).toEqual([]);
      expect(meta(id).source_url.value).toBe(sidecar(id).source_url);
    }
  });

  it('each dated resolution names a jurisdiction the reference data resolves on that date', () => {
    const { jurisdictions, problems } = buildJurisdictions(
      readFileSync('data/reference/sources/provinces-2025.csv', 'utf8'),
      readFileSync('data/reference/local-units.csv', 'utf8'),
    );
    expect(problems).toEqual([]);
    const resolved: Record<string, string | undefined> = {};
    for (const id of ids) {
      const m = meta(id);
      const on = m.signed_on.value ?? m.adopted_on.value;
      if (on === null || m.jurisdiction.value === null) continue;
      const j = resolveJurisdiction(jurisdictions, { name: m.jurisdiction.value, unit_type: m.unit_type.value, on });
      expect(j, id).not.toBeNull();
      expect(j?.level).toBe(m.level.value);
      resolved[id] = j?.id;
    }
    expect(resolved).toMatchObject({
      'lang-son-08-2024-nq-hdnd': 'tinh-lang-son',
      'son-la-2024-04-17-nq-hdnd': 'tinh-son-la',
      'an-giang-an-phu-47-nq-hdnd-2024': 'an-giang.huyen-an-phu',
      'thai-nguyen-linh-son-36-nq-hdnd-2025': 'thai-nguyen.phuong-linh-son',
      'hai-phong-99-nq-hdnd-2024': 'thanh-pho-hai-phong',
      'bac-giang-46-nq-hdnd-2024': 'tinh-bac-giang',
      'phu-tho-47-nq-hdnd-2025': 'tinh-phu-tho-2025',
      'quang-tri-23-2025-nq-hdnd': 'tinh-quang-tri-2025',
      'ho-chi-minh-53-2025-nq-hdnd': 'thanh-pho-ho-chi-minh-2025',
      'ha-tinh-146-2025-nq-hdnd': 'tinh-ha-tinh',
    });
  });
});

describe('facts as the texts state them', () => {
  it('Sơn La prints no number or header date; in force on adoption, 17/4/2024', () => {
    const m = meta('son-la-2024-04-17-nq-hdnd');
    expect(m.number.value).toBeNull();
    expect(m.signed_on.value).toBeNull();
    expect(m.adopted_on.value).toBe('2024-04-17');
    expect(m.effective_rule.value).toBe('on_adoption');
    expect(m.effective_on.value).toBe('2024-04-17');
    expect([m.term.value, m.session.value, m.session_kind.value]).toEqual(['XV', 19, 'thematic']);
  });

  it('An Phú: adopted 30/7, in force on signing, 02/8/2024; province unstated', () => {
    const m = meta('an-giang-an-phu-47-nq-hdnd-2024');
    expect([m.adopted_on.value, m.signed_on.value, m.effective_on.value]).toEqual(['2024-07-30', '2024-08-02', '2024-08-02']);
    expect(m.effective_rule.value).toBe('on_signing');
    expect([m.jurisdiction.value, m.unit_type.value, m.level.value]).toEqual(['An Phú', 'huyện', 'district']);
    expect(m.province.value).toBeNull();
  });

  it('Linh Sơn and Hải Phòng state no date of effect', () => {
    for (const id of ['thai-nguyen-linh-son-36-nq-hdnd-2025', 'hai-phong-99-nq-hdnd-2024']) {
      const m = meta(id);
      expect([m.effective_on.value, m.effective_rule.value, m.effective_source.value]).toEqual([null, null, null]);
    }
  });

  it('numbers are normalised without spaces or markup', () => {
    expect(meta('hai-phong-99-nq-hdnd-2024').number).toEqual({ value: '99/NQ-HĐND', evidence: '**99** /NQ-HĐND', note: expect.any(String) });
    expect(meta('lang-son-08-2024-nq-hdnd').number.value).toBe('08/2024/NQ-HĐND');
    expect(meta('ninh-binh-30-2024-nq-hdnd').number.value).toBe('30/2024/NQ-HĐND');
  });

  it('Lạng Sơn: dated and adopted 23/7/2024, in force 05/8/2024 by the text', () => {
    const m = meta('lang-son-08-2024-nq-hdnd');
    expect([m.signed_on.value, m.adopted_on.value, m.effective_on.value, m.effective_rule.value, m.effective_source.value])
      .toEqual(['2024-07-23', '2024-07-23', '2024-08-05', 'date', 'text']);
    expect([m.term.value, m.session.value, m.signer.value]).toEqual(['XVII', 27, 'Đoàn Thị Hậu']);
  });

  it('catalogue dates of effect are marked as such and quote the table row', () => {
    const expected: Record<string, string> = {
      'phu-tho-47-nq-hdnd-2025': '2025-10-28',
      'quang-tri-23-2025-nq-hdnd': '2026-01-01',
      'ho-chi-minh-53-2025-nq-hdnd': '2025-11-14',
      'bac-ninh-66-2025-nq-hdnd': '2025-12-01',
      'dak-lak-04-2025-nq-hdnd': '2025-09-25',
      'hue-13-2025-nq-hdnd': '2025-07-01',
    };
    for (const id of ids) {
      const m = meta(id);
      if (m.effective_source.value !== 'catalogue') continue;
      expect(m.effective_on.value).toBe(expected[id]);
      // The row as the portal prints it, in whatever decoration ("| k | v |", "k | v |", "• k: v").
      expect(catalogueRow(m.effective_on.evidence ?? '')?.[0], id).toBe('Ngày có hiệu lực');
      expect(m.effective_rule.value).toBeNull();
    }
    expect(ids.filter((id) => meta(id).effective_source.value === 'catalogue').sort()).toEqual(Object.keys(expected).sort());
  });

  it('openings without a place-date line or council line stay unknown', () => {
    expect(meta('binh-phuoc-khoa-x-ky-hop-12-nq-hdnd').signed_on.value).toBeNull();
    expect(meta('ho-chi-minh-khoa-x-ky-hop-20-nq-hdnd').number.value).toBeNull();
    expect(meta('quang-tri-23-2025-nq-hdnd').term.value).toBeNull();
    expect(meta('phu-tho-47-nq-hdnd-2025').session_kind.value).toBe('thematic');
  });
});

describe('validation catches what reviewers could get wrong', () => {
  const good = () => structuredClone(load('an-giang-an-phu-47-nq-hdnd-2024'));

  it('rejects impossible dates, enum slips and unknowns with evidence', () => {
    const c = good();
    c.metadata.signed_on = { value: '2024-02-30', evidence: 'An Phú, ngày 02 tháng 8 năm 2024' };
    c.metadata.level = { value: 'county' as 'district', evidence: 'x' };
    c.metadata.province = { value: null, evidence: 'An Giang' as unknown as null, note: 'x' };
    const p = validateCurated(c).join('\n');
    expect(p).toMatch(/signed_on «2024-02-30» is not a valid ISO date/);
    expect(p).toMatch(/level «county» is not one of/);
    expect(p).toMatch(/province is unknown, so evidence must be null/);
  });

  it('rejects an effect rule that disagrees with the dates', () => {
    const c = good();
    c.metadata.effective_on = { value: '2024-07-30', evidence: 'có hiệu lực từ ngày ký' };
    expect(validateCurated(c)).toEqual(['curated an-giang-an-phu-47-nq-hdnd-2024: effective on signing, so effective_on must equal signed_on']);
  });

  it('rejects evidence taken from the curator header block, or not in the text at all', () => {
    const c = structuredClone(load('bac-giang-46-nq-hdnd-2024'));
    const text = readFileSync('data/raw/bac-giang-46-nq-hdnd-2024.md', 'utf8');
    expect(verbatimPart(text).text.startsWith('HỘI ĐỒNG NHÂN\nDÂN\nTỈNH BẮC GIANG')).toBe(true);
    c.metadata.adopted_on = { value: '2024-07-12', evidence: 'adoption_date: 12/7/2024' };
    c.metadata.signer = { value: 'Nguyễn Văn A', evidence: 'Nguyễn Văn A' };
    const p = checkAgainstRaw(c, text).join('\n');
    expect(p).toMatch(/adopted_on: evidence «adoption_date: 12\/7\/2024» is not in the verbatim part; hint: the curator header block is not evidence/);
    expect(p).toMatch(/signer: evidence «Nguyễn Văn A» is not in the raw text/);
  });

  it('rejects a date or number its evidence does not state, and a correction whose guard fails', () => {
    const c = good();
    c.metadata.adopted_on = { value: '2024-07-31', evidence: 'thông qua ngày 30 tháng 7 năm 2024' };
    c.metadata.number = { value: '48/NQ-HĐND', evidence: '47/NQ-HĐND' };
    c.corrections[1] = { ...c.corrections[1]!, count: 2 };
    const p = checkAgainstRaw(c, raw(c)).join('\n');
    expect(p).toMatch(/adopted_on: evidence does not state 2024-07-31/);
    expect(p).toMatch(/number: evidence does not read 48\/NQ-HĐND/);
    expect(p).toMatch(/correction c2: expected 2 occurrences of «Ủy ban Mật trận Tổ quốc», found 1/);
  });
});

describe('English glosses of titles', () => {
  it('every reviewed curated resolution has an English gloss, marked as a gloss, naming its place in the English style', async () => {
    const { loadCurated } = await import('../../src/node/reference.ts');
    const { placeName } = await import('../../src/lib/reference/place-name.ts');
    // A file added by `npm run add` awaits review, and its gloss with it.
    for (const c of loadCurated().filter((x) => x.reviewed !== false)) {
      expect(c.title_gloss_en?.kind, c.id).toBe('gloss');
      expect(c.title_gloss_en?.value, c.id).toMatch(/grassroots democracy/);
      const place = placeName('en', { unit_type: c.metadata.unit_type.value ?? '', jurisdiction: c.metadata.jurisdiction.value ?? '' });
      expect(c.title_gloss_en?.value, c.id).toContain(place);
    }
    const { validateCurated } = await import('../../src/lib/curated/curated.ts');
    const one = loadCurated()[0]!;
    expect(validateCurated({ ...one, title_gloss_en: { value: 'x', kind: 'translation', reviewed: { by: 'a', on: '2026-12-07' } } }).join()).toMatch(/title_gloss_en must be/);
  });
});
