/**
 * Turns the bytes of a file a person hands us (.txt, .md, .docx, .doc, .pdf, a saved portal page; UTF-8 or a legacy
 * Vietnamese encoding) into reading text, or into one clear reason why not: empty, too large, binary, an encoding we
 * cannot convert, a corrupt or oversized .docx (zip bomb), a corrupt .doc or PDF, a scan with no text layer. Every
 * input is hostile until proven otherwise. Pure: the .docx converter (mammoth) and pdf.js are passed in, so the same
 * checks run in Node and the browser.
 */
import { fail, type InputResult } from './result.ts';
import { finishText, readLegacyBytes, readOfficeBytes } from './office.ts';
import { normalizeText } from '../text/normalize.ts';
import { readPdf, type LoadPdfJs } from './pdf.ts';
import { MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_TEXT_CHARS } from './budget.ts';

export const MAX_BYTES = MAX_FILE_BYTES;
/** A .docx whose parts would expand past this is refused before it is unpacked. */
const MAX_EXPANDED_BYTES = MAX_INFLATED_BYTES;
/** Ratio of expanded to compressed size above which an entry is treated as a zip bomb. */
const MAX_RATIO = 200;


/** Converts a .docx to plain text; mammoth's extractRawText fits. */
export type DocxToText = (bytes: Uint8Array) => Promise<string>;

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
}

/** Sizes a zip's central directory declares, read without unpacking anything; null when there is none. */
interface ZipEntry { name: string; compressed: number; expanded: number; method: number; offset: number }
function zipEntries(b: Uint8Array): ZipEntry[] | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const compressed = view.getUint32(p + 20, true);
    const expanded = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, compressed, expanded, method: view.getUint16(p + 10, true), offset: view.getUint32(p + 42, true) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Check a .docx's declared structure and sizes before it is unpacked. Null when it may be opened. */
function docxProblem(b: Uint8Array): { code: string; message: string } | null {
  const entries = zipEntries(b);
  if (!entries) return { code: 'corrupt_docx', message: 'the .docx is damaged (its zip directory cannot be read)' };
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    return { code: 'corrupt_docx', message: 'this zip is not a Word document (no word/document.xml inside)' };
  }
  const expanded = entries.reduce((s, e) => s + e.expanded, 0);
  const worst = entries.reduce((m, e) => Math.max(m, e.compressed > 0 ? e.expanded / e.compressed : e.expanded > 0 ? Infinity : 0), 0);
  if (expanded > MAX_EXPANDED_BYTES || worst > MAX_RATIO) {
    return { code: 'docx_too_large', message: `the .docx would expand to ${Math.round(expanded / 1e6)} MB (compression ratio up to ${worst === Infinity ? '∞' : Math.round(worst)}:1); refused as unsafe` };
  }
  return null;
}

/**
 * The bytes a .docx's parts really inflate to, counted as they come out of the inflater and stopped past `limit`
 * (a zip may declare any sizes it likes): 'over' past the limit, 'corrupt' when a part cannot be inflated.
 */
async function inflatedSize(b: Uint8Array, entries: ZipEntry[], limit: number): Promise<number | 'over' | 'corrupt'> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let total = 0;
  for (const e of entries) {
    if (e.offset + 30 > b.length || view.getUint32(e.offset, true) !== 0x04034b50) return 'corrupt';
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    const data = b.subarray(Math.min(start, b.length), Math.min(start + e.compressed, b.length));
    if (e.method === 0) {
      total += data.length;
    } else if (e.method === 8) {
      const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
      try {
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          total += r.value.length;
          if (total > limit) {
            void reader.cancel().catch(() => undefined);
            return 'over';
          }
        }
      } catch {
        return 'corrupt';
      }
    } else return 'corrupt';
    if (total > limit) return 'over';
  }
  return total;
}

/** Decode text bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
function decodeText(b: Uint8Array): InputResult {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const text = new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b);
    return { ok: true, text: normalizeText(text), kind: 'text' };
  }
  const sample = b.subarray(0, 8192);
  let controls = 0;
  for (const c of sample) if (c < 9 || (c > 13 && c < 32 && c !== 27)) controls++;
  // A NUL anywhere (not only in the sample) is a binary file: no text carries one, and it must never reach a table.
  if (controls > 0 || b.indexOf(0) !== -1) return fail('binary', 'this is a binary file, not text (expected .txt, .md or .docx)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    return { ok: true, text: normalizeText(text), kind: 'text' };
  } catch {
    return fail('wrong_encoding', 'the text is not UTF-8 (perhaps Windows-1258 or TCVN3); save it as UTF-8 and try again');
  }
}

/**
 * Bytes of a file → reading text, or the reason it cannot be read. Never throws. The office formats (.doc, portal
 * HTML, TCVN3/VNI) are office-input.ts's, PDF is pdf-input.ts's; the rest is readBytes below.
 */
export async function readInput(bytes: Uint8Array, name: string, docxToText?: DocxToText, loadPdfJs?: LoadPdfJs): Promise<InputResult> {
  const sized = bytes.length > 0 && bytes.length <= MAX_BYTES;
  let r = (sized ? await readOfficeBytes(bytes, name, decodeText) : null) ?? (await readBytes(bytes, name, docxToText, loadPdfJs));
  if (!r.ok && r.code === 'wrong_encoding') r = readLegacyBytes(bytes, r);
  if (r.ok && r.text.length > MAX_TEXT_CHARS) return tooLong(r.text.length);
  const done = r.ok ? await finishText(r) : r;
  return done.ok && done.text.length > MAX_TEXT_CHARS ? tooLong(done.text.length) : done;
}

function tooLong(chars: number): InputResult {
  return fail('too_long', `the file holds ${chars.toLocaleString('en')} characters of text; the limit is ${MAX_TEXT_CHARS.toLocaleString('en')} (some 600 pages)`);
}

async function readBytes(bytes: Uint8Array, name: string, docxToText?: DocxToText, loadPdfJs?: LoadPdfJs): Promise<InputResult> {
  if (bytes.length === 0) return fail('empty', 'the file is empty');
  if (bytes.length > MAX_BYTES) return fail('too_large', `the file is ${Math.round(bytes.length / 1e6)} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB`);
  const lower = name.toLowerCase();
  if (isZip(bytes) || lower.endsWith('.docx')) {
    if (!isZip(bytes)) return fail('corrupt_docx', 'the file is named .docx but is not a Word document (not a zip)');
    const problem = docxProblem(bytes);
    if (problem) return { ok: false, ...problem };
    const real = await inflatedSize(bytes, zipEntries(bytes) ?? [], MAX_EXPANDED_BYTES);
    if (real === 'over') return fail('docx_too_large', `the .docx expands to more than ${MAX_EXPANDED_BYTES / 1024 / 1024} MB, whatever sizes it declares; refused as unsafe`);
    if (real === 'corrupt') return fail('corrupt_docx', 'the .docx is damaged (a part of it cannot be unpacked)');
    if (!docxToText) return fail('unsupported', 'opening .docx is not available here');
    try {
      const text = normalizeText(await docxToText(bytes));
      return text.trim() === '' ? fail('empty', 'the .docx has no text') : { ok: true, text, kind: 'docx' };
    } catch (e) {
      return fail('corrupt_docx', `the .docx could not be read (${e instanceof Error ? e.message.split('\n')[0] : 'unknown error'})`);
    }
  }
  if (lower.endsWith('.pdf') || readPdf.sniff(bytes)) return readPdf(bytes, loadPdfJs);
  const decoded = decodeText(bytes);
  if (decoded.ok && decoded.text.trim() === '') return fail('empty', 'the file has only white space');
  return decoded;
}
