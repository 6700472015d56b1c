/**
 * Package metadata derived from schema.ts: the tables published, their file paths, sizes and hashes, and a list of
 * sources → a Frictionless Data Package (v1) object, each table as a CSV resource (named like the table, profile
 * tabular-data-resource) and a Parquet resource (named "<table>-parquet"), with field types, descriptions, examples,
 * constraints, primary and foreign keys; the raw source files (under raw/, each with its SHA-256) as plain
 * resources; and the data dictionary rows the /data/ page shows. Version, "created" (the release's date, never the
 * build's, so the same inputs give the same bytes), publisher, homepage and citation come from release.ts and the
 * site's address (stableJson writes keys sorted, 2-space indented, with a final newline). Data is licensed CC BY
 * 4.0; the code is MIT, which the package description says.
 */
import { formatCell, LIST_SEPARATOR } from './csv.ts';
import { CSV_NEWLINE } from './csv-text.ts';
import { TABLE_NAMES, tableOf, type FieldDecl, type FieldType, type TableName } from './schema.ts';
import { DATASET_TITLE, LICENCE, PUBLISHER, RELEASES, citationText } from './release.ts';

export interface TableFiles {
  /** Paths relative to datapackage.json, with "/" separators. */
  csv: string;
  parquet: string;
  csvBytes?: number;
  csvSha256?: string;
  parquetBytes?: number;
  parquetSha256?: string;
}

export interface PackageSource {
  title: string;
  path?: string;
}

/** A raw source file published under raw/ beside datapackage.json. */
export interface RawResource {
  /** Resource name: "raw-<resolution id>", or "raw-<resolution id>-original" for an original PDF/.doc/.docx. */
  name: string;
  /** Path relative to datapackage.json ("raw/<file>"). */
  path: string;
  bytes: number;
  sha256: string;
  mediatype: string;
  title: string;
}

export interface DataPackageInput {
  version: string;
  /** The site's canonical address (astro.config.mjs `site`): homepage and citation; left out when not given. */
  site?: string | null;
  /** The raw source files published under raw/. */
  raw?: readonly RawResource[];
  tables: readonly TableName[];
  files: Partial<Record<TableName, TableFiles>>;
  /** Where the data comes from: the raw texts, the reference lists. */
  sources: readonly PackageSource[];
}

export interface DictionaryRow {
  table: TableName;
  column: string;
  type: FieldType;
  description: string;
  /** The example in its CSV form. */
  example: string;
  required: boolean;
  /** Allowed values joined with " | ", or null when any value of the type is allowed. */
  allowed: string | null;
}

export const PACKAGE_NAME = 'dan-chu-co-so';
export const PACKAGE_TITLE = `${DATASET_TITLE.vi} / ${DATASET_TITLE.en}`;
const PACKAGE_DESCRIPTION =
  'Resolutions of Vietnamese People\'s Councils deciding measures to ensure grassroots democracy (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 85–86), read into tidy tables: provisions, measures, objectives, funding, supervision, legal bases, corrections and text reuse. Data: CC BY 4.0. Code: MIT. The source texts are legal documents, not protected by copyright in Vietnam (Luật Sở hữu trí tuệ, Điều 15).';
export const DATA_LICENSE = {
  name: LICENCE.id,
  path: LICENCE.url,
  title: 'Creative Commons Attribution 4.0 International',
} as const;

const LIST_NOTE = `In CSV the items are joined with '${LIST_SEPARATOR}' (an empty cell is an empty list); in Parquet it is a list of strings.`;

/** A field's description as published: the declared sentence, plus how a list is written for list fields. */
function publishedDescription(field: FieldDecl): string {
  return field.type === 'string[]' ? `${field.description} ${LIST_NOTE}` : field.description;
}

function frictionlessType(type: FieldType, format: 'csv' | 'parquet'): string {
  if (type === 'string[]') return format === 'csv' ? 'string' : 'array';
  return type;
}

function fieldSchema(f: FieldDecl, format: 'csv' | 'parquet', unique: boolean): Record<string, unknown> {
  const constraints: Record<string, unknown> = { required: f.required };
  if (unique) constraints.unique = true;
  // Value constraints of a list apply to its items, which Table Schema v1 cannot say; the description does.
  if (f.type !== 'string[]') {
    if (f.enum) constraints.enum = [...f.enum];
    if (f.pattern) constraints.pattern = f.pattern;
    if (f.minimum !== undefined) constraints.minimum = f.minimum;
    if (f.maximum !== undefined) constraints.maximum = f.maximum;
  }
  return {
    name: f.name,
    type: frictionlessType(f.type, format),
    description: publishedDescription(f),
    example: formatCell(f, f.example),
    constraints,
  };
}

/** Table Schema of a table for one of its formats; foreign keys only into tables that are in the package. */
function tableSchema(name: TableName, format: 'csv' | 'parquet', inPackage: readonly TableName[] = TABLE_NAMES): Record<string, unknown> {
  const t = tableOf(name);
  const resourceName = (n: string) => (n === name ? '' : format === 'csv' ? n : `${n}-parquet`);
  const foreignKeys = t.foreignKeys
    .filter((fk) => (inPackage as readonly string[]).includes(fk.table))
    .map((fk) => ({ fields: [...fk.fields], reference: { resource: resourceName(fk.table), fields: [...fk.references] } }));
  const schema: Record<string, unknown> = {
    fields: t.fields.map((f) => fieldSchema(f, format, t.primaryKey.length === 1 && t.primaryKey[0] === f.name)),
    primaryKey: [...t.primaryKey],
    missingValues: [''],
  };
  if (foreignKeys.length) schema.foreignKeys = foreignKeys;
  return schema;
}

function fileFacts(bytes: number | undefined, sha256: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (bytes !== undefined) out.bytes = bytes;
  if (sha256 !== undefined) out.hash = `sha256:${sha256}`;
  return out;
}

/** The datapackage.json object for the given tables (in declaration order, whatever order they come in). */
export function toDataPackage(input: DataPackageInput): Record<string, unknown> {
  const names = TABLE_NAMES.filter((n) => input.tables.includes(n));
  const unknown = input.tables.filter((n) => !(TABLE_NAMES as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`toDataPackage: unknown table(s) ${unknown.join(', ')}`);
  const resources: Record<string, unknown>[] = [];
  for (const name of names) {
    const t = tableOf(name);
    const files = input.files[name];
    if (!files) throw new Error(`toDataPackage: no files given for table ${name}; hint: pass files.${name} = {csv, parquet}`);
    const common = { title: t.title, title_vi: t.title_vi, description: t.description };
    resources.push({
      name,
      ...common,
      profile: 'tabular-data-resource',
      path: files.csv,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: CSV_NEWLINE, quoteChar: '"' },
      ...fileFacts(files.csvBytes, files.csvSha256),
      schema: tableSchema(name, 'csv', names),
    });
    resources.push({
      name: `${name}-parquet`,
      ...common,
      path: files.parquet,
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...fileFacts(files.parquetBytes, files.parquetSha256),
      schema: tableSchema(name, 'parquet', names),
    });
  }
  for (const r of input.raw ?? []) {
    resources.push({ name: r.name, title: r.title, path: r.path, mediatype: r.mediatype, bytes: r.bytes, hash: `sha256:${r.sha256}` });
  }
  // "created" is the release's date (never the build's); a version not (yet) released has none.
  const release = RELEASES.find((r) => r.version === input.version);
  const site = input.site ?? null;
  return {
    profile: 'data-package',
    name: PACKAGE_NAME,
    title: PACKAGE_TITLE,
    description: PACKAGE_DESCRIPTION,
    version: input.version,
    ...(release ? { created: `${release.date}T00:00:00Z` } : {}),
    contributors: [{ title: PUBLISHER.name_en, role: 'publisher', ...(site ? { path: site } : {}) }],
    ...(site ? { homepage: site } : {}),
    ...(release ? { citation: citationText('en', site, { version: release.version }) } : {}),
    licenses: [{ ...DATA_LICENSE }],
    sources: input.sources.map((s) => ({ ...s })),
    keywords: ['grassroots democracy', 'dân chủ ở cơ sở', 'People\'s Council', 'Hội đồng nhân dân', 'Vietnam', 'legal texts'],
    resources,
  };
}

/** Data dictionary rows: one per column of each table, in declared order. */
export function dataDictionary(tables: readonly TableName[] = TABLE_NAMES): DictionaryRow[] {
  return tables.flatMap((name) =>
    tableOf(name).fields.map((f) => ({
      table: name,
      column: f.name,
      type: f.type,
      description: publishedDescription(f),
      example: formatCell(f, f.example),
      required: f.required,
      allowed: f.enum ? f.enum.join(' | ') : null,
    })),
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sortKeys(obj[k])]));
  }
  return value;
}

/** JSON with object keys sorted at every depth, 2-space indentation and a final newline: same value, same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}
