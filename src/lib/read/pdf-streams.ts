/**
 * A PDF's streams measured before pdf.js reads it, so that a decompression bomb is refused instead of inflated: every
 * Flate-compressed stream that is not an image is inflated once, chunk by chunk, counting its bytes as they come out
 * (the /Length a PDF declares proves nothing), weighted by how many pages draw it as their content (300 pages may
 * share one stream), and the scan stops as soon as the total passes MAX_PDF_CONTENT_BYTES. One pass over the bytes,
 * each stream looked at once; images are left to the OCR step, which caps pixels. Pure and isomorphic
 * (DecompressionStream exists in Node and browsers).
 */
import { MAX_PDF_CONTENT_BYTES } from './budget.ts';

/** How far before a stream's keyword its object header and dictionary may lie. */
const DICT_WINDOW = 4096;

/** Pages drawing each object as their /Contents, by object number (direct references and arrays of them). */
function contentRefs(text: string): Map<number, number> {
  const refs = new Map<number, number>();
  const add = (n: number) => refs.set(n, (refs.get(n) ?? 0) + 1);
  for (const m of text.matchAll(/\/Contents\s*(\[[^\]]{0,20000}\]|\d+\s+\d+\s+R)/g)) {
    for (const r of (m[1] ?? '').matchAll(/(\d+)\s+\d+\s+R/g)) add(Number(r[1]));
  }
  return refs;
}

/** Bytes out of an inflater, counted and stopped once `budget` is spent; errors end the count quietly. */
async function inflateCount(data: Uint8Array, weight: number, budget: number): Promise<number> {
  let used = 0;
  const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      used += r.value.length * weight;
      if (used > budget) break;
    }
  } catch {
    // A damaged stream: what came out is counted; pdf.js will say what is wrong with it.
  }
  // Not awaited: a cancelled pipe may never settle in some engines, and nothing more is read from it.
  void reader.cancel().catch(() => undefined);
  return used;
}

/** The bytes the PDF's drawn streams inflate to, stopped just past the budget. */
export async function pdfContentBytes(b: Uint8Array, budget = MAX_PDF_CONTENT_BYTES): Promise<number> {
  const text = new TextDecoder('latin1').decode(b);
  const refs = contentRefs(text);
  const keyword = /(?<![a-z])stream(?:\r\n|\n|\r)/g;
  let total = 0;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    const dataStart = m.index + m[0].length;
    const end = text.indexOf('endstream', dataStart);
    const dataEnd = end === -1 ? text.length : end;
    keyword.lastIndex = dataEnd;
    const before = text.slice(Math.max(0, m.index - DICT_WINDOW), m.index);
    let head: RegExpExecArray | null = null;
    for (const h of before.matchAll(/(\d+)\s+\d+\s+obj\b/g)) head = h;
    const dict = head ? before.slice(head.index + head[0].length) : before;
    if (!/\/FlateDecode/.test(dict) || /\/Subtype\s*\/Image/.test(dict)) continue;
    const weight = 1 + (head ? (refs.get(Number(head[1])) ?? 0) : 0);
    total += await inflateCount(b.subarray(dataStart, dataEnd), weight, budget - total);
    if (total > budget) return total;
  }
  return total;
}
