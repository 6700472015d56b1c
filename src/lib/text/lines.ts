/**
 * Lossless line layer of the parser: text → lines (each with its offsets and newline, so the lines concatenate back
 * to the text) → cleaned line content (markdown marks, table pipes and hard-break spaces removed, struck text
 * ~~…~~ set apart) → blocks (logical paragraphs: hard-wrapped lines and page breaks inside a sentence joined).
 * Nothing here changes the text; cleaning only produces the reading form beside it.
 */

export interface Line {
  /** Index of the line in the document. */
  index: number;
  start: number;
  /** End offset, including the line's newline if it has one. */
  end: number;
  /** The line as printed, without its newline. */
  raw: string;
  /** Reading form: no markdown marks, no struck text, white space squashed. Empty for blank or layout lines. */
  clean: string;
  /** Struck-through text found on the line (kept, not analysed). */
  struck: string[];
}

export interface Block {
  /** Lines of the block, in order (blank lines inside a page-broken sentence are not included). */
  lines: Line[];
  /** The block's reading text: its lines' clean forms joined with single spaces. */
  text: string;
  /** Struck text of the block's lines. */
  struck: string[];
  start: number;
  end: number;
}

/** Split text into lines whose raw parts and newlines concatenate back to the text exactly. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  let inStruck = false;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    const raw = text.slice(start, nl === -1 ? text.length : nl);
    const cleaned = cleanLine(raw, inStruck);
    const { clean, struck } = cleaned;
    inStruck = cleaned.inStruck;
    lines.push({ index, start, end, raw, clean, struck });
    start = end;
    index++;
  }
  return lines;
}

/** A character that one of cleanLine's replacements acts on (strike, comment, heading, emphasis, table pipe). */
const PLAIN_NEEDS = /[~<#*_|]/;

/**
 * Reading form of one printed line: drops heading hashes, emphasis marks (** __ * _), list-free table pipes, HTML
 * comments, tabs and trailing hard-break spaces; moves ~~struck~~ text aside.
 */
export function cleanLine(raw: string, inStruck = false): { clean: string; struck: string[]; inStruck: boolean } {
  // Most lines carry no mark at all: only white space to squash (the replacements below would change nothing).
  if (!inStruck && !PLAIN_NEEDS.test(raw)) return { clean: /^\s*-{3,}\s*$/.test(raw) ? '' : raw.replace(/[\s\u00a0]+/g, ' ').trim(), struck: [], inStruck: false };
  const struck: string[] = [];
  // Struck text may run over several lines: split on the ~~ marks, odd pieces are struck.
  const pieces = raw.split('~~');
  let kept = '';
  let on = inStruck;
  pieces.forEach((piece, k) => {
    if (k > 0) on = !on;
    if (on) {
      const t = piece.replace(/\s+/g, ' ').trim();
      if (t) struck.push(t);
      kept += ' ';
    } else kept += piece;
  });
  let s = kept;
  s = s.replace(/<!--.*?-->/g, ' ');
  s = s.replace(/^\s{0,3}#{1,6}\s+/, '');
  s = s.replace(/\*\*|__/g, '');
  s = s.replace(/(^|[\s(“"])[*_](?=\S)/g, '$1').replace(/(?<=\S)[*_](?=$|[\s)”".,;:])/g, '');
  // Web-page layout: table cells and lone pipes are layout, not text.
  s = s.replace(/\s*\|\s*/g, ' ');
  if (/^\s*-{3,}\s*$/.test(s)) s = '';
  s = s.replace(/[\s\u00a0]+/g, ' ').trim();
  return { clean: s, struck, inStruck: on };
}

const MARKER = /^(?:Điều\s+\d+\s*[.:]|Điều$|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[-–•+]\s|Căn cứ|Xét\s|QUYẾT NGHỊ|Nơi nhận|Noi nhận)/u;

/** Whether a cleaned line starts a new structural element (article, clause, point, list item, basis…). */
export function startsElement(clean: string): boolean {
  return MARKER.test(clean);
}

/** Whether a cleaned line continues the sentence of the previous block (hard wrap or page break). */
function continuesSentence(clean: string): boolean {
  if (clean === '' || startsElement(clean)) return false;
  const first = clean[0] ?? '';
  if (/[,;:)\]…]/.test(first)) return true;
  if (/\d/.test(first)) return !/^\d+(?:\.\d+)*\.\s/.test(clean);
  return first !== first.toLocaleUpperCase('vi') && first === first.toLocaleLowerCase('vi');
}

/**
 * Group lines into blocks. A line joins the previous block when it continues its sentence (starts lower case or
 * with a digit that is no clause number), even across blank lines (page breaks inside a sentence); when
 * `joinCapitalised(prev, line)` says so (the caller's rule for its part of the document); or when the previous
 * block is a lone "Điều" and this line starts "N." (web layouts split "Điều\n1.").
 */
export function groupBlocks(lines: Line[], joinCapitalised: (prev: Block, line: Line) => boolean): Block[] {
  const blocks: Block[] = [];
  let blankSince = false;
  for (const line of lines) {
    const prev = blocks[blocks.length - 1];
    if (line.clean === '' && line.struck.length > 0 && prev) {
      // A line wholly struck through continues the struck passage of the block before it.
      prev.lines.push(line);
      prev.struck.push(...line.struck);
      prev.end = line.end;
      continue;
    }
    if (line.clean === '') {
      blankSince = true;
      continue;
    }
    const join =
      prev !== undefined &&
      (continuesSentence(line.clean) ||
        (prev.text === 'Điều' && /^\d+\.\s/.test(line.clean)) ||
        (!blankSince && !startsElement(line.clean) && joinCapitalised(prev, line)));
    if (join && prev) {
      prev.lines.push(line);
      prev.text = prev.text === 'Điều' ? `Điều ${line.clean}` : `${prev.text} ${line.clean}`;
      prev.struck.push(...line.struck);
      prev.end = line.end;
    } else {
      blocks.push({ lines: [line], text: line.clean, struck: [...line.struck], start: line.start, end: line.end });
    }
    blankSince = false;
  }
  return blocks;
}
