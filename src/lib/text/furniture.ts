/**
 * Page furniture: the lines a PDF or a printed gazette puts between a document's own lines — a page number ("12",
 * "- 3 -", "Trang 2/9", "2/9") or a running header or footer (a short line printed again on every page). Text
 * extracted from such a copy has them in the middle of sentences; the parser reads around them and content matching
 * ignores them. A line counts as a running header when the same short line (≤ 100 characters, folded) recurs three
 * times or more, or twice when it could not be the document's own line (not an element's start, not a sentence's
 * continuation): no line of a seed's own text recurs like that (test/analyze/source-match.test.ts), and layout-only lines
 * ("|", "-----") are never counted. Pure.
 */
import { startsElement, type Line } from './lines.ts';
import { foldVi } from './normalize.ts';

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*(?:\/|of|tren)\s*\d{1,4})?(?:\s*[-–—])?$/;

/** Indexes of the lines that are page furniture. */
export function furnitureLines(lines: readonly Line[]): Set<number> {
  const out = new Set<number>();
  const seen = new Map<string, number[]>();
  const twice = new Set<string>();
  for (const l of lines) {
    // A page header inside struck-through text is still a page header.
    const shown = l.clean !== '' ? l.clean : l.struck.join(' ');
    const f = foldVi(shown);
    if (f === '' || !/[a-z0-9]/.test(f)) continue;
    if (PAGE_NUMBER.test(f)) {
      out.add(l.index);
      continue;
    }
    // A header is neither a sentence's continuation nor its end, nor a structural element's start.
    if (f.length > 100 || /^\p{Ll}/u.test(shown) || /[.;:,]$/.test(shown) || startsElement(shown)) continue;
    // Twice is enough for a two-page copy's header when it has a few words.
    if (shown.split(' ').length >= 3) twice.add(f);
    const at = seen.get(f) ?? [];
    at.push(l.index);
    seen.set(f, at);
  }
  for (const [f, at] of seen) if (at.length >= 3 || (at.length === 2 && twice.has(f))) for (const i of at) out.add(i);
  return out;
}
