/**
 * Positioned text of PDF pages (pdf.js text items, or OCR words) → reading text laid out like the .txt sources:
 * items grouped into lines by their baseline and ordered by x; the two-column header table at the top of page 1
 * (council and number | motto, place and date) read column by column, left first; running headers and footers
 * (lines repeated at the same place on most pages) and lone page numbers dropped; soft wraps of justified lines
 * undone (a full-width line continues on the next; "-" at a wrap joined), while a short line, an indented line, a
 * new element (Điều, 1., a), - …) or a wider gap keeps its break — a gap as a blank line, as in the sources.
 * Pure and format-agnostic: coordinates are in page units, y growing downwards.
 */
import { startsElement } from '../text/lines.ts';

/** One run of text at a place on the page: left x, baseline y (from the top), width and font size. */
export interface PageItem { str: string; x: number; y: number; width: number; size: number }
export interface PageText { width: number; height: number; items: PageItem[] }

interface Line { page: number; text: string; x0: number; x1: number; y: number; size: number }

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? 0) : 0;
};

/** Items → lines of one page: same baseline (within 40% of the font size), left to right, split at wide gaps. */
function pageLines(p: PageText, page: number): Line[] {
  // The header table's columns may sit only two em apart; in the body a gap that wide is only ever loose justification.
  const columnGap = (y: number) => (page === 0 && y < 0.45 * p.height ? 1.5 : 3);
  const items = p.items.filter((i) => i.str !== '' && i.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: PageItem[][] = [];
  for (const it of items) {
    const row = rows.find((r) => Math.abs((r[0]?.y ?? 0) - it.y) <= 0.4 * Math.min(r[0]?.size ?? it.size, it.size));
    if (row) row.push(it);
    else rows.push([it]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let cur: Line | null = null;
    for (const it of row) {
      const gap = cur ? it.x - cur.x1 : 0;
      // A gap of several em between runs on one baseline separates two columns (the header table).
      if (!cur || gap > columnGap(it.y) * it.size) {
        cur = { page, text: '', x0: it.x, x1: it.x, y: it.y, size: it.size };
        lines.push(cur);
      }
      if (cur.text !== '' && gap > 0.15 * it.size && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) cur.text += ' ';
      cur.text += it.str;
      cur.x1 = Math.max(cur.x1, it.x + it.width);
      cur.size = Math.max(cur.size, it.size);
    }
  }
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines.filter((l) => l.text !== '').sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s+|page\s+)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** Drops running headers/footers (same words, digits aside, near the same place on most pages) and page numbers. */
function dropFurniture(pages: Line[][], sizes: PageText[]): Line[][] {
  const at = (l: Line) => l.y / (sizes[l.page]?.height || 842);
  const band = (l: Line) => at(l) < 0.12 || at(l) > 0.88;
  // OCR reads a running header a little differently on each page and a skewed scan moves it: compare letters only
  // (digits, case and punctuation aside) and positions within 2% of the page height.
  const words = (l: Line) => l.text.toLocaleLowerCase('vi').replace(/[^\p{L}]+/gu, '');
  const furniture = pages.map((lines) => lines.filter(band).filter((l) => {
    if (PAGE_NUMBER.test(l.text)) return true;
    if (pages.length < 2 || words(l) === '') return false;
    const w = words(l);
    const on = pages.filter((other) => other.some((o) => band(o) && Math.abs(at(o) - at(l)) < 0.02 && words(o) === w)).length;
    return on >= Math.max(2, Math.ceil(0.6 * pages.length));
  }));
  return pages.map((lines, k) => lines.filter((l) => !furniture[k]?.includes(l)));
}

/**
 * The header table: the lines of page 1 above the title that sit either side of an empty vertical gutter. Returns
 * them column by column (left, then right), and the lines after them; null when page 1 has no such table.
 */
function headerTable(lines: Line[], page: PageText): { head: Line[]; rest: Line[] } | null {
  const title = lines.findIndex((l) => /^NGHỊ\s*QUYẾT$|^QUYẾT\s*NGHỊ|^Căn cứ\s/u.test(l.text) || startsElement(l.text));
  const top = (title === -1 ? lines : lines.slice(0, title)).filter((l) => l.y < 0.45 * page.height);
  if (top.length < 2) return null;
  // The widest x interval no top line covers, inside the span of the top lines: the gutter between the columns.
  const left = Math.min(...top.map((l) => l.x0));
  const right = Math.max(...top.map((l) => l.x1));
  const spans = top.map((l) => [l.x0, l.x1] as const).sort((a, b) => a[0] - b[0]);
  let best = { from: 0, to: 0 };
  let reach = left;
  for (const [a, b] of spans) {
    if (a > reach && a - reach > best.to - best.from) best = { from: reach, to: a };
    reach = Math.max(reach, b);
  }
  if (best.to - best.from < median(top.map((l) => l.size)) || best.from <= left || best.to >= right) return null;
  const cut = (best.from + best.to) / 2;
  const head = [...top.filter((l) => l.x1 <= cut), ...top.filter((l) => l.x0 >= cut)];
  return { head, rest: lines.filter((l) => !top.includes(l)) };
}

/** Reading text of the pages (empty string when they carry no text). */
export function pagesToText(pages: PageText[]): string {
  const perPage = dropFurniture(pages.map((p, k) => pageLines(p, k)), pages);
  const first = perPage[0] ?? [];
  const table = pages[0] ? headerTable(first, pages[0]) : null;
  const head = table?.head ?? [];
  const body = [...(table ? table.rest : first), ...perPage.slice(1).flat()];
  // The body's margins: where most lines start (the lowest cluster of starts, so centred and indented lines do not
  // count), and the right edge justified lines share (the cluster of line ends near the rightmost).
  const size = median(body.map((l) => l.size)) || 12;
  const x0s = body.map((l) => l.x0).sort((a, b) => a - b);
  const lo = x0s[Math.floor(0.05 * (x0s.length - 1))] ?? 0;
  const marginL = median(x0s.filter((x) => x <= lo + size));
  const hi = Math.max(0, ...body.map((l) => l.x1));
  const marginR = median(body.map((l) => l.x1).filter((x) => x >= hi - 2 * size));
  const pitch = median(body.slice(1).map((l, k) => (l.page === body[k]?.page ? l.y - (body[k]?.y ?? 0) : 0)).filter((d) => d > 0));

  // Within a column a line break, or a blank line where the gap is wider than a line; between the columns a blank line.
  let out = head.map((l, k) => {
    const prev = head[k - 1];
    if (!prev) return l.text;
    return `${l.y <= prev.y || l.y - prev.y > 1.55 * l.size ? '\n\n' : '\n'}${l.text}`;
  }).join('');
  if (head.length && body.length) out += '\n\n';
  body.forEach((l, k) => {
    const prev = body[k - 1];
    if (!prev) {
      out += l.text;
      return;
    }
    const full = prev.x1 >= marginR - 0.3 * prev.size && prev.x0 <= marginL + 3 * prev.size;
    const indented = l.x0 > marginL + 0.6 * l.size;
    const samePage = l.page === prev.page;
    const gap = samePage ? l.y - prev.y > 1.3 * pitch : /[.;:!?]$/.test(prev.text) && (indented || startsElement(l.text));
    if (gap) out += `\n\n${l.text}`;
    else if (!full || indented || startsElement(l.text)) out += `\n${l.text}`;
    else if (/\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(l.text)) out = `${out.slice(0, -1)}${l.text}`;
    else out += ` ${l.text}`;
  });
  return out === '' ? '' : `${out}\n`;
}

/** Characters of text the pages carry (white space aside): near zero for a scan without a text layer. */
export function textChars(pages: PageText[]): number {
  return pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.replace(/\s+/g, '').length, 0), 0);
}
