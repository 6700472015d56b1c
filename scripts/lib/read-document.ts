/**
 * The command-line tools' way in: a file named by the user → its bytes and text (src/lib/read/input.ts decides what is
 * readable: .txt/.md in UTF-8 or TCVN3/VNI, .docx through mammoth, .doc, portal .html, .pdf through pdf.js, with size
 * and sanity limits), or one line on stderr naming the tool, the file and the problem, and exit code 2. A scanned PDF
 * (no text layer) is read by OCR (scripts/lib/ocr.ts) and a note on stderr says so. No stack trace reaches the user.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import mammoth from 'mammoth';
import { readInput } from '../../src/lib/read/input.ts';
import type { PdfJs } from '../../src/lib/read/pdf-pages.ts';
import { ocrPdf } from './ocr.ts';

/** How the text was obtained: as text, from a .docx, from a PDF's text layer, or by OCR of a scanned PDF. */
export type DocumentKind = 'text' | 'docx' | 'pdf' | 'pdf-ocr';

// The legacy build runs in Node without a worker thread or DOM; it is imported only when a PDF is opened.
const loadPdfJs = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;

/** "<tool>: <file>: <message>" on stderr, exit 2. */
export function die(tool: string, file: string, message: string): never {
  process.stderr.write(`${tool}: ${file}: ${message}\n`);
  process.exit(2);
}

/** The bytes and text of `file`, or exit 2 with the reason (missing, a directory, unreadable, not a text we read). */
/**
 * kind says how the original was read (scripts/add.ts records it): "text", "docx", "doc", "html", "pdf" or
 * "pdf-ocr", with "+tcvn3"/"+vni" when the text was converted from that legacy encoding.
 */
export async function readDocument(tool: string, file: string): Promise<{ bytes: Uint8Array; text: string; kind: string }> {
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) die(tool, file, 'is a directory, not a file');
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    die(tool, file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(e as Error).message})`);
  }
  const input = await readInput(bytes, basename(file), async (b) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value, loadPdfJs);
  if (!input.ok && input.code === 'scanned_pdf') {
    const ocr = ocrPdf(file);
    if (!ocr.ok) die(tool, file, ocr.message);
    process.stderr.write(`${tool}: ${file}: note: no text layer; read by OCR (tesseract, Vietnamese) in ${ocr.pages} page${ocr.pages === 1 ? '' : 's'}, ${(ocr.ms / 1000).toFixed(0)} s; OCR makes mistakes, check the text\n`);
    return { bytes, text: ocr.text, kind: 'pdf-ocr' };
  }
  if (!input.ok) die(tool, file, input.message);
  return { bytes, text: input.text, kind: input.legacy ? `${input.kind}+${input.legacy}` : input.kind };
}
