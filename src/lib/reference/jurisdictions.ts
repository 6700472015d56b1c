/**
 * Jurisdictions with their 2025 lineage. buildJurisdictions(provincesCsv, localUnitsCsv) turns the official list of
 * the 63 provincial units and their successors among the 34 of 1/7/2025 (data/reference/sources/provinces-2025.csv)
 * plus the districts and communes named in the corpus (data/reference/local-units.csv) into one table of units, each
 * with a level, a validity interval and a successor; it returns problems instead of throwing. A unit unchanged across
 * 1/7/2025 is one row; a merged unit is a new row from 2025-07-01 (id suffixed "-2025" when an old unit had the same
 * name) that its members point to. resolveJurisdiction finds the unit a text names on a date, successorOn follows
 * the lineage to a date, levelOf gives the default level of a unit type.
 */
import Papa from 'papaparse';
import { foldVi, slugVi } from '../text/normalize.ts';
import { UNIT_TYPES, type Level, type UnitType } from './vocabulary.ts';



export interface Jurisdiction {
  /** "tinh-lang-son", "thanh-pho-hai-phong-2025", "an-giang.huyen-an-phu". */
  id: string;
  /** Proper name without the type word: "Lạng Sơn", "An Phú". */
  name: string;
  unit_type: UnitType;
  level: Level;
  /** The province a district or commune belonged to (null for provinces). */
  province_id: string | null;
  /** Official code, or null where the project has none. */
  code: string | null;
  /** ISO civil dates; null means "before the period the project covers" / "still valid". */
  valid_from: string | null;
  valid_until: string | null;
  successor_id: string | null;
  source: string;
  note: string;
}

const REFORM_START = '2025-07-01';
const DAY_BEFORE_REFORM = '2025-06-30';
const PROVINCES_SOURCE = 'data/reference/sources/provinces-2025.csv (NQ 202/2025/QH15; codes: QĐ 19/2025/QĐ-TTg)';
const PROVINCE_COLUMNS = ['code_before', 'name_before', 'type_before', 'name_after', 'type_after', 'code_after', 'note'];
const LOCAL_COLUMNS = [
  'id', 'name', 'unit_type', 'level', 'province_name', 'valid_from', 'valid_until', 'successor_id', 'source', 'note',
];

/**
 * Default level of a unit type. "thành phố" is read as a centrally-run city (province level), which is what it
 * means in this corpus; a city under a province (district level until 2025) must be recorded with level "district".
 */
export function levelOf(unitType: string): Level | null {
  switch (foldVi(unitType)) {
    case 'tinh':
    case 'thanh pho':
      return 'province';
    case 'huyen':
    case 'quan':
    case 'thi xa':
      return 'district';
    case 'xa':
    case 'phuong':
    case 'thi tran':
    case 'dac khu':
      return 'commune';
    default:
      return null;
  }
}

const isUnitType = (s: string): s is UnitType => (UNIT_TYPES as readonly string[]).includes(s);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function readCsv(text: string, columns: string[], label: string, problems: string[]): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  for (const e of parsed.errors) problems.push(`${label}: row ${(e.row ?? 0) + 2}: ${e.message}`);
  const header = parsed.meta.fields ?? [];
  if (header.join(',') !== columns.join(',')) {
    problems.push(`${label}: expected columns ${columns.join(',')}, found ${header.join(',')}; hint: keep the header`);
  }
  return parsed.data;
}

/** "tỉnh" + "Lạng Sơn" → "tinh-lang-son". */
function provinceId(unitType: string, name: string): string {
  return `${slugVi(unitType)}-${slugVi(name)}`;
}

/** Date-valid predicate with open ends. */
export function isValidOn(j: Jurisdiction, dateIso: string): boolean {
  return (j.valid_from === null || j.valid_from <= dateIso) && (j.valid_until === null || dateIso <= j.valid_until);
}

// The source list records one upgrade before the reform only in its note column (Thừa Thiên Huế → Huế, 2025-01-01).
const UPGRADE_NOTE = /^Tỉnh (.+?) until (\d{1,2})\/(\d{1,2})\/(\d{4}); thành phố .+? from (\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const iso = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

function buildProvinces(text: string, problems: string[]): Jurisdiction[] {
  const rows = readCsv(text, PROVINCE_COLUMNS, 'provinces-2025.csv', problems);
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    const key = `${r.type_after}|${r.name_after}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const oldNames = new Set(rows.map((r) => foldVi(r.name_before ?? '')));
  const out: Jurisdiction[] = [];
  const base = { level: 'province' as const, province_id: null, source: PROVINCES_SOURCE };
  for (const [key, members] of groups) {
    const [typeAfter = '', nameAfter = ''] = key.split('|');
    const first = members[0];
    if (!first || !isUnitType(typeAfter)) {
      problems.push(`provinces-2025.csv: unit type «${typeAfter}» of ${nameAfter} is not a known unit type`);
      continue;
    }
    const unchanged = members.length === 1 && first.name_before === nameAfter && first.type_before === typeAfter;
    if (unchanged) {
      const note = first.note ?? '';
      const upgrade = UPGRADE_NOTE.exec(note);
      const id = provinceId(typeAfter, nameAfter);
      if (upgrade) {
        const [, oldName = '', d1 = '', m1 = '', y1 = '', d2 = '', m2 = '', y2 = ''] = upgrade;
        out.push({
          ...base, id: provinceId('tỉnh', oldName), name: oldName, unit_type: 'tỉnh', code: first.code_before ?? null,
          valid_from: null, valid_until: iso(d1, m1, y1), successor_id: id, note,
        });
        out.push({
          ...base, id, name: nameAfter, unit_type: typeAfter, code: first.code_after ?? null,
          valid_from: iso(d2, m2, y2), valid_until: null, successor_id: null, note,
        });
      } else {
        if (note.includes(' until ')) problems.push(`provinces-2025.csv: note of ${nameAfter} names a change it cannot read`);
        out.push({
          ...base, id, name: nameAfter, unit_type: typeAfter, code: first.code_after ?? null,
          valid_from: null, valid_until: null, successor_id: null, note,
        });
      }
      continue;
    }
    const newId = provinceId(typeAfter, nameAfter) + (oldNames.has(foldVi(nameAfter)) ? '-2025' : '');
    const codes = new Set(members.map((m) => m.code_after));
    if (codes.size !== 1) problems.push(`provinces-2025.csv: members of ${nameAfter} disagree on code_after`);
    out.push({
      ...base, id: newId, name: nameAfter, unit_type: typeAfter, code: first.code_after ?? null,
      valid_from: REFORM_START, valid_until: null, successor_id: null,
      note: `Formed on ${REFORM_START} from ${members.map((m) => `${m.type_before} ${m.name_before}`).join(', ')}.`,
    });
    for (const m of members) {
      const type = m.type_before ?? '';
      if (!isUnitType(type)) {
        problems.push(`provinces-2025.csv: unit type «${type}» of ${m.name_before} is not a known unit type`);
        continue;
      }
      out.push({
        ...base, id: provinceId(type, m.name_before ?? ''), name: m.name_before ?? '', unit_type: type,
        code: m.code_before ?? null, valid_from: null, valid_until: DAY_BEFORE_REFORM, successor_id: newId,
        note: m.note ?? '',
      });
    }
  }
  return out;
}

function buildLocalUnits(text: string, provinces: Jurisdiction[], problems: string[]): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  for (const r of readCsv(text, LOCAL_COLUMNS, 'local-units.csv', problems)) {
    const id = r.id ?? '';
    const type = r.unit_type ?? '';
    const level = r.level as Level;
    if (!isUnitType(type)) {
      problems.push(`local-units.csv: ${id}: unit type «${type}» is not one of ${UNIT_TYPES.join(', ')}`);
      continue;
    }
    if (!['district', 'commune'].includes(level)) problems.push(`local-units.csv: ${id}: level must be district or commune`);
    if (levelOf(type) !== level) problems.push(`local-units.csv: ${id}: level ${level} does not fit unit type ${type}`);
    const from = r.valid_from || null;
    const until = r.valid_until || null;
    for (const d of [from, until]) if (d !== null && !ISO.test(d)) problems.push(`local-units.csv: ${id}: date «${d}» is not ISO`);
    // The province is the one valid while the unit existed: on its first day, else on its last.
    const on = from ?? until ?? REFORM_START;
    const province = resolveJurisdiction(provinces, { name: r.province_name ?? '', unit_type: null, on });
    if (!province) problems.push(`local-units.csv: ${id}: no province «${r.province_name}» valid on ${on}`);
    const expected = province ? `${slugVi(province.name)}.${slugVi(type)}-${slugVi(r.name ?? '')}` : id;
    if (id !== expected) problems.push(`local-units.csv: id «${id}» should be «${expected}»`);
    if (!r.source) problems.push(`local-units.csv: ${id}: source is empty; hint: name the raw text that states it`);
    out.push({
      id, name: r.name ?? '', unit_type: type, level, province_id: province?.id ?? null, code: null,
      valid_from: from, valid_until: until, successor_id: r.successor_id || null, source: r.source ?? '',
      note: r.note ?? '',
    });
  }
  return out;
}

/** All units: provinces before and after the reform, then the corpus's districts and communes. */
export function buildJurisdictions(provincesCsvText: string, localUnitsCsvText: string): {
  jurisdictions: Jurisdiction[];
  problems: string[];
} {
  const problems: string[] = [];
  const provinces = buildProvinces(provincesCsvText, problems);
  const jurisdictions = [...provinces, ...buildLocalUnits(localUnitsCsvText, provinces, problems)];
  const ids = new Set<string>();
  for (const j of jurisdictions) {
    if (ids.has(j.id)) problems.push(`jurisdictions: duplicate id ${j.id}`);
    ids.add(j.id);
  }
  for (const j of jurisdictions) {
    if (j.successor_id && !ids.has(j.successor_id)) problems.push(`jurisdictions: ${j.id}: unknown successor ${j.successor_id}`);
  }
  return { jurisdictions, problems };
}

interface Lookup { size: number; byId: Map<string, Jurisdiction>; byName: Map<string, Jurisdiction[]>; folded: Map<Jurisdiction, { name: string; type: string }> }
const LOOKUPS = new WeakMap<Jurisdiction[], Lookup>();

/** Units by id and by folded name (in list order), made once per list: every text's header asks for one. */
function lookupOf(jurisdictions: Jurisdiction[]): Lookup {
  const hit = LOOKUPS.get(jurisdictions);
  if (hit && hit.size === jurisdictions.length) return hit;
  const lookup: Lookup = { size: jurisdictions.length, byId: new Map(), byName: new Map(), folded: new Map() };
  for (const j of jurisdictions) {
    const f = { name: foldVi(j.name), type: foldVi(j.unit_type) };
    lookup.folded.set(j, f);
    lookup.byId.set(j.id, j);
    lookup.byName.set(f.name, [...(lookup.byName.get(f.name) ?? []), j]);
  }
  LOOKUPS.set(jurisdictions, lookup);
  return lookup;
}

/**
 * The unit a text names: diacritics- and case-insensitive on name (a leading type word is ignored), optionally
 * restricted to a province (by name) and to the units valid on a date. Without a date, the unit still valid today
 * wins. Null when nothing or more than one unit fits.
 */
export function resolveJurisdiction(
  jurisdictions: Jurisdiction[],
  query: { name: string; unit_type: string | null; province?: string | null; on?: string | null },
): Jurisdiction | null {
  let name = foldVi(query.name);
  const type = query.unit_type ? foldVi(query.unit_type) : null;
  if (type && name.startsWith(`${type} `)) name = name.slice(type.length + 1);
  const { byId, byName, folded } = lookupOf(jurisdictions);
  let found = (byName.get(name) ?? []).filter((j) => type === null || folded.get(j)?.type === type);
  if (query.province) {
    const p = foldVi(query.province);
    found = found.filter((j) => {
      const province = j.province_id === null ? undefined : byId.get(j.province_id);
      return province !== undefined && folded.get(province)?.name === p;
    });
  }
  if (query.on) {
    const on = query.on;
    found = found.filter((j) => isValidOn(j, on));
  } else if (found.length > 1) {
    found = found.filter((j) => j.valid_until === null);
  }
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The unit that a unit had become on a date (itself if still valid), or null where the lineage ends. */
export function successorOn(jurisdictions: Jurisdiction[], id: string, dateIso: string): Jurisdiction | null {
  const { byId } = lookupOf(jurisdictions);
  let current = byId.get(id) ?? null;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    if (isValidOn(current, dateIso)) return current;
    if (current.valid_from !== null && dateIso < current.valid_from) return null;
    seen.add(current.id);
    current = current.successor_id ? (byId.get(current.successor_id) ?? null) : null;
  }
  return null;
}
