/**
 * The one declaration of every published table: each column's name, type, description, example, whether it is
 * required and which values it allows; each table's titles (English and Vietnamese), primary key and foreign keys.
 * From it come the TypeScript row types (`RowOf<'resolutions'>`), row validation in validate.ts (`validateRows`,
 * `validateTables` → readable problems, never a throw), and, in csv.ts and datapackage.ts, the CSV/Parquet layout,
 * datapackage.json and the data dictionary. This file is longer than 400 lines because it is that one declaration
 * (about 450 of its lines are the twelve tables' columns): splitting the tables over several files would only
 * scatter the contract.
 *
 * Conventions every table keeps (validateRows enforces them):
 * - No empty strings: a missing value is null, because CSV cannot tell "" from null.
 * - Strings are NFC and well-formed Unicode; dates are ISO civil dates (YYYY-MM-DD, no time zone).
 * - 'integer' fits in 32 bits: Parquet stores it as INT32, which hyparquet reads as a JS number (INT64 would come
 *   back as bigint and break JSON and arithmetic in the browser).
 * - 'string[]' is a list of short codes: a ';'-joined cell in CSV ("M1;M5", empty when the list is empty) and a
 *   LIST<VARCHAR> in Parquet. It is always required (an empty list means none), and its items are non-empty, contain
 *   no ';' and have no surrounding white space, so the CSV form parses back to the same list.
 */
import { LEVELS } from '../reference/vocabulary.ts';
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'string[]';

export interface FieldDecl {
  readonly name: string;
  readonly type: FieldType;
  /** One English sentence: what the value is, its unit, and what null means. */
  readonly description: string;
  readonly example: string | number | boolean | readonly string[];
  readonly required: boolean;
  /** Allowed values (for 'string[]', allowed items). */
  readonly enum?: readonly string[];
  /** Regular expression the whole value (each item of a list) must match. */
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface ForeignKeyDecl {
  readonly fields: readonly string[];
  /** Referenced table (may be the table itself) and its key fields, in the same order. */
  readonly table: string;
  readonly references: readonly string[];
}

export interface TableDecl {
  readonly name: string;
  readonly title: string;
  readonly title_vi: string;
  readonly description: string;
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKeyDecl[];
  readonly fields: readonly FieldDecl[];
}

const SLUG = '[a-z0-9]+(-[a-z0-9]+)*';
/** Unit words as printed; 'thành phố' is a centrally-run city or a city under a province, told apart by level. */
const UNIT_TYPES = ['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu'] as const;

const RESOLUTION_ID = {
  name: 'resolution_id', type: 'string', required: true, example: 'lang-son-08-2024-nq-hdnd', pattern: SLUG,
  description: 'Identifier of the resolution (resolutions.id).',
} as const;
const PROVISION_ID = {
  name: 'provision_id', type: 'string', required: true, example: 'dieu-4.khoan-2.diem-b',
  description: 'Identifier of the provision within its resolution (provisions.provision_id).',
} as const;
const OFFSET_NOTE = 'in the raw file decoded from UTF-8, counted in JavaScript string indices (UTF-16 code units)';
const TO_RESOLUTION = { fields: ['resolution_id'], table: 'resolutions', references: ['id'] } as const;
const TO_PROVISION = {
  fields: ['resolution_id', 'provision_id'], table: 'provisions', references: ['resolution_id', 'provision_id'],
} as const;

export const TABLES = [
  {
    name: 'resolutions',
    title: 'Resolutions',
    title_vi: 'Nghị quyết',
    description: 'One row per People\'s Council resolution on measures to ensure grassroots democracy, with its metadata, provenance and counts of what its available text contains.',
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['jurisdiction_id'], table: 'jurisdictions', references: ['id'] }],
    fields: [
      { name: 'id', type: 'string', required: true, example: 'lang-son-08-2024-nq-hdnd', pattern: SLUG,
        description: 'Stable identifier: an ASCII slug of the jurisdiction, number and year, also the raw file\'s stem and the page address.' },
      { name: 'number', type: 'string', required: false, example: '08/2024/NQ-HĐND',
        description: 'Official number as printed (08/2024/NQ-HĐND for a normative resolution, 99/NQ-HĐND for an individual one); null when the available copy does not print it.' },
      { name: 'title', type: 'string', required: true, example: 'Quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Lạng Sơn',
        description: 'Title (trích yếu) as printed, on one line.' },
      { name: 'council', type: 'string', required: true, example: 'Hội đồng nhân dân tỉnh Lạng Sơn',
        description: 'Issuing People\'s Council, named in full.' },
      { name: 'jurisdiction', type: 'string', required: true, example: 'Lạng Sơn',
        description: 'Name of the administrative unit the council serves, without its unit word, as it was on the resolution\'s date.' },
      { name: 'jurisdiction_id', type: 'string', required: true, example: 'tinh-lang-son',
        description: 'Identifier of that unit (jurisdictions.id).' },
      { name: 'level', type: 'string', required: true, example: 'province', enum: LEVELS,
        description: 'Tier of the council: province, district or commune (wards and townships are commune level).' },
      { name: 'unit_type', type: 'string', required: true, example: 'tỉnh', enum: UNIT_TYPES,
        description: 'Kind of unit in its Vietnamese word (tỉnh province, thành phố city, huyện rural district, quận urban district, thị xã town, xã commune, phường ward, thị trấn township, đặc khu special zone); level tells a centrally-run city from a city under a province.' },
      { name: 'province', type: 'string', required: true, example: 'Lạng Sơn',
        description: 'Province-level unit the jurisdiction belonged to on the resolution\'s date (the jurisdiction itself for a province).' },
      { name: 'province_after_2025', type: 'string', required: false, example: 'Lạng Sơn',
        description: 'Province-level unit that covers the area from 1 July 2025 (the 2025 reform), equal to province when unchanged; null when the area was divided or is not known.' },
      { name: 'signed_on', type: 'date', required: false, example: '2024-07-23',
        description: 'Date printed in the header beside the place name, which is the signing date; null when the copy does not print it.' },
      { name: 'adopted_on', type: 'date', required: false, example: '2024-07-23',
        description: 'Date the council adopted the resolution, from the closing formula (thông qua ngày …) or the catalogue; null when not stated.' },
      { name: 'effective_on', type: 'date', required: false, example: '2024-08-05',
        description: 'Date the resolution entered into force, as stated or as implied by effective_rule; null when unknown.' },
      { name: 'effective_rule', type: 'string', required: false, example: 'date', enum: ['date', 'on_adoption', 'on_signing'],
        description: 'How entry into force is stated: a fixed date, from adoption or from signing; null when the text does not say.' },
      { name: 'effective_source', type: 'string', required: false, example: 'text', enum: ['text', 'catalogue'],
        description: 'Where effective_on comes from: the resolution\'s own text or the publisher\'s catalogue details; null when effective_on is null.' },
      { name: 'signer', type: 'string', required: false, example: 'Đoàn Thị Hậu',
        description: 'Name of the person who signed for the council, as printed; null when the copy does not show it.' },
      { name: 'signer_title', type: 'string', required: false, example: 'Chủ tịch',
        description: 'Signer\'s title as printed (Chủ tịch, Phó Chủ tịch), without the KT. prefix; null when not shown.' },
      { name: 'term', type: 'string', required: false, example: 'XVII',
        description: 'Council term (khóa) in Roman numerals as printed; null when not printed.' },
      { name: 'session', type: 'integer', required: false, example: 27, minimum: 1,
        description: 'Session number within the term (kỳ họp thứ …, numerals or words read as a number); null when not printed.' },
      { name: 'session_kind', type: 'string', required: false, example: 'regular', enum: ['regular', 'thematic'],
        description: 'Regular session or thematic session (chuyên đề); null when not printed.' },
      { name: 'completeness', type: 'string', required: true, example: 'full', enum: ['full', 'partial', 'metadata-only'],
        description: 'How much of the text the raw source holds: the full text, an opening only, or catalogue details only; counts below cover only what is held.' },
      { name: 'reviewed', type: 'boolean', required: true, example: true,
        description: 'Whether a person has checked every metadata value against the source text (false: pre-filled from the parser by npm run add, or read by the parser alone, and not yet reviewed; each value still quotes its evidence).' },
      { name: 'source_url', type: 'string', required: false, example: 'https://vbpl.vn/langson/Pages/vbpq-toanvan.aspx?ItemID=170000', pattern: 'https?://[^\\s/?#]+\\S*',
        description: 'Address the raw copy was taken from (http or https only); null when the copy came without one.' },
      { name: 'raw_file', type: 'string', required: true, example: 'lang-son-08-2024-nq-hdnd.txt',
        description: 'File name of the raw source, byte for byte as received, under data/raw/.' },
      { name: 'raw_sha256', type: 'string', required: true, pattern: '[0-9a-f]{64}',
        example: '9e30b3207bded9e50bd4dc5c93f31e65a48902098e2e2a9db776526609426dd3',
        description: 'SHA-256 of the raw file\'s bytes, in lower-case hex.' },
      { name: 'n_provisions', type: 'integer', required: true, example: 61, minimum: 0,
        description: 'Number of rows in provisions for this resolution (articles, clauses and points).' },
      { name: 'n_legal_bases', type: 'integer', required: false, example: 5, minimum: 0,
        description: 'Number of documents cited as legal bases (rows in legal_bases); null when the legal bases are not held (catalogue details only).' },
      { name: 'n_corrections', type: 'integer', required: true, example: 3, minimum: 0,
        description: 'Number of reviewed corrections applied to the raw text (rows in corrections).' },
      { name: 'n_measures', type: 'integer', required: false, example: 7, minimum: 0,
        description: 'Number of distinct measure codes (M1–M5, X1, X2) the full text supports; null when the copy is not full (the measures of the rest are unknown; provisions.measures shows what the held part carries).' },
      { name: 'n_objectives', type: 'integer', required: false, example: 5, minimum: 0,
        description: 'Number of numeric targets in the full text (rows in objectives); null when the copy is not full.' },
      { name: 'has_funding_clause', type: 'boolean', required: false, example: true,
        description: 'True when the text has a funding provision (kinh phí); false when a full text has none; null when the copy is not full and none was found.' },
      { name: 'has_supervision_clause', type: 'boolean', required: false, example: true,
        description: 'True when the text assigns supervision of its implementation (giám sát); false when a full text does not; null when the copy is not full and none was found.' },
      { name: 'issues', type: 'string[]', required: true, example: ['duplicate_label', 'struck_text'], pattern: '[a-z][a-z0-9_-]*',
        description: 'Diagnostic codes raised while reading the text, in order; empty when none.' },
    ],
  },
  {
    name: 'provisions',
    title: 'Provisions',
    title_vi: 'Điều, khoản, điểm',
    description: 'One row per article, clause and point of a resolution\'s decision part, in document order, with its reading text and where it sits in the raw source.',
    primaryKey: ['resolution_id', 'provision_id'],
    foreignKeys: [
      TO_RESOLUTION,
      { fields: ['resolution_id', 'parent_id'], table: 'provisions', references: ['resolution_id', 'provision_id'] },
    ],
    fields: [
      RESOLUTION_ID,
      { name: 'provision_id', type: 'string', required: true, example: 'dieu-4.khoan-1.diem-a',
        description: 'Readable identifier, stable across rebuilds: article, clause and point labels joined with dots.' },
      { name: 'ord', type: 'integer', required: true, example: 12, minimum: 1,
        description: 'Position in the document, counting from 1.' },
      { name: 'article', type: 'integer', required: true, example: 4, minimum: 1,
        description: 'Article number (Điều).' },
      { name: 'clause', type: 'string', required: false, example: '1',
        description: 'Clause label as printed without its final dot ("1", "2.1"); null for an article.' },
      { name: 'point', type: 'string', required: false, example: 'a',
        description: 'Point letter as printed, after corrections ("a", "đ"); null for an article or clause.' },
      { name: 'parent_id', type: 'string', required: false, example: 'dieu-4.khoan-1',
        description: 'provision_id of the enclosing article or clause; null for an article.' },
      { name: 'depth', type: 'integer', required: true, example: 3, minimum: 1, maximum: 3,
        description: 'Level in the structure: 1 article, 2 clause, 3 point.' },
      { name: 'heading', type: 'string', required: false, example: 'Các biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
        description: 'Heading words of an article, or the lead words of a clause that introduces points; null when there are none.' },
      { name: 'text', type: 'string', required: false,
        example: 'Thực hiện tốt công tác giáo dục chính trị, tư tưởng, nâng cao năng lực, phẩm chất đạo đức, kỹ năng nghề nghiệp cho cán bộ, công chức, viên chức, người lao động phát huy dân chủ trong thực hiện nhiệm vụ được phân công;',
        description: 'The provision\'s own words without its label or sub-provisions: NFC, lines unwrapped, markdown marks and struck text removed, corrections applied; null when it has none beyond its heading.' },
      { name: 'struck_text', type: 'string', required: false, example: 'Ban Thanh tra nhân dân',
        description: 'Text printed struck through in the source (~~…~~), kept apart and not analysed; null when none.' },
      { name: 'start', type: 'integer', required: true, example: 5004, minimum: 0,
        description: `Offset of the provision's first character ${OFFSET_NOTE}.` },
      { name: 'end', type: 'integer', required: true, example: 5224, minimum: 0,
        description: `Offset just after the provision's last character (sub-provisions included) ${OFFSET_NOTE}; quote it as "end" in SQL.` },
      { name: 'n_chars', type: 'integer', required: true, example: 217, minimum: 0,
        description: 'Length of text in characters (UTF-16 code units), 0 when text is null.' },
      { name: 'measures', type: 'string[]', required: true, example: ['M1'],
        description: 'Measure codes of the provision (taxonomy.code, details in provision_measures), in taxonomy order. Where data/curated/annotations.csv reviews the provision the reviewed answer wins: a provision without sub-provisions shows the reviewer\'s codes; one with sub-provisions (reviewed as the union of its parts) shows the rules\' codes the reviewer confirmed. A rejected code is never here. Elsewhere the rules\' codes; empty when none.' },
      { name: 'placed_under', type: 'string[]', required: true, example: ['M3'],
        description: 'Measure codes of the nearest enclosing article or clause that has any: the measure heading the provision sits under. A place, not a finding: the provision\'s own codes are in measures. Empty when none.' },
    ],
  },
  {
    name: 'legal_bases',
    title: 'Legal bases',
    title_vi: 'Căn cứ pháp lý',
    description: 'One row per document a resolution cites as its legal basis (Căn cứ …), in the order printed.',
    primaryKey: ['resolution_id', 'ord'],
    foreignKeys: [TO_RESOLUTION],
    fields: [
      RESOLUTION_ID,
      { name: 'ord', type: 'integer', required: true, example: 3, minimum: 1,
        description: 'Position among the resolution\'s legal bases, counting from 1.' },
      { name: 'kind', type: 'string', required: true, example: 'nghi-dinh',
        enum: ['luat', 'nghi-dinh', 'quyet-dinh', 'nghi-quyet', 'thong-tu', 'phap-lenh', 'hien-phap', 'other'],
        description: 'Kind of document: law, decree, decision, resolution, circular, ordinance, constitution or other.' },
      { name: 'number', type: 'string', required: false, example: '59/2023/NĐ-CP',
        description: 'Official number as printed, spaces removed; null when cited by name only, as laws often are.' },
      { name: 'date_on', type: 'date', required: false, example: '2023-08-14',
        description: 'Date of the cited document as printed; null when not printed.' },
      { name: 'title', type: 'string', required: false, example: 'quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
        description: 'Title words of the cited document as printed; null when none are printed.' },
      { name: 'issuer', type: 'string', required: false, example: 'Chính phủ',
        description: 'Issuing body as printed; null when not printed (for a law, the National Assembly is implied but not filled in).' },
      { name: 'ref', type: 'string', required: false, example: '59-2023-nd-cp',
        description: 'Identifier of the document in the project\'s legal-documents register; null when it is not in the register.' },
      { name: 'is_superseded', type: 'boolean', required: false, example: false,
        description: 'Whether the cited document had been replaced on the resolution\'s date; null when the register does not say.' },
      { name: 'superseded_by', type: 'string', required: false, example: '72-2025-qh15',
        description: 'Register identifier of the document that replaced it; null when not superseded or not known.' },
      { name: 'citation', type: 'string', required: true,
        example: 'Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
        description: 'The citation as printed, lines unwrapped.' },
    ],
  },
  {
    name: 'corrections',
    title: 'Corrections',
    title_vi: 'Đính chính văn bản nguồn',
    description: 'One row per reviewed change applied to a raw text before reading it (conversion noise such as OCR errors, stamp text or a misprinted point label), with its reason.',
    primaryKey: ['resolution_id', 'correction_id'],
    foreignKeys: [TO_RESOLUTION],
    fields: [
      RESOLUTION_ID,
      { name: 'correction_id', type: 'string', required: true, example: 'c03',
        description: 'Identifier of the correction in the resolution\'s curated file (data/curated/).' },
      { name: 'kind', type: 'string', required: true, example: 'ocr', enum: ['ocr', 'label', 'misread', 'stamp', 'layout'],
        description: 'Kind of noise: OCR error, wrong structure label, misread word, stamp or registry text, layout debris.' },
      { name: 'before', type: 'string', required: true, example: 'Üy ban',
        description: 'The text as it stands in the raw file.' },
      { name: 'after', type: 'string', required: false, example: 'Ủy ban',
        description: 'The text used instead; null when the correction deletes the text.' },
      { name: 'reason', type: 'string', required: true, example: 'OCR read Ủ as Ü',
        description: 'Why the change is right, as written by the reviewer.' },
      { name: 'start', type: 'integer', required: true, example: 1204, minimum: 0,
        description: `Offset of the first character of before ${OFFSET_NOTE}.` },
      { name: 'end', type: 'integer', required: true, example: 1210, minimum: 0,
        description: `Offset just after the last character of before ${OFFSET_NOTE}; quote it as "end" in SQL.` },
    ],
  },
  {
    name: 'jurisdictions',
    title: 'Jurisdictions',
    title_vi: 'Đơn vị hành chính',
    description: 'Administrative units whose councils issued resolutions, with the provinces above them and their lineage through the 2025 reform.',
    primaryKey: ['id'],
    foreignKeys: [
      { fields: ['province_id'], table: 'jurisdictions', references: ['id'] },
      { fields: ['successor_id'], table: 'jurisdictions', references: ['id'] },
    ],
    fields: [
      { name: 'id', type: 'string', required: true, example: 'tinh-lang-son',
        description: 'Stable ASCII identifier: unit word and name as a slug, prefixed by the province\'s for units below it (an-giang.huyen-an-phu) and suffixed -2025 for a unit formed in the 2025 reform that reuses an old name.' },
      { name: 'name', type: 'string', required: true, example: 'Lạng Sơn',
        description: 'Name without the unit word.' },
      { name: 'unit_type', type: 'string', required: true, example: 'tỉnh', enum: UNIT_TYPES,
        description: 'Kind of unit in its Vietnamese word, as in resolutions.unit_type.' },
      { name: 'level', type: 'string', required: true, example: 'province', enum: LEVELS,
        description: 'Tier: province, district or commune.' },
      { name: 'province_id', type: 'string', required: false, example: 'tinh-an-giang',
        description: 'Identifier of the province-level unit a district or commune belongs to; null for a province-level unit.' },
      { name: 'code', type: 'string', required: false, example: '20',
        description: 'Official administrative unit code (2 digits for a province, 3 for a district, 5 for a commune); null when not known.' },
      { name: 'valid_from', type: 'date', required: false, example: '2025-07-01',
        description: 'First day the unit existed in this form; null when that is before the period the data covers.' },
      { name: 'valid_until', type: 'date', required: false, example: '2025-06-30',
        description: 'Last day the unit existed in this form (2025-06-30 for units merged or abolished by the 2025 reform); null while it exists.' },
      { name: 'successor_id', type: 'string', required: false, example: 'tinh-an-giang-2025',
        description: 'Identifier of the unit that took over its area the next day; null while it exists or when there is no single successor.' },
      { name: 'source', type: 'string', required: true, example: 'data/reference/sources/provinces-2025.csv',
        description: 'Where the facts come from: a reference file, a legal document number or a resolution id.' },
      { name: 'note', type: 'string', required: false, example: 'Merged with Kiên Giang under Nghị quyết 202/2025/QH15.',
        description: 'Anything a reader needs to interpret the row; null when nothing.' },
    ],
  },
  {
    name: 'taxonomy',
    title: 'Measure taxonomy',
    title_vi: 'Danh mục biện pháp',
    description: 'The measures of Luật 10/2022/QH15 Điều 8 (M1–M5), those councils added (X1, X2) and the finer practices coded beneath them.',
    primaryKey: ['code'],
    foreignKeys: [{ fields: ['parent_code'], table: 'taxonomy', references: ['code'] }],
    fields: [
      { name: 'code', type: 'string', required: true, example: 'M2',
        description: 'Short code of the measure or practice, used in every other table.' },
      { name: 'parent_code', type: 'string', required: false, example: 'M5',
        description: 'Code of the measure a practice belongs to; null for a measure.' },
      { name: 'kind', type: 'string', required: true, example: 'measure', enum: ['measure', 'additional', 'practice'],
        description: 'A measure of Điều 8 of the law (M1–M5), an additional measure councils add (X1, X2), or a practice (a finer tag below a measure).' },
      { name: 'label_vi', type: 'string', required: true, example: 'Thông tin, tuyên truyền, phổ biến, giáo dục pháp luật',
        description: 'Short label in Vietnamese.' },
      { name: 'label_en', type: 'string', required: true, example: 'Information, communication and legal education',
        description: 'Short label in English.' },
      { name: 'description_vi', type: 'string', required: false, example: 'Tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức cộng đồng.',
        description: 'What the code covers, in Vietnamese; null when the label says it all.' },
      { name: 'description_en', type: 'string', required: false, example: 'Informing people, legal education and raising public awareness of grassroots democracy.',
        description: 'What the code covers, in English; null when the label says it all.' },
      { name: 'law_ref', type: 'string', required: false, example: 'Điều 8.2',
        description: 'Provision of Luật 10/2022/QH15 the code comes from; null for codes added from councils\' practice.' },
    ],
  },
  {
    name: 'provision_measures',
    title: 'Measures by provision',
    title_vi: 'Biện pháp theo điều khoản',
    description: 'One row per measure or practice code assigned to a provision, with the rule and words that matched and the review verdict, so every label can be explained.',
    primaryKey: ['resolution_id', 'provision_id', 'code'],
    foreignKeys: [TO_PROVISION, { fields: ['code'], table: 'taxonomy', references: ['code'] }],
    fields: [
      RESOLUTION_ID,
      PROVISION_ID,
      { name: 'code', type: 'string', required: true, example: 'M2',
        description: 'The measure or practice (taxonomy.code).' },
      { name: 'via', type: 'string', required: true, example: 'text', enum: ['heading', 'text', 'inherited', 'review'],
        description: 'Where the trigger was read: the provision\'s own heading or its text; or added by a reviewer. (inherited: datasets before 0.2.0 only.)' },
      { name: 'rule', type: 'string', required: false, example: 'M2.tuyen-truyen',
        description: 'Identifier of the classification rule whose trigger matched; null when added by review.' },
      { name: 'matched', type: 'string', required: false, example: 'tuyên truyền, phổ biến, giáo dục pháp luật',
        description: 'The trigger words that matched the rule, as printed, joined with "; "; null when added by review.' },
      { name: 'inherited_from', type: 'string', required: false, example: 'dieu-4.khoan-2',
        description: 'Always null since dataset 0.2.0 (codes are no longer passed down from a heading; see object_in and placed_under). Before: the provision whose heading carried an inherited code.' },
      { name: 'object', type: 'string', required: false, example: 'thực hiện dân chủ ở cơ sở',
        description: 'The words naming what the measure acts on (grassroots democracy, its implementation or one of its institutions), as printed; null for practice tags, review rows and codes whose trigger names its object (the Boards).' },
      { name: 'object_from', type: 'string', required: false, example: 'text', enum: ['text', 'heading', 'article'],
        description: 'Where the object was found: the provision\'s own words, the enclosing clause\'s heading or introduction, or the article\'s; null when no object is recorded.' },
      { name: 'object_in', type: 'string', required: false, example: 'dieu-4.khoan-2',
        description: 'The provision (provisions.provision_id) whose words hold the object; null when no object is recorded.' },
      { name: 'placed_under', type: 'string', required: false, example: 'dieu-4.khoan-3',
        description: 'The enclosing clause or article whose own codes include this code (the measure heading the provision sits under), or null.' },
      { name: 'reviewed', type: 'boolean', required: false, example: true,
        description: 'Review verdict: true confirmed, false rejected (the row stays so the disagreement is visible), null not reviewed.' },
    ],
  },
  {
    name: 'objectives',
    title: 'Objectives',
    title_vi: 'Mục tiêu',
    description: 'One row per numeric target a resolution sets ("100% cơ quan … ban hành quy chế"), split into value, unit, subject, action, deadline and frequency.',
    primaryKey: ['resolution_id', 'ord'],
    foreignKeys: [TO_PROVISION],
    fields: [
      RESOLUTION_ID,
      { ...PROVISION_ID, example: 'dieu-3.khoan-4' },
      { name: 'ord', type: 'integer', required: true, example: 4, minimum: 1,
        description: 'Position among the resolution\'s objectives, counting from 1.' },
      { name: 'value', type: 'number', required: true, example: 100,
        description: 'Target value as printed, read as a number ("1.234,5" is 1234.5), in the unit below; for a range ("từ 01 đến 02 lớp") its lower bound.' },
      { name: 'value_max', type: 'number', required: false, example: 2,
        description: 'Upper bound of a range target ("từ 01 đến 02 lớp" → 2); null when the target is a single value.' },
      { name: 'unit', type: 'string', required: false, example: '%',
        description: 'Unit of value as printed ("%", "lớp", "cuộc"); null for a bare count.' },
      { name: 'subject', type: 'string', required: false, example: 'cơ quan, đơn vị, tổ chức, địa phương',
        description: 'Who or what the target counts; null when not stated.' },
      { name: 'action', type: 'string', required: false, example: 'ban hành quy chế thực hiện dân chủ ở cơ sở',
        description: 'What they are to do or have; null when not stated.' },
      { name: 'deadline', type: 'string', required: false, example: '2025',
        description: 'Deadline stated for the target, as an ISO date ("2025-12-31") or a year ("2025"); null when none is stated.' },
      { name: 'frequency', type: 'string', required: false, example: 'annual',
        description: 'How often the target recurs, normalised: annual, 6-monthly, quarterly, monthly, weekly, regular or N-monthly ("hằng năm" → annual); null when once or not stated.' },
      { name: 'text', type: 'string', required: true,
        example: '100% cơ quan, đơn vị, tổ chức, địa phương ban hành quy chế thực hiện dân chủ ở cơ sở',
        description: 'The words stating the target.' },
    ],
  },
  {
    name: 'funding',
    title: 'Funding',
    title_vi: 'Kinh phí',
    description: 'One row per funding source a provision names for carrying out the resolution.',
    primaryKey: ['resolution_id', 'provision_id', 'source'],
    foreignKeys: [TO_PROVISION],
    fields: [
      RESOLUTION_ID,
      { ...PROVISION_ID, example: 'dieu-5' },
      { name: 'source', type: 'string', required: true, example: 'state_budget',
        enum: ['state_budget', 'socialized', 'other_lawful', 'board_support'],
        description: 'Source: state budget, socialised funding (xã hội hóa), other lawful sources, or support for the People\'s Inspection and Community Investment Supervision Boards.' },
      { name: 'budget_decentralisation', type: 'boolean', required: false, example: true,
        description: 'True when state-budget money follows the budget decentralisation (phân cấp ngân sách), false when the text says otherwise; null when not stated or source is not state_budget.' },
      { name: 'regular_spending', type: 'boolean', required: false, example: true,
        description: 'True when the money is in the annual regular spending estimates (dự toán chi thường xuyên), false when the text says otherwise; null when not stated or source is not state_budget.' },
      { name: 'text', type: 'string', required: true,
        example: 'được bố trí từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành trong dự toán chi thường xuyên hàng năm',
        description: 'The words naming this source.' },
    ],
  },
  {
    name: 'supervision',
    title: 'Implementation and supervision',
    title_vi: 'Tổ chức thực hiện và giám sát',
    description: 'One row per body a provision charges with implementing, supervising or reporting on the resolution.',
    primaryKey: ['resolution_id', 'provision_id', 'actor', 'role'],
    foreignKeys: [TO_PROVISION],
    fields: [
      RESOLUTION_ID,
      { ...PROVISION_ID, example: 'dieu-6.khoan-2' },
      { name: 'actor', type: 'string', required: true, example: 'standing_committee',
        enum: ['people_committee', 'standing_committee', 'committees', 'delegate_groups', 'delegates', 'fatherland_front', 'socio_political_orgs', 'other'],
        description: 'The body: People\'s Committee, the council\'s Standing Committee, its committees (Ban), delegate groups, delegates, the Fatherland Front, socio-political organisations, or other.' },
      { name: 'role', type: 'string', required: true, example: 'supervises', enum: ['implements', 'supervises', 'reports'],
        description: 'What the body is charged with.' },
      { name: 'text', type: 'string', required: true,
        example: 'Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.',
        description: 'The words assigning the role.' },
    ],
  },
  {
    name: 'similarity',
    title: 'Similarity between resolutions',
    title_vi: 'Mức độ tương đồng giữa các nghị quyết',
    description: 'One row per pair of resolutions and scope (the whole text or one measure), each pair once with resolution_a before resolution_b in code-unit order.',
    primaryKey: ['resolution_a', 'resolution_b', 'scope'],
    foreignKeys: [
      { fields: ['resolution_a'], table: 'resolutions', references: ['id'] },
      { fields: ['resolution_b'], table: 'resolutions', references: ['id'] },
    ],
    fields: [
      { name: 'resolution_a', type: 'string', required: true, example: 'lang-son-08-2024-nq-hdnd',
        description: 'First resolution of the pair (resolutions.id).' },
      { name: 'resolution_b', type: 'string', required: true, example: 'son-la-2024-04-17-nq-hdnd',
        description: 'Second resolution of the pair (resolutions.id).' },
      { name: 'scope', type: 'string', required: true, example: 'all',
        description: 'What was compared: "all" for the whole decision text, or a taxonomy code for the provisions coded with it.' },
      { name: 'score', type: 'number', required: true, example: 0.42, minimum: 0, maximum: 1,
        description: 'Similarity from 0 (nothing in common) to 1 (the same text), unitless; the method is on the methodology page.' },
      { name: 'n_shared_passages', type: 'integer', required: true, example: 3, minimum: 0,
        description: 'Number of passages the two share (rows in shared_passages within the scope).' },
    ],
  },
  {
    name: 'shared_passages',
    title: 'Shared passages',
    title_vi: 'Đoạn văn trùng nhau',
    description: 'One row per passage found word for word in two resolutions, with the provisions it sits in, so text reuse can be traced.',
    primaryKey: ['resolution_a', 'provision_a', 'resolution_b', 'provision_b', 'ord'],
    foreignKeys: [
      { fields: ['resolution_a', 'provision_a'], table: 'provisions', references: ['resolution_id', 'provision_id'] },
      { fields: ['resolution_b', 'provision_b'], table: 'provisions', references: ['resolution_id', 'provision_id'] },
    ],
    fields: [
      { name: 'resolution_a', type: 'string', required: true, example: 'lang-son-08-2024-nq-hdnd',
        description: 'First resolution (resolutions.id), before resolution_b in code-unit order.' },
      { name: 'provision_a', type: 'string', required: true, example: 'dieu-4.khoan-2.diem-b',
        description: 'Provision of resolution_a holding the passage.' },
      { name: 'resolution_b', type: 'string', required: true, example: 'son-la-2024-04-17-nq-hdnd',
        description: 'Second resolution (resolutions.id).' },
      { name: 'provision_b', type: 'string', required: true, example: 'dieu-3.khoan-2.diem-a',
        description: 'Provision of resolution_b holding the passage.' },
      { name: 'ord', type: 'integer', required: true, example: 1, minimum: 1,
        description: 'Position of the passage within the pair of provisions, counting from 1 (two provisions can share several passages).' },
      { name: 'text', type: 'string', required: true, example: 'tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở',
        description: 'The shared words as they read in resolution_a.' },
      { name: 'n_words', type: 'integer', required: true, example: 11, minimum: 1,
        description: 'Length of the passage in words.' },
    ],
  },
] as const satisfies readonly TableDecl[];

export type DeclaredTable = (typeof TABLES)[number];
export type TableName = DeclaredTable['name'];
export type TableOf<N extends TableName> = Extract<DeclaredTable, { name: N }>;

type BaseValue<F extends FieldDecl> = F['type'] extends 'string[]'
  ? F extends { enum: readonly (infer E)[] } ? E[] : string[]
  : F extends { enum: readonly (infer E)[] } ? E
  : F['type'] extends 'integer' | 'number' ? number
  : F['type'] extends 'boolean' ? boolean
  : string;
type CellOf<F extends FieldDecl> = F['required'] extends true ? BaseValue<F> : BaseValue<F> | null;

/** The TypeScript type of one row of a table: one property per declared column, null allowed when not required. */
export type RowOf<N extends TableName> = { [F in TableOf<N>['fields'][number] as F['name']]: CellOf<F> };

/** Rows for any subset of the tables, keyed by table name. */
export type TableRows = { [N in TableName]?: readonly RowOf<N>[] };

export const TABLE_NAMES: readonly TableName[] = TABLES.map((t) => t.name);

const BY_NAME = new Map<string, TableDecl>(TABLES.map((t) => [t.name, t]));

export function isTableName(name: string): name is TableName {
  return BY_NAME.has(name);
}

/** The declaration of a table; throws on an unknown name (a programming error, not a data problem). */
export function tableOf(name: string): TableDecl {
  const t = BY_NAME.get(name);
  if (!t) throw new Error(`unknown table '${name}'; declared tables: ${TABLE_NAMES.join(', ')}`);
  return t;
}
