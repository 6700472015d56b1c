/**
 * The command-line tools' way in: a file named by the user → its bytes and text (src/lib/input.ts decides what is
 * readable: .txt/.md in UTF-8 or TCVN3/VNI, .docx through mammoth, .doc, portal .html, with size and sanity limits), or one line on stderr naming the
 * tool, the file and the problem, and exit code 2. No stack trace reaches the user.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import mammoth from 'mammoth';
import { readInput } from '../../src/lib/input.ts';

/** "<tool>: <file>: <message>" on stderr, exit 2. */
export function die(tool: string, file: string, message: string): never {
  process.stderr.write(`${tool}: ${file}: ${message}\n`);
  process.exit(2);
}

/** The bytes and text of `file`, or exit 2 with the reason (missing, a directory, unreadable, not a text we read). */
/**
 * kind says how the original was read (scripts/add.ts records it): "text", "docx", "doc" or "html", with
 * "+tcvn3"/"+vni" when the text was converted from that legacy encoding.
 */
export async function readDocument(tool: string, file: string): Promise<{ bytes: Uint8Array; text: string; kind: string }> {
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) die(tool, file, 'is a directory, not a file');
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    die(tool, file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(e as Error).message})`);
  }
  const input = await readInput(bytes, basename(file), async (b) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value);
  if (!input.ok) die(tool, file, input.message);
  return { bytes, text: input.text, kind: input.legacy ? `${input.kind}+${input.legacy}` : input.kind };
}
