/**
 * After astro build (an integration in astro.config.mjs): on every English page of the built site (DIR/en/**.html),
 * the Vietnamese words of text nodes not already inside lang="vi" are wrapped in <span lang="vi"> (<tspan> in SVG
 * text; where an element can hold only text — option, title, textarea — the element itself gets lang="vi"), by the
 * rule of src/lib/text/vi-runs.ts. Names, titles and quotes then read as Vietnamese to screen readers, spell
 * checkers and translators, wherever a component printed them. Pages are rewritten atomically; returns counts.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vietnamesePieces } from '../lib/text/vi-runs.ts';

const TEXT_ONLY = new Set(['option', 'title', 'textarea', 'optgroup']);
const RAW = new Set(['script', 'style', 'noscript', 'template']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) htmlFiles(p, out);
    else if (e.endsWith('.html')) out.push(p);
  }
  return out;
}

interface Open { name: string; lang: string | null; chunk: number }

/**
 * One page's HTML with its Vietnamese marked, and how many text pieces were marked. A single pass over the markup
 * as Astro writes it (well formed, quoted attributes): a stack of open elements says the language in force and
 * whether the text is in the body, in SVG, or in an element that holds text only. A DOM parse and re-serialisation
 * took some 70 ms a page, too slow for a site of ten thousand resolutions.
 */
export function markPage(html: string): { html: string; marked: number } {
  const out: string[] = [];
  const stack: Open[] = [];
  let marked = 0;
  let body = false;
  const re = /<!--[\s\S]*?-->|<!\w[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tok = m[0];
    const name = m[2]?.toLowerCase();
    if (name && m[1]) {
      const at = stack.map((o) => o.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      if (name === 'body') body = false;
      out.push(tok);
      // The content of a raw-text element is not markup: skip to its end tag.
    } else if (name) {
      out.push(tok);
      if (name === 'body') body = true;
      const attrs = m[3] ?? '';
      if (VOID.has(name) || /\/\s*$/.test(attrs)) continue;
      const lang = /\slang="([^"]*)"/.exec(attrs)?.[1] ?? null;
      stack.push({ name, lang, chunk: out.length - 1 });
      if (RAW.has(name)) {
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = re.lastIndex;
        const end = close.exec(html);
        const to = end ? end.index : html.length;
        out.push(html.slice(re.lastIndex, to));
        re.lastIndex = to;
      }
    } else {
      const top = stack[stack.length - 1];
      const lang = [...stack].reverse().find((o) => o.lang !== null)?.lang;
      const pieces = body && top && lang !== 'vi' && !RAW.has(top.name) ? vietnamesePieces(tok) : null;
      if (!top || !pieces || !pieces.some((p) => p.vi)) {
        out.push(tok);
        continue;
      }
      marked++;
      if (TEXT_ONLY.has(top.name)) {
        out[top.chunk] = out[top.chunk]!.replace(/\s*\/?>$/, (end) => ` lang="vi"${end}`);
        top.lang = 'vi';
        out.push(tok);
        continue;
      }
      const tag = stack.some((o) => o.name === 'svg') ? 'tspan' : 'span';
      out.push(pieces.map((p) => (p.vi ? `<${tag} lang="vi">${p.text}</${tag}>` : p.text)).join(''));
    }
  }
  return { html: marked ? out.join('') : html, marked };
}

/** Marks every English page under `dir` (the built site); returns pages seen, pages changed, pieces marked. */
export function markEnglishPages(dir: string): { pages: number; changed: number; marked: number } {
  let en: string[];
  try {
    en = htmlFiles(join(dir, 'en'));
  } catch {
    return { pages: 0, changed: 0, marked: 0 };
  }
  let changed = 0;
  let marked = 0;
  for (const f of en) {
    const r = markPage(readFileSync(f, 'utf8'));
    if (!r.marked) continue;
    changed++;
    marked += r.marked;
    writeFileSync(`${f}.tmp`, r.html);
    renameSync(`${f}.tmp`, f);
  }
  return { pages: en.length, changed, marked };
}
