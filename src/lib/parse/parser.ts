/**
 * Resolution parser: reading text → lossless spans (every character in exactly one span, so the text rebuilds from
 * them), metadata, legal bases, the submission, provisions (article → clause → point, with readable ids such as
 * "dieu-4.khoan-1.diem-a") and diagnostics. Pure and total: any string gives a result, never an exception; a text
 * that is empty or not a resolution gives an error-level issue. Longer than most modules because it is one state
 * machine over the document's parts; the pieces it calls (lines, header, citations) live in their own modules.
 */
import { isHttpUrl } from '../text/url.ts';
import { parseLegalBasis, parseSubmission, type Citation, type Submission } from './citations.ts';
import { findEffect, findNumber, findPlaceDate, findTermSession, findTitle, findUnits, levelOf, type EffectiveRule } from './header.ts';
import { type Level, type UnitType } from '../reference/vocabulary.ts';
import { catalogueDate, catalogueRow, readCatalogue } from '../read/catalogue.ts';
import { isDecisionMarker, isProposal, proposer, startsEnactment } from './enactment.ts';
import { furnitureLines } from '../text/furniture.ts';
import { groupBlocks, splitLines, type Block, type Line } from '../text/lines.ts';
import { pointLabel, readingForm, splitArticleHeading } from './print-habits.ts';
import { foldChars, foldVi, squash } from '../text/normalize.ts';
import { foldText } from '../text/fold.ts';

export type SpanRole =
  | 'blank' | 'frontmatter' | 'curator' | 'comment' | 'catalogue' | 'header' | 'basis' | 'submission' | 'decision'
  | 'provision' | 'closing' | 'recipients' | 'signature' | 'trailer' | 'furniture';

export interface Span {
  start: number;
  end: number;
  role: SpanRole;
  /** The provision the span belongs to, for role "provision". */
  provision: string | null;
}

export interface Provision {
  id: string;
  ord: number;
  article: number;
  clause: string | null;
  point: string | null;
  parent: string | null;
  depth: number;
  /** Heading words of an article, or of a clause or point that introduces others; null otherwise. */
  heading: string | null;
  /** Reading text of the provision's own lines (children excluded), paragraphs separated by "\n". */
  text: string;
  /** Struck-through text (kept, not analysed), or null. */
  struck: string | null;
  start: number;
  end: number;
}

export interface Issue {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface ParsedMetadata {
  number: string | null;
  council: string | null;
  jurisdiction: string | null;
  unit_type: UnitType | null;
  level: Level | null;
  /** Province named beside a district or commune in the text ("phường Linh Sơn, tỉnh Thái Nguyên"), or null. */
  province: string | null;
  title: string | null;
  place: string | null;
  signed_on: string | null;
  adopted_on: string | null;
  effective_on: string | null;
  effective_rule: EffectiveRule | null;
  effective_source: 'text' | 'catalogue' | null;
  signer: string | null;
  signer_title: string | null;
  term: string | null;
  session: number | null;
  session_kind: 'regular' | 'thematic' | null;
  complete: boolean;
  source_url: string | null;
  /** Fields whose value comes from a publisher's catalogue block rather than the resolution's own text. */
  catalogue_fields: string[];
}

export interface ParsedResolution {
  text: string;
  spans: Span[];
  metadata: ParsedMetadata;
  legal_bases: Citation[];
  submission: Submission | null;
  provisions: Provision[];
  issues: Issue[];
}

export interface ParseOptions {
  /** Folded names of centrally-run cities ("ha noi", "hai phong"…), to tell their level from a provincial city's. */
  centrallyRunCities?: ReadonlySet<string>;
}

const ARTICLE = /^Điều\s+(\d+)\s*[.:]\s*(.*)$/u;
const CLAUSE = /^(\d+(?:\.\d+)*)\.\s+(.*)$/u;
const POINT = /^([a-zđ])\)\s*(.*)$/u;
/** The closing sentence, with or without "này" or the number: "Nghị quyết (này) đã được Hội đồng nhân dân … thông qua ngày …". */
const CLOSING = /^Nghị quyết(?:\s+này|\s+số\s+\S+)?\s+(?:đã\s+)?được\b.*thông qua/iu;
/** A capitalised word of a person's name: a signer's name printed over two lines is read as one. */
const NAME_WORD = /^[\p{Lu}][\p{Ll}]+$/u;
const SIGN_TITLE = /^(?:(?:KT|TM|TL|Q)\.?\s+)?(?:PHÓ\s+)?(?:CHỦ TỊCH|CHỦ TỌA|CHỦ TOẠ|HỘI ĐỒNG NHÂN DÂN.*|THƯỜNG TRỰC.*)$/u;
const PERSON = /^(?:[\p{Lu}][\p{Ll}]+)(?:\s+[\p{Lu}][\p{Ll}]+){1,4}$/u;
const DANGLING = /(?:^|\s)(?:của|và|với|về|để|là|được|có|trong|từ|đến|bởi|do|nhằm|bằng|hoặc|như|gồm|tỉnh|huyện|xã|phường|thành phố|thị trấn|quận|ngày|số|các|những|cho|tại|trên|theo|Ban|Hội|Luật|Ủy|Nghị|Chính|Thủ|Quyết|Tổ|Mặt|Thường|Mặt trận Tổ quốc)$/u;

/** Which lines are outside the resolution's text proper: front matter, curator notes, comments, catalogue. */
export function frameRoles(lines: Line[]): (SpanRole | null)[] {
  const roles: (SpanRole | null)[] = lines.map(() => null);
  let i = 0;
  if (lines[0]?.raw.trim() === '---') {
    roles[0] = 'frontmatter';
    for (i = 1; i < lines.length; i++) {
      roles[i] = 'frontmatter';
      if (lines[i]?.raw.trim() === '---') {
        i++;
        break;
      }
    }
  }
  const begin = lines.findIndex((l) => /<!--\s*BEGIN/i.test(l.raw));
  if (begin >= i) for (let k = i; k < begin; k++) roles[k] = lines[k]?.raw.trim() === '' ? 'blank' : 'curator';
  else if (i > 0) {
    // Front matter without an excerpt marker: the curator's H1 and parenthesised notes are not the source's text.
    for (let k = i; k < lines.length; k++) if (/^#\s|^\(.*\)\s*$|^Verbatim from/.test(lines[k]?.raw ?? '')) roles[k] = 'curator';
  }
  let afterEnd = false;
  lines.forEach((l, k) => {
    if (afterEnd) roles[k] = 'trailer';
    else if (/^\s*<!--.*-->\s*$/.test(l.raw)) {
      roles[k] = 'comment';
      if (/<!--\s*END/i.test(l.raw)) afterEnd = true;
    } else if (roles[k] === null && isCatalogueLine(l.raw)) roles[k] = 'catalogue';
  });
  return roles;
}

function isCatalogueLine(raw: string): boolean {
  return catalogueRow(raw) !== null;
}

/** Join rule for a capitalised line with no blank line before it. */
function joinCapitalised(prev: Block, line: Line): boolean {
  const prevLast = prev.lines[prev.lines.length - 1]?.clean ?? '';
  const caps = (s: string) => s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);
  if (caps(prevLast) && caps(line.clean) && !/[.;:]$/.test(prevLast) && !/^(?:CỘNG HÒA|QUYẾT NGHỊ|NGHỊ QUYẾT$)/u.test(line.clean)) {
    return !/^(?:NGHỊ QUYẾT|CỘNG HÒA)/u.test(prev.text) || /^NGHỊ QUYẾT\s+\S/u.test(prev.text) || prevLast !== 'NGHỊ QUYẾT';
  }
  // A basis or submission runs on over its wrapped lines, up to the next one, the 2025 proposal line ("Theo đề nghị
  // của …") or the 2025 enactment sentence after a finished one (enactment.ts).
  const enacts = startsEnactment(line.clean) && /[.;,]$/.test(prevLast);
  if (/^(?:Căn cứ|Xét|Theo đề nghị của)\s/u.test(prev.text) && !/^(?:Căn cứ|Xét|QUYẾT NGHỊ)/u.test(line.clean) && !isProposal(line.clean) && !enacts) return true;
  if (/[.;:!?]$/.test(prevLast)) return false;
  // A long line that stops mid-sentence was wrapped (text pulled from a PDF); a short one may be a heading.
  // Past ~110 characters a line is not a hard wrap (PDF and web copies wrap at 70–95): it is a whole paragraph, such as a
  // clause heading printed without a full stop, and a capitalised line after it starts a new one.
  // The block's end, not only its last line: a wrap can leave one word ("quốc") on a line of its own.
  return DANGLING.test(prevLast) || DANGLING.test(prev.text) || (prevLast.length >= 50 && prevLast.length <= 110);
}

function provisionId(article: number, clause: string | null, point: string | null, seen: Map<string, number>): string {
  let id = `dieu-${article}`;
  if (clause) id += `.khoan-${clause.replace(/\./g, '-')}`;
  if (point) id += `.diem-${point === 'đ' ? 'dd' : point}`;
  const n = (seen.get(id) ?? 0) + 1;
  seen.set(id, n);
  return n === 1 ? id : `${id}-${n}`;
}

/** Parse a resolution's reading text (normalised, corrections applied). Total: never throws. */
export function parseResolution(text: string, options: ParseOptions = {}): ParsedResolution {
  const lines = splitLines(text);
  const frame = frameRoles(lines);
  // Page numbers and running headers of an extracted copy sit between the lines of a sentence: read around them.
  for (const k of furnitureLines(lines)) if (frame[k] === null) frame[k] = 'furniture';
  const issues: Issue[] = [];
  const lineRole: (SpanRole | null)[] = [...frame];
  const lineProvision: (string | null)[] = lines.map(() => null);
  const bodyLines = lines.filter((_, k) => frame[k] === null);
  const blocks = groupBlocks(bodyLines, joinCapitalised);
  for (const b of blocks) b.text = readingForm(b.text);

  type State = 'header' | 'preamble' | 'body' | 'closing' | 'recipients' | 'signature' | 'trailer';
  let state: State = 'header';
  const headerBlocks: Block[] = [];
  const basisBlocks: Block[] = [];
  let submissionBlock: Block | null = null;
  const closingTexts: string[] = [];
  const signatureBlocks: Block[] = [];
  let sawDecision = false;
  let sawRecipients = false;
  const provisions: Provision[] = [];
  const seen = new Map<string, number>();
  let article: Provision | null = null;
  let clause: Provision | null = null;
  let topClause: Provision | null = null;
  let current: Provision | null = null;
  /** The last point label read in each list (by parent id), to read a second "d)" as "đ)". */
  const lastPoint = new Map<string, string>();
  /** An article printed "Điều N." alone, whose heading may be the next paragraph. */
  let bareArticle: Provision | null = null;

  const mark = (b: Block, role: SpanRole, prov: string | null = null) => {
    for (const l of b.lines) {
      lineRole[l.index] = role;
      lineProvision[l.index] = prov;
    }
  };
  const open = (b: Block, a: number, c: string | null, p: string | null, parent: Provision | null, content: string) => {
    const id = provisionId(a, c, p, seen);
    if ((seen.get(id.replace(/-\d+$/, '')) ?? 1) > 1 && id !== id.replace(/-\d+$/, '')) {
      issues.push({ code: 'duplicate_label', severity: 'warning', message: `${id}: label printed twice in the same place; the second copy gets a suffix` });
    }
    const prov: Provision = {
      id, ord: provisions.length + 1, article: a, clause: c, point: p, parent: parent?.id ?? null,
      depth: 1 + (c ? 1 : 0) + (p ? 1 : 0), heading: c === null && p === null ? content || null : null,
      text: content, struck: b.struck.length ? b.struck.join(' ') : null, start: b.start, end: b.end,
    };
    provisions.push(prov);
    mark(b, 'provision', id);
    current = prov;
    return prov;
  };

  let prevText = '';
  for (const b of blocks) {
    const t = b.text;
    const f = foldChars(t);
    const before = prevText;
    prevText = t;
    let art = ARTICLE.exec(t);
    // "… theo quy định tại khoản 2\nĐiều 1. …": a cross-reference wrapped to the start of a line. An article follows a
    // finished sentence and numbers up; "Điều N." after words that stop mid-sentence, N not above the current
    // article's, continues the sentence.
    if (art && article && state === 'body' && Number(art[1]) <= (article as Provision).article && before !== '' && !/[.;:!?…”"»)]$/u.test(before)) art = null;
    if (state === 'header' || state === 'preamble') {
      if (/^Căn cứ\b/u.test(t) || /^can cu\s/.test(f)) {
        state = 'preamble';
        basisBlocks.push(b);
        mark(b, 'basis');
        continue;
      }
      if (/^Xét\s/u.test(t) || isProposal(t)) {
        state = 'preamble';
        submissionBlock ??= b;
        mark(b, 'submission');
        continue;
      }
      if (isDecisionMarker(t)) {
        state = 'body';
        sawDecision = true;
        mark(b, 'decision');
        continue;
      }
      if (!art) {
        if (state === 'header') headerBlocks.push(b);
        mark(b, state === 'header' ? 'header' : 'basis');
        if (state === 'preamble') basisBlocks.push(b);
        continue;
      }
      state = 'body';
    }
    if (state === 'body') {
      if (/^(?:Nơi nhận|Noi nhận|Nơi gửi)\s*:?/iu.test(t) || /^noi nhan\b/.test(f)) {
        state = 'recipients';
        sawRecipients = true;
        mark(b, 'recipients');
        continue;
      }
      if (CLOSING.test(t)) {
        closingTexts.push(t);
        mark(b, 'closing');
        state = 'closing';
        continue;
      }
      const headingOf = bareArticle;
      bareArticle = null;
      if (headingOf && !art && splitArticleHeading('', t)) {
        headingOf.heading = t;
        headingOf.text = t;
        headingOf.end = b.end;
        mark(b, 'provision', headingOf.id);
        continue;
      }
      if (SIGN_TITLE.test(t)) {
        state = 'signature';
      } else {
        const cl = CLAUSE.exec(t);
        const pt = POINT.exec(t);
        if (art) {
          article = open(b, Number(art[1]), null, null, null, squash(art[2] ?? ''));
          if (article.text === '') bareArticle = article;
          clause = null;
          topClause = null;
        } else if (cl && article) {
          // "2.1." is a sub-clause of clause 2; its points belong to it.
          const top = topClause as Provision | null;
          const parent = cl[1]?.includes('.') && top && cl[1].startsWith(`${top.clause}.`) ? top : article;
          clause = open(b, article.article, cl[1] ?? null, null, parent, squash(cl[2] ?? ''));
          if (parent === article) topClause = clause;
        } else if (pt && article) {
          const list = clause ?? article;
          const label = pointLabel(pt[1] ?? '', lastPoint.get(list.id) ?? null);
          lastPoint.set(list.id, label);
          open(b, article.article, clause?.clause ?? null, label, list, squash(pt[2] ?? ''));
        } else if (current) {
          const prov: Provision = current;
          const wrapped = /^Điều\s+\d/u.test(t) && !/[.;:!?…”"»)]$/u.test(before);
          prov.text = prov.text ? `${prov.text}${wrapped ? ' ' : '\n'}${t}` : t;
          if (b.struck.length) prov.struck = [prov.struck, ...b.struck].filter(Boolean).join(' ');
          prov.end = b.end;
          mark(b, 'provision', prov.id);
        } else {
          mark(b, 'header');
        }
        continue;
      }
    }
    if (state === 'closing') {
      if (/^(?:Nơi nhận|Noi nhận|Nơi gửi)\s*:?/iu.test(t) || /^noi nhan\b/.test(f)) {
        state = 'recipients';
        sawRecipients = true;
        mark(b, 'recipients');
        continue;
      }
      if (!SIGN_TITLE.test(t)) {
        closingTexts.push(t);
        mark(b, 'closing');
        continue;
      }
      state = 'signature';
    }
    if (state === 'recipients') {
      if (!SIGN_TITLE.test(t)) {
        mark(b, 'recipients');
        continue;
      }
      state = 'signature';
    }
    if (state === 'signature') {
      const last = signatureBlocks[signatureBlocks.length - 1];
      if (last && PERSON.test(last.text) && NAME_WORD.test(t) && PERSON.test(`${last.text} ${t}`) && before === last.text) {
        // The signer's name split over two lines ("Đoàn Thị" / "Hậu"): one name.
        last.text = `${last.text} ${t}`;
        last.lines.push(...b.lines);
        last.end = b.end;
        prevText = last.text;
        mark(b, 'signature');
        continue;
      }
      if (SIGN_TITLE.test(t) || (PERSON.test(t) && !signatureBlocks.some((s) => PERSON.test(s.text)))) {
        signatureBlocks.push(b);
        mark(b, 'signature');
        continue;
      }
      if (/^(?:Nơi nhận|Noi nhận)/iu.test(t)) {
        state = 'recipients';
        sawRecipients = true;
        mark(b, 'recipients');
        continue;
      }
      state = 'trailer';
    }
    mark(b, 'trailer');
  }

  // Headings: an article's first line, and a clause or point that introduces points or paragraphs.
  const parents = new Set(provisions.map((q) => q.parent));
  for (const p of provisions) {
    const hasChildren = parents.has(p.id);
    const [first, ...more] = p.text.split('\n');
    if (p.depth > 1 && (hasChildren || more.length > 0) && first && !/[.;]$/.test(first)) {
      p.heading = first.replace(/,?\s*(?:gồm(?: các giải pháp)?(?: sau)?|(?:cụ thể )?như sau)?\s*:\s*$/u, '') || first;
    }
  }

  const spans: Span[] = lines.map((l, k) => ({
    start: l.start, end: l.end, role: l.clean === '' && lineRole[k] === null ? 'blank' : (lineRole[k] ?? 'blank'), provision: lineProvision[k] ?? null,
  }));

  // Metadata.
  const frontmatter = lines.filter((_, k) => frame[k] === 'frontmatter').map((l) => l.raw);
  const declaredUrl = frontmatter.map((l) => /^source_url:\s*(\S+)/.exec(l)?.[1]).find(Boolean) ?? null;
  // Only an http(s) address is a source; anything else (javascript:, data:) is dropped and said.
  const sourceUrl = declaredUrl !== null && isHttpUrl(declaredUrl) ? declaredUrl : null;
  if (declaredUrl !== null && sourceUrl === null) issues.push({ code: 'source_url_refused', severity: 'warning', message: `the front matter's source_url «${declaredUrl.slice(0, 60)}» is not an http(s) address; it is ignored` });
  const catalogue = readCatalogue(lines.filter((_, k) => frame[k] === 'catalogue').map((l) => l.raw));
  const headerText = headerBlocks.map((b) => b.text).join('\n');
  const catalogueFields: string[] = [];
  const fromCatalogue = <T>(field: string, value: T | null): T | null => {
    if (value !== null) catalogueFields.push(field);
    return value;
  };

  let number = findNumber(headerText);
  if (!number) number = fromCatalogue('number', findNumber(`Số: ${catalogue.get('Số hiệu') ?? ''}`));
  const councils = findUnits(headerText, 'hoi dong nhan dan ');
  let unit = councils[0] ?? null;
  let councilFromTitle = false;
  if (!unit) {
    const issuer = catalogue.get('Cơ quan ban hành');
    const c = issuer ? findUnits(issuer, 'hoi dong nhan dan ')[0] : undefined;
    if (c) unit = fromCatalogue('council', c);
  }
  const areaUnits = findUnits(headerText, 'tren dia ban ');
  if (!unit && areaUnits[0]) {
    unit = areaUnits[0];
    councilFromTitle = true;
  }
  const province = areaUnits.length > 0 ? (findUnits(headerText.slice(areaUnits[0]?.index ?? 0), ', ').find((u) => u.unit_type === 'tỉnh' || u.unit_type === 'thành phố')?.name ?? null) : null;
  const placeDate = findPlaceDate(headerText);
  const termSession = findTermSession(headerText);
  const closing = closingTexts.join(' ');
  const effectTexts = [closing, ...provisions.filter((p) => /hiệu lực/iu.test(p.text)).map((p) => p.text)].join(' ');
  const effect = findEffect(effectTexts);
  const fallbackSession = termSession.session === null ? findTermSession(closing) : null;
  let effectiveOn = effect.rule === 'on_signing' ? (placeDate?.date ?? null) : effect.effective_on;
  let effectiveRule = effect.rule;
  let effectiveSource: 'text' | 'catalogue' | null = effect.rule ? 'text' : null;
  if (!effectiveRule) {
    const d = catalogueDate(catalogue.get('Ngày có hiệu lực'));
    if (d) {
      // The catalogue gives a date, not the rule the text states: the rule stays unknown.
      effectiveOn = fromCatalogue('effective_on', d);
      effectiveSource = 'catalogue';
    }
  }
  const signedOn = placeDate?.date ?? fromCatalogue('signed_on', catalogueDate(catalogue.get('Ngày ban hành')));
  const personBlock = signatureBlocks.find((s) => PERSON.test(s.text));
  const titleBlocks = signatureBlocks.filter((s) => SIGN_TITLE.test(s.text));
  const signer = personBlock?.text ?? fromCatalogue('signer', catalogue.get('Người ký') ?? null);
  const centrally = unit ? options.centrallyRunCities?.has(foldVi(unit.name)) ?? null : null;
  const level = unit ? (unit.unit_type === 'thành phố' && centrally === null ? null : levelOf(unit.unit_type, centrally ?? false)) : null;
  const truncated = lines.some((l) => /<!--\s*END[^>]*(?:truncat|stops here|NOT available)/i.test(l.raw));
  const complete = !truncated && provisions.length > 0 && (sawRecipients || signatureBlocks.length > 0) && closingTexts.length > 0;

  const metadata: ParsedMetadata = {
    number,
    council: unit ? `Hội đồng nhân dân ${unit.unit_type} ${unit.name}` : null,
    jurisdiction: unit?.name ?? null,
    unit_type: unit?.unit_type ?? null,
    level,
    province: unit && unit.unit_type !== 'tỉnh' && !(unit.unit_type === 'thành phố' && centrally) ? province : null,
    title: findTitle(headerText, unit?.name ?? null),
    place: placeDate?.place ?? null,
    signed_on: signedOn,
    adopted_on: effect.adopted_on,
    effective_on: effectiveOn,
    effective_rule: effectiveRule,
    effective_source: effectiveSource,
    signer,
    signer_title: titleBlocks.length ? signerTitle(titleBlocks[titleBlocks.length - 1]?.text ?? '') : null,
    term: termSession.term ?? fallbackSession?.term ?? null,
    session: termSession.session ?? fallbackSession?.session ?? null,
    session_kind: (termSession.session !== null ? termSession.thematic : fallbackSession?.thematic) ? 'thematic' : termSession.session !== null || fallbackSession?.session != null ? 'regular' : null,
    complete,
    source_url: sourceUrl,
    catalogue_fields: catalogueFields,
  };

  const legalBases = basisBlocks.flatMap((b) => parseLegalBasis(b.text));
  const submission = submissionBlock ? parseSubmission((submissionBlock as Block).text) : null;
  if (submission && submission.by === null && isProposal(submission.text)) submission.by = proposer(submission.text);

  // Diagnostics.
  // foldVi's string through a table (the whole text's NFD was a tenth of parsing).
  const body = foldText(lines.filter((_, k) => frame[k] !== 'frontmatter' && frame[k] !== 'curator').map((l) => l.clean).join(' '));
  if (text.trim() === '') issues.push({ code: 'empty', severity: 'error', message: 'the text is empty' });
  else if (!/nghi quyet/.test(body) || !/(hoi dong nhan dan|hdnd)/.test(body) || !(/can cu|quyet nghi|dieu 1\b/.test(body) || number)) {
    issues.push({ code: 'not_a_resolution', severity: 'error', message: 'this does not read as a People\'s Council resolution (no "Nghị quyết", council, legal bases or articles found)' });
  }
  if (truncated) issues.push({ code: 'truncated', severity: 'warning', message: 'the available text ends before the resolution does (marked truncated)' });
  else if (!complete && provisions.length > 0) issues.push({ code: 'incomplete', severity: 'warning', message: 'no closing sentence, recipients or signature found: the text may be truncated' });
  if (provisions.length === 0 && !truncated && !issues.some((i) => i.severity === 'error')) {
    issues.push({ code: 'no_operative_text', severity: 'warning', message: 'no articles (Điều) in this copy: only metadata is available' });
  }
  if (!number) issues.push({ code: 'no_number', severity: 'info', message: 'no resolution number is printed in this copy' });
  if (!metadata.signed_on) issues.push({ code: 'no_signed_date', severity: 'info', message: 'no place-and-date line in the header' });
  if (!metadata.adopted_on) issues.push({ code: 'no_adoption_date', severity: 'info', message: 'no adoption date ("thông qua ngày …") found' });
  if (!effect.rule && closingTexts.length > 0) issues.push({ code: 'no_effect_clause', severity: 'info', message: 'the text does not say when the resolution takes effect' });
  if (councilFromTitle) issues.push({ code: 'council_from_title', severity: 'info', message: 'the council is named only through the area in the title' });
  if (catalogueFields.length) issues.push({ code: 'catalogue_metadata', severity: 'info', message: `taken from the publisher's catalogue, not the text: ${catalogueFields.join(', ')}` });
  if (provisions.some((p) => p.struck)) issues.push({ code: 'struck_text', severity: 'info', message: 'struck-through text is kept but left out of analysis' });
  if (!sawDecision && provisions.length > 0) issues.push({ code: 'no_decision_marker', severity: 'info', message: '"QUYẾT NGHỊ:" not found before the articles' });
  if (legalBases.length === 0 && basisBlocks.length === 0 && !truncated && provisions.length > 0) issues.push({ code: 'no_legal_bases', severity: 'warning', message: 'no "Căn cứ" legal bases found' });

  return { text, spans: mergeSpans(spans), metadata, legal_bases: legalBases, submission, provisions, issues };
}

/** "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "KT. CHỦ TỊCH" → "Chủ tịch": the title as Vietnamese writes it in running text. */
function signerTitle(printed: string): string | null {
  const t = squash(printed).replace(/^(?:KT|TM|TL|Q)\.?\s+/u, '').toLocaleLowerCase('vi');
  if (t === '') return null;
  const s = (t[0] ?? '').toLocaleUpperCase('vi') + t.slice(1);
  return s.replace(/(\S)\s+chủ tịch/u, '$1 Chủ tịch');
}

/** Adjacent lines of the same role and provision become one span. */
function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.role === s.role && last.provision === s.provision && last.end === s.start) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}
