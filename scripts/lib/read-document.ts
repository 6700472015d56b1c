/**
 * The command-line tools' way in: a file named by the user → its bytes and text (src/lib/read/input.ts decides what is
 * readable: .txt/.md in UTF-8 or TCVN3/VNI, .docx through mammoth, .doc, portal .html, .pdf through pdf.js, with size
 * and sanity limits), or one line on stderr naming the tool, the file and the problem, and exit code 2. A scanned PDF
 * (no text layer) is read by OCR (scripts/lib/ocr.ts) and a note on stderr says so. No stack trace reaches the user.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import mammoth from 'mammoth';
import { readInput } from '../../src/lib/read/input.ts';
import type { PdfJs } from '../../src/lib/read/pdf-pages.ts';
import { ocrPdf } from './ocr.ts';
import { announceOcr, shown, TMP_ENV } from './budget-run.ts';
import { MAX_FILE_BYTES } from '../../src/lib/read/budget.ts';

/** How the text was obtained: as text, from a .docx, from a PDF's text layer, or by OCR of a scanned PDF. */
export type DocumentKind = 'text' | 'docx' | 'pdf' | 'pdf-ocr';

// The legacy build runs in Node without a worker thread or DOM; it is imported only when a PDF is opened.
const loadPdfJs = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;

/** "<tool>: <file>: <message>" on stderr, exit 2. */
export function die(tool: string, file: string, message: string): never {
  process.stderr.write(`${tool}: ${shown(file)}: ${message.replace(/[\r\n]+/g, ' ')}\n`);
  process.exit(2);
}

/** What a file that is not a regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of a regular file, read whole and bounded, or exit 2: its type is checked before it is opened for
 * reading (a named pipe would block for ever, /dev/zero never end), checked again on the open descriptor (opened
 * non-blocking), and no more than the size it had and MAX_FILE_BYTES is ever read.
 */
export function readRegularFile(tool: string, file: string): Uint8Array {
  let fd: number | null = null;
  try {
    const st = statSync(file);
    if (!st.isFile()) die(tool, file, `is ${kindOf(st)}, not a file; only regular files are read`);
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const fst = fstatSync(fd);
    if (!fst.isFile()) die(tool, file, `is ${kindOf(fst)}, not a file; only regular files are read`);
    if (fst.size > MAX_FILE_BYTES) die(tool, file, `the file is ${Math.round(fst.size / 1e6)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    const bytes = new Uint8Array(fst.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return bytes.subarray(0, got);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return die(tool, file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message.split('\n')[0]})`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The bytes and text of `file`, or exit 2 with the reason (missing, not a regular file, unreadable, not a text we read). */
/**
 * kind says how the original was read (scripts/add.ts records it): "text", "docx", "doc", "html", "pdf" or
 * "pdf-ocr", with "+tcvn3"/"+vni" when the text was converted from that legacy encoding.
 */
export async function readDocument(tool: string, file: string): Promise<{ bytes: Uint8Array; text: string; kind: string }> {
  const bytes = readRegularFile(tool, file);
  const input = await readInput(bytes, basename(file), async (b) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value, loadPdfJs);
  if (!input.ok && input.code === 'scanned_pdf') {
    const ocr = ocrPdf(file, { tmp: process.env[TMP_ENV], onStart: announceOcr });
    if (!ocr.ok) die(tool, file, ocr.message);
    process.stderr.write(`${tool}: ${file}: note: no text layer; read by OCR (tesseract, Vietnamese) in ${ocr.pages} page${ocr.pages === 1 ? '' : 's'}, ${(ocr.ms / 1000).toFixed(0)} s; OCR makes mistakes, check the text\n`);
    return { bytes, text: ocr.text, kind: 'pdf-ocr' };
  }
  if (!input.ok) die(tool, file, input.message);
  return { bytes, text: input.text, kind: input.legacy ? `${input.kind}+${input.legacy}` : input.kind };
}
