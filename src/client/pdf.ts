/**
 * pdf.js in the reader's browser, loaded only when a PDF is opened (a dynamic import from the benchmark page): the
 * browser build with its worker served by this site (a Vite asset URL, never a CDN — the CSP allows only 'self').
 * Returns the module for src/lib/read/pdf-pages.ts, which does the reading.
 */
import type { PdfJs } from '../lib/read/pdf-pages.ts';

let loaded: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs as unknown as PdfJs;
  });
  return loaded;
}
