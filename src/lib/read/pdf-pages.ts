/**
 * A PDF's bytes → the positioned text of its pages, through pdf.js (pdfjs-dist), which the caller passes in: the
 * legacy build in Node, the browser build with its self-hosted worker in the page. So this module stays pure and
 * pdf.js is loaded only when a PDF is opened. Failures (not a PDF, damaged or truncated, password-protected, too
 * many pages) come back as a code and one line, never as an exception.
 */
import type { PageItem, PageText } from './pdf-layout.ts';
import { MAX_PDF_PAGES, MAX_TEXT_CHARS } from './budget.ts';


interface TextItem { str?: string; transform?: number[]; width?: number }
interface PdfPageProxy {
  getViewport(o: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: TextItem[] }>;
  cleanup?(): void;
}
interface PdfDocumentProxy { numPages: number; getPage(n: number): Promise<PdfPageProxy> }
/** The part of pdfjs-dist this module uses. */
export interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocumentProxy>; destroy(): Promise<void> };
}

export type PdfPages = { ok: true; pages: PageText[] } | { ok: false; code: string; message: string };

/** Whether the bytes start like a PDF (the header may follow a little junk, as readers allow). */
export function isPdf(b: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  return head.includes('%PDF-');
}

function reason(e: unknown): { code: string; message: string } {
  const name = (e as { name?: string } | null)?.name ?? '';
  const text = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (name === 'PasswordException') return { code: 'encrypted_pdf', message: 'the PDF is protected by a password; save an unprotected copy and try again' };
  if (name === 'InvalidPDFException') return { code: 'corrupt_pdf', message: `the PDF is damaged or truncated (${text})` };
  return { code: 'corrupt_pdf', message: `the PDF could not be read (${text})` };
}

/** Text items of every page, y measured from the top of the page. */
export async function readPdfPages(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfPages> {
  // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) return { ok: false, code: 'too_many_pages', message: `the PDF has ${doc.numPages} pages; the limit is ${MAX_PDF_PAGES}` };
    const pages: PageText[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PageItem[] = [];
      for (const it of content.items) {
        const t = it.transform;
        if (typeof it.str !== 'string' || !t || t.length < 6) continue;
        const size = Math.hypot(t[2] ?? 0, t[3] ?? 0);
        items.push({ str: it.str, x: t[4] ?? 0, y: height - (t[5] ?? 0), width: it.width ?? 0, size });
        chars += it.str.length;
      }
      if (chars > MAX_TEXT_CHARS) return { ok: false, code: 'too_large', message: `the PDF holds more than ${MAX_TEXT_CHARS.toLocaleString('en')} characters of text; refused` };
      pages.push({ width, height, items });
      page.cleanup?.();
    }
    return { ok: true, pages };
  } catch (e) {
    return { ok: false, ...reason(e) };
  } finally {
    // Destroying the loading task destroys its document and (in the browser) ends the worker's work on it.
    await task.destroy().catch(() => undefined);
  }
}
