/**
 * The PDF branch of readInput: bytes → reading text (pdf.js loaded through the injected loader, items assembled by
 * pdf-text.ts), or a coded refusal. A PDF whose pages carry (almost) no text is a scan: it is refused with the code
 * `scanned_pdf`, which the command line answers by OCR (scripts/lib/ocr.ts) and the browser by saying so.
 */
import { fail, type InputResult } from './result.ts';
import { isPdf, readPdfPages, type PdfJs } from './pdf-pages.ts';
import { pagesToText, textChars } from './pdf-layout.ts';
import { normalizeText } from '../text/normalize.ts';
import { pdfContentBytes } from './pdf-streams.ts';
import { MAX_PDF_CONTENT_BYTES } from './budget.ts';

/** Loads pdf.js on demand (a dynamic import), so nothing is fetched until a PDF is opened. */
export type LoadPdfJs = () => Promise<PdfJs>;

/** Below this many characters per page on average, the text layer is missing (a scan) or is only a stamp. */
const SCANNED_CHARS_PER_PAGE = 40;


/** Bytes of a .pdf → its reading text, or the reason it cannot be read. Never throws. */
export async function readPdf(bytes: Uint8Array, load?: LoadPdfJs): Promise<InputResult> {
  if (!isPdf(bytes)) return fail('corrupt_pdf', 'the file is named .pdf but is not a PDF (no %PDF- header)');
  if (!load) return fail('unsupported', 'opening .pdf is not available here');
  // A decompression bomb (one page inflating to a gigabyte, or 300 pages sharing one huge stream) is refused here.
  const inflated = await pdfContentBytes(bytes);
  if (inflated > MAX_PDF_CONTENT_BYTES) {
    return fail('pdf_too_large', `the PDF's pages inflate to more than ${MAX_PDF_CONTENT_BYTES / 1024 / 1024} MB of drawing instructions; refused as unsafe (a decompression bomb?)`);
  }
  let pdfjs: PdfJs;
  try {
    pdfjs = await load();
  } catch (e) {
    return fail('unsupported', `the PDF reader could not be loaded (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const read = await readPdfPages(pdfjs, bytes);
  if (!read.ok) return fail(read.code, read.message);
  const n = read.pages.length;
  if (n === 0) return fail('empty', 'the PDF has no pages');
  if (textChars(read.pages) < SCANNED_CHARS_PER_PAGE * n) {
    return fail('scanned_pdf', `the PDF has no text layer (${n} page${n === 1 ? '' : 's'} of images: a scan); its text must be recognised by OCR`);
  }
  const text = normalizeText(pagesToText(read.pages));
  return text.trim() === '' ? fail('empty', 'the PDF has no text') : { ok: true, text, kind: 'pdf' };
}

/** Whether bytes that came without a .pdf name are a PDF all the same (the header at the very start). */
readPdf.sniff = (b: Uint8Array): boolean => b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;
