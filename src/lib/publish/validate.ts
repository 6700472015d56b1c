/**
 * Checking rows against the declaration in schema.ts: every problem with a table's rows (unknown or missing
 * columns, types, required values, allowed values, ranges, patterns, NFC text, primary-key uniqueness) and the
 * foreign keys between tables, each as "table row N (key): what is wrong". Runs over every value of every published
 * table (twenty million at 10,000 resolutions), so the common case, a valid value, is decided without building
 * messages. Pure.
 */
import { isTableName, tableOf, TABLE_NAMES, type FieldDecl, type TableDecl } from './schema.ts';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// String.prototype.isWellFormed (ES2024) is much faster than the regex; the regex serves older engines.
const isWellFormed = (s: string): boolean => {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !LONE_SURROGATE.test(s);
};

/** True for a real calendar date written YYYY-MM-DD (proleptic Gregorian, no time zone involved). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? v.slice(0, 57) + '...' : v}'`;
  if (Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}

// Per UTF-16 unit, 1 when a text made only of such units is NFC whatever their order: below U+0300 (no combining
// marks, nothing composes), and the precomposed Vietnamese letters and the punctuation that NFC leaves as they are.
// 0 unknown, 2 not known safe (the text is then normalised to compare). Normalising every value took a tenth of
// writing 10,000 resolutions.
const NFC_SAFE = new Uint8Array(0x10000);
function isNfc(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300) continue;
    let k = NFC_SAFE[c] ?? 2;
    if (k === 0) {
      const ch = String.fromCharCode(c);
      const range = (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x205e) || (c >= 0x20a0 && c <= 0x20c0);
      NFC_SAFE[c] = k = range && ch.normalize('NFC') === ch ? 1 : 2;
    }
    if (k !== 1) return s === s.normalize('NFC');
  }
  return true;
}

/** Control characters that never reach a published cell (a NUL, a bell, C1 controls); line breaks (LF, CR) and tabs may. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function stringProblem(s: string, what: string): string | null {
  if (s === '') return `${what} is an empty string; write null when there is no value`;
  if (!isWellFormed(s)) return `${what} contains a lone surrogate (malformed Unicode)`;
  if (!isNfc(s)) return `${what} is not NFC-normalised; normalise text at the boundary`;
  if (CONTROL.test(s)) return `${what} contains a control character (U+${(s.match(CONTROL)?.[0] ?? '').charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}); only line breaks (LF, CR) and tabs may appear in text`;
  return null;
}

const PATTERNS = new Map<string, RegExp>();
function patternOf(pattern: string): RegExp {
  let re = PATTERNS.get(pattern);
  if (!re) PATTERNS.set(pattern, (re = new RegExp(`^(?:${pattern})$`, 'u')));
  return re;
}

const NONE: readonly string[] = Object.freeze([]);

/** Problems with one non-null value of a field, as message tails ("x must be …, found …"). */
function valueProblems(f: FieldDecl, v: unknown): readonly string[] {
  const n = f.name;
  switch (f.type) {
    case 'string':
    case 'date': {
      if (typeof v !== 'string') return [`${n} must be a ${f.type === 'date' ? 'date string' : 'string'}, found ${typeof v} ${show(v)}`];
      const p = stringProblem(v, n);
      if (p) return [p];
      if (f.type === 'date' && !isIsoDate(v)) return [`${n} must be an ISO date YYYY-MM-DD, found ${show(v)}`];
      if (f.enum && !f.enum.includes(v)) return [`${n} must be one of ${f.enum.join('|')}, found ${show(v)}`];
      if (f.pattern && !patternOf(f.pattern).test(v)) return [`${n} must match /${f.pattern}/, found ${show(v)}`];
      return NONE;
    }
    case 'integer':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return [`${n} must be a finite number, found ${typeof v} ${show(v)}`];
      if (f.type === 'integer' && (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX))
        return [`${n} must be a 32-bit integer, found ${show(v)}`];
      if (f.minimum !== undefined && v < f.minimum) return [`${n} must be at least ${f.minimum}, found ${show(v)}`];
      if (f.maximum !== undefined && v > f.maximum) return [`${n} must be at most ${f.maximum}, found ${show(v)}`];
      return NONE;
    }
    case 'boolean':
      return typeof v === 'boolean' ? NONE : [`${n} must be true or false, found ${typeof v} ${show(v)}`];
    case 'string[]': {
      if (!Array.isArray(v)) return [`${n} must be a list of strings, found ${typeof v} ${show(v)}`];
      const out: string[] = [];
      v.forEach((item: unknown, i) => {
        const what = `${n}[${i}]`;
        if (typeof item !== 'string') return void out.push(`${what} must be a string, found ${typeof item} ${show(item)}`);
        const p = stringProblem(item, what);
        if (p) return void out.push(p);
        if (item.includes(';') || item !== item.trim())
          return void out.push(`${what} must have no ';' and no surrounding white space, found ${show(item)}`);
        if (f.enum && !f.enum.includes(item)) out.push(`${what} must be one of ${f.enum.join('|')}, found ${show(item)}`);
        else if (f.pattern && !patternOf(f.pattern).test(item))
          out.push(`${what} must match /${f.pattern}/, found ${show(item)}`);
      });
      return out;
    }
  }
}

function keyLabel(t: TableDecl, row: Record<string, unknown>): string {
  return t.primaryKey.map((k) => `${k}=${row[k] === undefined ? '?' : String(row[k])}`).join(', ');
}

/** "resolutions row 3 (id=…)": where a problem is, rows counted from 1. */
function label(t: TableDecl, index: number, row: Record<string, unknown>): string {
  return `${t.name} row ${index + 1} (${keyLabel(t, row)})`;
}

/** A row's primary key as one string (the values as text, joined by U+001F). */
const pkKey = (t: TableDecl, row: Record<string, unknown>): string =>
  t.primaryKey.length === 1 ? String(row[t.primaryKey[0] ?? '']) : t.primaryKey.map((k) => String(row[k])).join('\u001f');

/** Order of two rows by primary key: numbers by value, anything else by its text in code-unit order (as pkKey sees it). */
function comparePk(key: readonly string[], a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const k of key) {
    const x = a[k];
    const y = b[k];
    if (typeof x === 'number' && typeof y === 'number' && !Number.isNaN(x) && !Number.isNaN(y)) {
      if (x !== y) return x < y ? -1 : 1;
      continue;
    }
    const sx = String(x);
    const sy = String(y);
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return 0;
}

/**
 * Problems with a table's rows: unknown or missing columns, types, required values, allowed values, ranges,
 * patterns and primary-key uniqueness. Rows are numbered from 1. An empty list means the rows are valid.
 */
export function validateRows(tableName: string, rows: readonly unknown[]): string[] {
  if (!isTableName(tableName)) return [`unknown table '${tableName}'; declared tables: ${TABLE_NAMES.join(', ')}`];
  const t = tableOf(tableName);
  const problems: string[] = [];
  const declared = new Set(t.fields.map((f) => f.name));
  const seen = new Map<string, number>();
  let ascending = true;
  let previous: { row: Record<string, unknown>; index: number } | null = null;
  rows.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${t.name} row ${i + 1}: must be an object with the declared columns, found ${show(raw)}`);
      return;
    }
    const row = raw as Record<string, unknown>;
    // Labels are built only for problems: validation runs over every row of every published table.
    let present = 0;
    for (const f of t.fields) {
      const v = row[f.name];
      if (v === undefined) problems.push(`${label(t, i, row)}: column ${f.name} is missing; write null when there is no value`);
      else {
        present++;
        if (v === null) {
          if (f.required) problems.push(`${label(t, i, row)}: ${f.name} is required, found null`);
        } else {
          // Messages are built only for a value that is wrong: valueProblems returns NONE otherwise.
          for (const p of valueProblems(f, v)) problems.push(`${label(t, i, row)}: ${p}`);
        }
      }
    }
    if (Object.keys(row).length !== present) {
      for (const k of Object.keys(row)) {
        if (!declared.has(k)) problems.push(`${label(t, i, row)}: unknown column '${k}'; declared columns: ${[...declared].join(', ')}`);
      }
    }
    // While rows come in ascending key order (as published files are), each key only needs comparing with the last;
    // from the first row out of order on, keys are remembered (a million keys in a Map cost more than the rest).
    let c = -1;
    if (ascending && previous !== null) {
      c = comparePk(t.primaryKey, previous.row, row);
      if (c === 0) problems.push(`${label(t, i, row)}: duplicate primary key (${t.primaryKey.join(', ')}), first seen in row ${previous.index + 1}`);
      if (c > 0) {
        ascending = false;
        rows.slice(0, i).forEach((r, j) => {
          if (typeof r === 'object' && r !== null && !Array.isArray(r)) {
            const k = pkKey(t, r as Record<string, unknown>);
            if (!seen.has(k)) seen.set(k, j + 1);
          }
        });
      }
    }
    if (!ascending) {
      const key = pkKey(t, row);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i + 1);
      else problems.push(`${label(t, i, row)}: duplicate primary key (${t.primaryKey.join(', ')}), first seen in row ${first}`);
    }
    // A duplicate keeps the first row as the one later rows are compared with.
    if (ascending && c < 0) previous = { row, index: i };
  });
  return problems;
}

/** A foreign key's values as one string: a single string as itself (after a NUL, which JSON never starts with), else JSON. */
const fkKey = (vals: unknown[]): string => (vals.length === 1 && typeof vals[0] === 'string' ? `\u0000${vals[0]}` : JSON.stringify(vals));

/**
 * validateRows for every table given, then foreign keys between them. A reference into a table that is not among
 * the given ones is not checked (so a subset of tables can be validated on its own); null references are allowed.
 */
export function validateTables(tables: Readonly<Record<string, readonly unknown[] | undefined>>): string[] {
  const problems: string[] = [];
  for (const [name, rows] of Object.entries(tables)) if (rows) problems.push(...validateRows(name, rows));
  for (const [name, rows] of Object.entries(tables)) {
    if (!isTableName(name) || !rows) continue;
    const t = tableOf(name);
    for (const fk of t.foreignKeys) {
      const target = tables[fk.table];
      if (!target) continue;
      const keys = new Set(target.map((r) => fkKey(fk.references.map((k) => (r as Record<string, unknown>)[k] ?? null))));
      rows.forEach((r, i) => {
        const row = r as Record<string, unknown>;
        const vals = fk.fields.map((k) => row[k] ?? null);
        if (vals.some((v) => v === null)) return;
        if (!keys.has(fkKey(vals)))
          problems.push(`${t.name} row ${i + 1} (${keyLabel(t, row)}): ${fk.fields.join(', ')} = ${vals.join(', ')} has no match in ${fk.table} (${fk.references.join(', ')})`);
      });
    }
  }
  return problems;
}
