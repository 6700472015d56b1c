/**
 * The reading budget, declared once: how much time, memory and output any reading of a file a person hands us may
 * take, whatever the file claims about itself. The command line (scripts/lib/budget-run.ts) runs each tool that reads
 * a file in a child process with these limits and kills it, with one line naming the file, on overrun; the browser
 * (src/client/read-worker.ts) reads a draft in a Web Worker that the page terminates after BROWSER_MS. The structural
 * limits below are what the readers check before they allocate, so that a hostile file is refused fast and the
 * budget is only the last line of defence. README "Hostile files" documents the numbers.
 */

/** Wall-clock time for one command-line read and analysis of a file (OCR extends it by OCR_PAGE_MS a page). */
export const READ_MS = 60_000;
/** Extra time per page when a scan is read by OCR (rasterising and Tesseract take seconds a page). */
export const OCR_PAGE_MS = 90_000;
/** JavaScript heap of the reading process (node --max-old-space-size), in MiB. */
export const HEAP_MB = 1024;
/** Resident memory of the reading process (heap, buffers and pdf.js's arrays together), in MiB: killed past it. */
export const RSS_MB = 1536;
/** Time the browser gives its reading worker before terminating it (the tab stays responsive meanwhile). */
export const BROWSER_MS = 30_000;

/** Largest file read at all, in bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Total bytes the parts of a .docx may inflate to, counted as they are inflated (not as the zip declares). */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Pixels of one page rasterised for OCR (a 200 dpi A3 page is 18.5 million); larger pages are refused first. */
export const MAX_OCR_PIXELS = 40_000_000;
/** Pages of a PDF; sectors of a compound (.doc) file a chain may visit is bounded by the file itself. */
export const MAX_PDF_PAGES = 300;
/** Bytes of content streams a PDF's pages may carry in total (a page's text needs a few kB). */
export const MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024;
/** Characters of reading text accepted from any reader: some 600 printed pages, far beyond any resolution. */
export const MAX_TEXT_CHARS = 2_000_000;
/** Depth of nested elements in a web page (portals nest a few dozen); deeper pages are refused while parsing. */
export const MAX_HTML_DEPTH = 1000;
