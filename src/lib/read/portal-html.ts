/**
 * A web page saved from a legal portal (the national database vbpl.vn, thuvienphapluat.vn and pages shaped like
 * them) → the document's own text, plus its attribute table ("Thuộc tính": Số hiệu, Loại văn bản, Cơ quan ban
 * hành, Người ký, Ngày ban hành, Ngày hiệu lực …) as the "| Key | value |" catalogue block the parser already
 * reads (see CATALOGUE_KEYS in header.ts). The site's menus, tabs, breadcrumbs, "Văn bản liên quan" lists,
 * footers, scripts and styles are dropped. No DOM: htmlparser2's streaming tokenizer builds a small tree, so the same
 * code runs in Node, the browser and its workers; the page is only ever read as data, never rendered. Every step is
 * linear in the page (iterative walks, each subtree's text measured once), so a page built to hang a reader cannot.
 * HTML text in, text or null out.
 */
import { Parser } from 'htmlparser2';
import { CATALOGUE_KEYS } from './catalogue.ts';
import { MAX_HTML_DEPTH } from './budget.ts';

interface Node { tag: string; attrs: string; children: (Node | string)[] }

const VOID = new Set(['br', 'img', 'meta', 'link', 'input', 'hr', 'col', 'wbr', 'source', 'area', 'base', 'embed', 'param', 'track']);
const DROP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'title', 'canvas', 'video', 'audio', 'map']);
// Site furniture, named the way portals name it: distinctive words anywhere in an id or class ("divVBLienQuan",
// "TopMenu"), short ones only as a whole token ("nav", "tabs").
const FURNITURE_PART = /menu|breadcrumb|footer|sidebar|banner|lien-?quan|vblq|related|quang-?cao|advert|login|dang-?nhap|social|share|copyright|tien-?ich|cung-?chuyen-?muc/i;
const FURNITURE = /(?:^|[\s_-])(?:nav\w*|header|site-?header|search|tim-?kiem|comments?|ads|tabs|tablist|tab-?(?:header|nav|list|title)s?)(?:$|[\s_-])/i;
const FURNITURE_ROLE = /\brole\s*=\s*["']?(?:navigation|menu|menubar|tablist|banner|contentinfo|search|complementary)\b/i;
// The document's own container on known portals.
const CONTENT = /(?:^|[\s"'])(?:toanvancontent|toan-?van\w*|content1|divContentDoc|fulltext|vbContent|noidungvanban|noi-?dung-?van-?ban|document-content|doc-content)(?:$|[\s"'])/i;
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'main', 'td', 'th', 'dd', 'dt', 'dl', 'center', 'pre', 'body', 'html']);
const CLOSES_SELF = new Set(['p', 'li', 'tr', 'td', 'th', 'option', 'dd', 'dt']);

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', bull: '•',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', deg: '°', middot: '·',
};
for (const [base, marks] of [['a', 'grave acute circ tilde uml ring'], ['e', 'grave acute circ uml'], ['i', 'grave acute circ uml'], ['o', 'grave acute circ tilde uml'], ['u', 'grave acute circ uml'], ['y', 'acute uml']] as const) {
  const combining: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030a' };
  for (const m of marks.split(' ')) {
    ENTITIES[`${base}${m}`] = `${base}${combining[m]}`.normalize('NFC');
    ENTITIES[`${base.toUpperCase()}${m}`] = `${base.toUpperCase()}${combining[m]}`.normalize('NFC');
  }
}

/** Character references (&amp; &#7897; &#x1ED9; &agrave;) → characters; unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);?/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code < 0xe000) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ref] ?? ENTITIES[ref.toLowerCase()] ?? all;
  });
}

/** Thrown while parsing a page whose elements nest deeper than MAX_HTML_DEPTH; office.ts refuses it in one line. */
export class HtmlTooDeep extends Error {
  constructor() {
    super(`the page nests its elements more than ${MAX_HTML_DEPTH} deep`);
  }
}

/** Attributes back into the text form the furniture tests read (` id="…" class="…"`), values kept as written. */
function attrText(attribs: Record<string, string>): string {
  return Object.entries(attribs).map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
}

/**
 * The page as a tree, by htmlparser2 (a streaming tokenizer: linear in the page, whatever its markup; it closes
 * implied tags and reads script and style as raw text). Entities are decoded later, in textOf.
 */
function parse(html: string): Node {
  const root: Node = { tag: '#root', attrs: '', children: [] };
  let depth = 0;
  const stack: Node[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const parser = new Parser({
    onopentag(name, attribs) {
      // htmlparser2's own stack costs its depth at every tag: a page built thousands deep is refused here.
      if (++depth > MAX_HTML_DEPTH) throw new HtmlTooDeep();
      const node: Node = { tag: name.toLowerCase(), attrs: attrText(attribs), children: [] };
      top().children.push(node);
      stack.push(node);
    },
    ontext(text) {
      const kids = top().children;
      const last = kids[kids.length - 1];
      if (typeof last === 'string') kids[kids.length - 1] = last + text;
      else kids.push(text);
    },
    onclosetag(name) {
      // htmlparser2 closes every element it opened, in order (implied ends included): the top is the one.
      depth--;
      if (stack.length > 1 && top().tag === name.toLowerCase()) stack.pop();
    },
  }, { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  return root;
}

function isFurniture(n: Node): boolean {
  const names = `${attrValue(n, 'id')} ${attrValue(n, 'class')}`;
  return DROP.has(n.tag) || FURNITURE_ROLE.test(n.attrs) || FURNITURE.test(names) || FURNITURE_PART.test(names);
}
function attrValue(n: Node, name: string): string {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(n.attrs)?.slice(1).find((x) => x !== undefined) ?? '';
}

const opening = (n: Node) => (n.tag === 'p' || /^h\d$/.test(n.tag) ? '\n\n' : BLOCK.has(n.tag) ? '\n' : '');
const cleanText = (s: string) => decodeEntities(s.replace(/[\s]+/g, ' '));

/**
 * Text of a subtree with line breaks where blocks end; white space inside a line collapsed. Iterative (a page
 * nested thousands deep cannot overflow the stack); `at`, when given, receives each reached node's range in the text.
 */
function textOf(n: Node | string, skip: (n: Node) => boolean, at?: Map<Node, [number, number]>): string {
  const out: string[] = [];
  let length = 0;
  const emit = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const todo: (Node | string | { end: Node })[] = [n];
  while (todo.length) {
    const x = todo.pop() as Node | string | { end: Node };
    if (typeof x === 'string') emit(cleanText(x));
    else if ('end' in x) {
      emit(opening(x.end));
      const r = at?.get(x.end);
      if (r) r[1] = length;
    } else if (!skip(x)) {
      if (x.tag === 'br') {
        emit('\n');
        continue;
      }
      at?.set(x, [length, length]);
      emit(opening(x));
      todo.push({ end: x });
      for (let k = x.children.length - 1; k >= 0; k--) todo.push(x.children[k] as Node | string);
    }
  }
  return out.join('');
}

const tidy = (s: string) => s.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();

/** Every node of a tree, parents first; iterative. */
function* walk(n: Node): Generator<Node> {
  const todo: Node[] = [n];
  while (todo.length) {
    const x = todo.pop() as Node;
    yield x;
    for (let k = x.children.length - 1; k >= 0; k--) {
      const c = x.children[k];
      if (typeof c !== 'string' && c) todo.push(c);
    }
  }
}

/** How many nodes each subtree holds (the node itself included), computed once. */
function subtreeSizes(root: Node): Map<Node, number> {
  const order = [...walk(root)];
  const size = new Map<Node, number>();
  for (let k = order.length - 1; k >= 0; k--) {
    const x = order[k] as Node;
    let s = 1;
    for (const c of x.children) if (typeof c !== 'string') s += size.get(c) ?? 1;
    size.set(x, s);
  }
  return size;
}

/** An attribute table is small: a table or cell holding more nodes than this is never read as one. */
const MAX_CATALOGUE_NODES = 4000;

// How the portals label the catalogue's keys (vbpl.vn: "Số ký hiệu", "Cơ quan ban hành/ Chức danh / Người ký";
// thuvienphapluat.vn: "Nơi ban hành", "Ngày hiệu lực").
const KEY_ALIASES: Record<string, string> = {
  'ngày hiệu lực': 'Ngày có hiệu lực', 'lĩnh vực, ngành': 'Lĩnh vực', 'số ký hiệu': 'Số hiệu', 'nơi ban hành': 'Cơ quan ban hành',
  'cơ quan ban hành/ chức danh / người ký': 'Cơ quan ban hành', 'cơ quan ban hành/ chức danh/ người ký': 'Cơ quan ban hành',
};

/** The attribute table's rows as catalogue pairs, keyed like CATALOGUE_KEYS; cells too large to be labels are not read. */
function catalogue(root: Node, sizes: Map<Node, number>): [string, string][] {
  const out = new Map<string, string>();
  for (const row of walk(root)) {
    if (row.tag !== 'tr' || (sizes.get(row) ?? 0) > MAX_CATALOGUE_NODES) continue;
    const cells = row.children.filter((c): c is Node => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')).map((c) => tidy(textOf(c, () => false)).replace(/\s*\n\s*/g, ' ').replace(/:$/, '').trim());
    for (let k = 0; k + 1 < cells.length; k++) {
      const label = cells[k] ?? '';
      const key = CATALOGUE_KEYS.find((c) => c.toLowerCase() === label.toLowerCase()) ?? KEY_ALIASES[label.toLowerCase()];
      const value = cells[k + 1] ?? '';
      if (key && value && !/^(?:đang cập nhật|không xác định|đã biết|\.{2,}|-+|…)$/iu.test(value) && !out.has(key) && !CATALOGUE_KEYS.some((c) => c.toLowerCase() === value.toLowerCase())) {
        out.set(key, value);
        k++;
      }
    }
  }
  return [...out];
}

// Anchored after a line break by a look-behind, so a run of blank lines is not rescanned from each of its breaks.
const ARTICLE = /(?<=^|\n)(?:[*#_]|[^\S\n])*Điều\s+\d+/gu;

export interface PortalDocument { text: string; catalogue: [string, string][] }

/** Known content containers examined before giving up on them (a page may name many, nested). */
const MAX_CONTENT_CANDIDATES = 50;

/**
 * The document on a portal page, or null when the page holds none (only menus and links). The content is the
 * known container when there is one, else the smallest block holding nearly all of the page's articles. The page's
 * text is laid out once, with each block's range in it, so finding that block is linear, not a layout per block.
 */
export function readPortalHtml(html: string): PortalDocument | null {
  const root = parse(html);
  const sizes = subtreeSizes(root);
  const cat = catalogue(root, sizes);
  const named = (n: Node) => CONTENT.test(` ${attrValue(n, 'id')} ${attrValue(n, 'class')} `);
  const skip = (n: Node) => isFurniture(n) && !named(n);
  const tables = new Map<Node, boolean>();
  const attributeTable = (n: Node) => {
    if (n.tag !== 'table' || (sizes.get(n) ?? 0) > MAX_CATALOGUE_NODES) return false;
    let t = tables.get(n);
    if (t === undefined) tables.set(n, (t = catalogue(n, sizes).length >= 3));
    return t;
  };
  const skipAll = (n: Node) => skip(n) || attributeTable(n);
  const ranges = new Map<Node, [number, number]>();
  const page = textOf(root, skipAll, ranges);
  let body: Node | null = null;
  let tried = 0;
  for (const n of walk(root)) {
    if (tried >= MAX_CONTENT_CANDIDATES || !named(n)) continue;
    const r = ranges.get(n);
    // Tidying only ever shortens a text: a range of 200 characters or fewer cannot hold the document.
    if (r && r[1] - r[0] <= 200) continue;
    tried++;
    if (tidy(textOf(n, skipAll)).length > 200) {
      body = n;
      break;
    }
  }
  if (!body) {
    const articles = [...page.matchAll(ARTICLE)].map((m) => m.index + m[0].length - 1);
    const all = articles.length;
    /** How many article openings lie in [from, to): two binary searches. */
    const within = (from: number, to: number) => lowerBound(articles, to) - lowerBound(articles, from);
    let best: { n: Node; len: number } | null = null;
    if (all > 0) {
      for (const [n, [from, to]] of ranges) {
        if (!BLOCK.has(n.tag) && n.tag !== '#root') continue;
        if (within(from, to) * 10 >= all * 9 && (!best || to - from < best.len)) best = { n, len: to - from };
      }
    }
    body = best?.n ?? null;
  }
  if (!body) return null;
  const text = tidy(textOf(body, skipAll));
  if (text.length < 200) return null;
  return { text, catalogue: cat };
}

/** The first index of a sorted array whose value is ≥ x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The portal document as the text the analysis reads: its catalogue block, a blank line, then its own text. */
export function portalText(doc: PortalDocument): string {
  const block = doc.catalogue.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '/')} |`).join('\n');
  return block ? `${block}\n\n${doc.text}\n` : `${doc.text}\n`;
}
