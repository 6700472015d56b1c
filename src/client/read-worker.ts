/**
 * The benchmark page's reading worker: a draft's bytes → readInput (mammoth for .docx, the .doc reader, pdf.js for
 * .pdf, each loaded only when such a file arrives) → analyzeResolution, off the page's thread. The page
 * (read-in-worker.ts) terminates this worker when it overruns BROWSER_MS, so a file built to hang or exhaust a
 * reader costs the tab nothing but the message that says so. Posts back { input, analysis } or { error }.
 */
import { readInput } from '../lib/read/input.ts';
import { analyzeResolution, type Reference } from '../lib/analyze/analyze.ts';

interface Job { bytes: Uint8Array; name: string; reference: Reference }

/** Tags this worker's replies: a library it loads (pdf.js) may post messages of its own on the same channel. */
const READ_REPLY = 'dccs-read';

self.onmessage = async (e: MessageEvent<Job>) => {
  if (!(e.data?.bytes instanceof Uint8Array)) return;
  const { bytes, name, reference } = e.data;
  try {
    const input = await readInput(bytes, name, async (b) => {
      const mammoth = (await import('mammoth')) as unknown as { extractRawText: (o: { arrayBuffer: ArrayBuffer }) => Promise<{ value: string }> };
      return (await mammoth.extractRawText({ arrayBuffer: b.slice().buffer })).value;
    }, async () => (await import('./pdf.ts')).loadPdfJs());
    const analysis = input.ok ? analyzeResolution(input.text, reference) : null;
    self.postMessage({ kind: READ_REPLY, input, analysis });
  } catch (err) {
    self.postMessage({ kind: READ_REPLY, error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
  }
};
