/**
 * A web page saved from a legal portal (the national database vbpl.vn, thuvienphapluat.vn and pages shaped like
 * them) → the document's own text, plus its attribute table ("Thuộc tính": Số hiệu, Loại văn bản, Cơ quan ban
 * hành, Người ký, Ngày ban hành, Ngày hiệu lực …) as the "| Key | value |" catalogue block the parser already
 * reads (see CATALOGUE_KEYS in header.ts). The site's menus, tabs, breadcrumbs, "Văn bản liên quan" lists,
 * footers, scripts and styles are dropped. No DOM: a small tolerant tag parser builds a tree, so the same code runs
 * in Node and the browser; the page is only ever read as data, never rendered. HTML text in, text or null out.
 */
import { CATALOGUE_KEYS } from './catalogue.ts';

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

function parse(html: string): Node {
  const root: Node = { tag: '#root', attrs: '', children: [] };
  const stack: Node[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const re = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) top().children.push(html.slice(last, m.index));
    last = re.lastIndex;
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      const at = stack.map((n) => n.tag).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const node: Node = { tag: name, attrs: m[3] ?? '', children: [] };
    if (CLOSES_SELF.has(name)) {
      const cur = top().tag;
      if (cur === name || ((name === 'td' || name === 'th') && (cur === 'td' || cur === 'th'))) stack.pop();
    }
    top().children.push(node);
    if (VOID.has(name) || node.attrs.trimEnd().endsWith('/')) continue;
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      // Raw text: everything up to the matching end tag is data, never markup.
      const close = new RegExp(`</${name}\\s*>`, 'ig');
      close.lastIndex = last;
      const end = close.exec(html);
      last = re.lastIndex = end ? close.lastIndex : html.length;
      continue;
    }
    stack.push(node);
  }
  if (last < html.length) top().children.push(html.slice(last));
  return root;
}

function isFurniture(n: Node): boolean {
  const names = `${attrValue(n, 'id')} ${attrValue(n, 'class')}`;
  return DROP.has(n.tag) || FURNITURE_ROLE.test(n.attrs) || FURNITURE.test(names) || FURNITURE_PART.test(names);
}
function attrValue(n: Node, name: string): string {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(n.attrs)?.slice(1).find((x) => x !== undefined) ?? '';
}

/** Text of a subtree with line breaks where blocks end; white space inside a line collapsed. */
function textOf(n: Node | string, skip: (n: Node) => boolean): string {
  if (typeof n === 'string') return decodeEntities(n.replace(/[\s]+/g, ' '));
  if (skip(n)) return '';
  if (n.tag === 'br') return '\n';
  const inner = n.children.map((c) => textOf(c, skip)).join('');
  if (n.tag === 'p' || /^h\d$/.test(n.tag)) return `\n\n${inner}\n\n`;
  return BLOCK.has(n.tag) ? `\n${inner}\n` : inner;
}

const tidy = (s: string) => s.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();

function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) if (typeof c !== 'string') yield* walk(c);
}

// How the portals label the catalogue's keys (vbpl.vn: "Số ký hiệu", "Cơ quan ban hành/ Chức danh / Người ký";
// thuvienphapluat.vn: "Nơi ban hành", "Ngày hiệu lực").
const KEY_ALIASES: Record<string, string> = {
  'ngày hiệu lực': 'Ngày có hiệu lực', 'lĩnh vực, ngành': 'Lĩnh vực', 'số ký hiệu': 'Số hiệu', 'nơi ban hành': 'Cơ quan ban hành',
  'cơ quan ban hành/ chức danh / người ký': 'Cơ quan ban hành', 'cơ quan ban hành/ chức danh/ người ký': 'Cơ quan ban hành',
};

/** The attribute table's rows as catalogue pairs, keyed like CATALOGUE_KEYS. */
function catalogue(root: Node): [string, string][] {
  const out = new Map<string, string>();
  for (const row of walk(root)) {
    if (row.tag !== 'tr') continue;
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

const ARTICLE = /(?:^|\n)[\s*#_]*Điều\s+\d+/gu;

export interface PortalDocument { text: string; catalogue: [string, string][] }

/**
 * The document on a portal page, or null when the page holds none (only menus and links). The content is the
 * known container when there is one, else the smallest block holding nearly all of the page's articles.
 */
export function readPortalHtml(html: string): PortalDocument | null {
  const root = parse(html);
  const cat = catalogue(root);
  const skip = (n: Node) => isFurniture(n) && !CONTENT.test(` ${attrValue(n, 'id')} ${attrValue(n, 'class')} `);
  const attributeTable = (n: Node) => n.tag === 'table' && catalogue(n).length >= 3;
  const skipAll = (n: Node) => skip(n) || attributeTable(n);
  let body: Node | null = null;
  for (const n of walk(root)) if (CONTENT.test(` ${attrValue(n, 'id')} ${attrValue(n, 'class')} `) && tidy(textOf(n, skipAll)).length > 200) body = body ?? n;
  if (!body) {
    const all = (tidy(textOf(root, skipAll)).match(ARTICLE) ?? []).length;
    let best: { n: Node; len: number } | null = null;
    if (all > 0) {
      for (const n of walk(root)) {
        if (!BLOCK.has(n.tag) && n.tag !== '#root') continue;
        const t = tidy(textOf(n, skipAll));
        if ((t.match(ARTICLE) ?? []).length * 10 >= all * 9 && (!best || t.length < best.len)) best = { n, len: t.length };
      }
    }
    body = best?.n ?? null;
  }
  if (!body) return null;
  const text = tidy(textOf(body, skipAll));
  if (text.length < 200) return null;
  return { text, catalogue: cat };
}

/** The portal document as the text the analysis reads: its catalogue block, a blank line, then its own text. */
export function portalText(doc: PortalDocument): string {
  const block = doc.catalogue.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '/')} |`).join('\n');
  return block ? `${block}\n\n${doc.text}\n` : `${doc.text}\n`;
}
