/**
 * The benchmark page's reading worker: a draft's bytes → readInput (mammoth for .docx, the .doc reader, pdf.js for
 * .pdf, each loaded only when such a file arrives) → analyzeResolution, off the page's thread. The page
 * (read-in-worker.ts) terminates this worker when it overruns BROWSER_MS, so a file built to hang or exhaust a
 * reader costs the tab nothing but the message that says so. Posts back { input, analysis } or { error }.
 */
import { readInput } from '../lib/read/input.ts';
import { analyzeResolution, type AnalyzeOptions, type Reference } from '../lib/analyze/analyze.ts';
import { identifySource, type CuratedSourceKey } from '../lib/analyze/source-match.ts';

/** What the page knows of the published sources, to recognise one as the command line does. */
export interface MatchJob { sha256: string | null; keys: CuratedSourceKey[]; corrections: Record<string, AnalyzeOptions['corrections']> }
interface Job { bytes: Uint8Array; name: string; reference: Reference; match?: MatchJob }

/** Tags this worker's replies: a library it loads (pdf.js) may post messages of its own on the same channel. */
const READ_REPLY = 'dccs-read';

self.onmessage = async (e: MessageEvent<Job>) => {
  if (!(e.data?.bytes instanceof Uint8Array)) return;
  const { bytes, name, reference, match } = e.data;
  try {
    const input = await readInput(bytes, name, async (b) => {
      const mammoth = (await import('mammoth')) as unknown as { extractRawText: (o: { arrayBuffer: ArrayBuffer }) => Promise<{ value: string }> };
      return (await mammoth.extractRawText({ arrayBuffer: b.slice().buffer })).value;
    }, async () => (await import('./pdf.ts')).loadPdfJs());
    const matched = input.ok && match ? identifySource(input.text, match.sha256, match.keys) : null;
    const corrections = matched && match ? match.corrections[matched.id] : undefined;
    const analysis = input.ok ? analyzeResolution(input.text, reference, { corrections, matched }) : null;
    self.postMessage({ kind: READ_REPLY, input, analysis, matched });
  } catch (err) {
    self.postMessage({ kind: READ_REPLY, error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
  }
};
