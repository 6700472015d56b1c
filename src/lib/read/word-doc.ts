/**
 * The text of a legacy Word document (.doc, Word 97–2003 binary), read the same way in Node and the browser:
 * compound-file.ts opens the compound file (its sector chains cannot loop), the File Information Block (FIB) at the
 * start of the WordDocument stream says where
 * the piece table (CLX) lies in the 1Table/0Table stream, and the pieces give the main text, each either 8-bit
 * (Windows-1252) or UTF-16. Word's marks become plain text: paragraph and line marks → line breaks, table cell
 * marks → tabs (a row's end → a line break), fields keep their shown result and drop their codes, and anchors of
 * pictures, footnotes and comments are dropped. Bytes in, text or a coded refusal out; never throws.
 * (word-extractor does the same in Node but needs Buffer and fs; this module is [MS-DOC] §2.4.1 "Retrieving
 * Text", about 150 lines, and is checked against word-extractor in the tests.)
 */
import { openCompoundFile } from './compound-file.ts';
import { MAX_TEXT_CHARS } from './budget.ts';

export type DocResult = { ok: true; text: string } | { ok: false; code: string; message: string };

/** Longest main text accepted, in characters: far beyond any resolution, short of exhausting memory. */
export const MAX_DOC_CHARS = MAX_TEXT_CHARS;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isCompoundFile = (b: Uint8Array) => b.length >= 8 && CFB_MAGIC.every((x, i) => b[i] === x);

const fail = (code: string, message: string): DocResult => ({ ok: false, code, message });

// [MS-DOC] 2.4.1: the 8-bit pieces are Windows-1252; 0x80–0x9F are its punctuation, not C1 controls.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';


/** The raw main text (Word marks still in) of a Word 97+ document, or why not. */
function readDocText(bytes: Uint8Array): DocResult {
  if (!isCompoundFile(bytes)) return fail('corrupt_doc', 'the file is named .doc but is not a Word document (no compound-file header)');
  const cfb = openCompoundFile(bytes);
  if (!cfb.ok) return fail('corrupt_doc', `the .doc is damaged or truncated (${cfb.message})`);
  const streamOf = (name: string) => {
    const s = cfb.stream(name);
    return s && s.length > 0 ? s : null;
  };
  const word = streamOf('WordDocument');
  if (!word) {
    const what = cfb.stream('Workbook') || cfb.stream('Book') ? ' (it is an Excel workbook)' : cfb.stream('PowerPoint Document') ? ' (it is a PowerPoint file)' : cfb.stream('EncryptedPackage') ? ' (it is a password-protected Office file)' : '';
    return fail('not_word_doc', `this Office file is not a Word document: it has no WordDocument stream${what}`);
  }
  if (word.length < 0x1aa) return fail('corrupt_doc', 'the .doc is damaged or truncated (its WordDocument stream is too short)');
  const fib = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (fib.getUint16(0, true) !== 0xa5ec) return fail('corrupt_doc', 'the .doc is damaged (its Word header is missing)');
  const nFib = fib.getUint16(2, true);
  if (nFib < 0xc1) return fail('old_word_format', 'this is a Word 6 or Word 95 document; open it in Word or LibreOffice, save it as .docx and try again');
  const flags = fib.getUint16(0x0a, true);
  if (flags & 0x0100) return fail('encrypted_doc', 'the .doc is password-protected; remove the password in Word, save, and try again');
  const ccpText = fib.getUint32(0x4c, true);
  if (ccpText > MAX_DOC_CHARS) return fail('doc_too_large', `the .doc declares ${ccpText.toLocaleString('en')} characters of text; the limit is ${MAX_DOC_CHARS.toLocaleString('en')}`);
  const table = streamOf(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) return fail('corrupt_doc', 'the .doc is damaged (its table stream is missing)');
  const fcClx = fib.getUint32(0x1a2, true);
  const lcbClx = fib.getUint32(0x1a6, true);
  if (lcbClx === 0 || fcClx + lcbClx > table.length) return fail('corrupt_doc', 'the .doc is damaged or truncated (its piece table lies outside the file)');
  const tv = new DataView(table.buffer, table.byteOffset, table.byteLength);
  // The CLX: property runs (0x01, u16 size, bytes) to skip, then the piece table (0x02, u32 size, PlcPcd).
  let p = fcClx;
  const end = fcClx + lcbClx;
  while (p < end && table[p] === 0x01) p += 3 + tv.getUint16(p + 1, true);
  if (p + 5 > end || table[p] !== 0x02) return fail('corrupt_doc', 'the .doc is damaged (no piece table)');
  const lcb = tv.getUint32(p + 1, true);
  const plc = p + 5;
  if (plc + lcb > end || lcb < 16 || (lcb - 4) % 12 !== 0) return fail('corrupt_doc', 'the .doc is damaged (its piece table has a wrong size)');
  const n = (lcb - 4) / 12;
  const parts: string[] = [];
  let got = 0;
  for (let k = 0; k < n && got < ccpText; k++) {
    const cpStart = tv.getUint32(plc + 4 * k, true);
    const cpEnd = tv.getUint32(plc + 4 * (k + 1), true);
    if (cpEnd < cpStart) return fail('corrupt_doc', 'the .doc is damaged (its pieces are out of order)');
    const count = Math.min(cpEnd - cpStart, ccpText - got);
    const fcRaw = tv.getUint32(plc + 4 * (n + 1) + 8 * k + 2, true);
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fc = compressed ? (fcRaw & 0x3fffffff) / 2 : fcRaw;
    const len = compressed ? count : 2 * count;
    if (fc + len > word.length) return fail('corrupt_doc', 'the .doc is damaged or truncated (its text lies outside the file)');
    const run = word.subarray(fc, fc + len);
    parts.push(compressed ? Array.from(run, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('') : new TextDecoder('utf-16le').decode(run));
    got += count;
  }
  return { ok: true, text: parts.join('') };
}

/** Word's marks in the raw text → plain text (see the opening paragraph). */
export function cleanWordText(raw: string): string {
  let out = '';
  // Each open field: whether its code part is still running (its result, after 0x14, is kept).
  const fields: boolean[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x13) fields.push(true);
    else if (c === 0x14) {
      if (fields.length) fields[fields.length - 1] = false;
    } else if (c === 0x15) fields.pop();
    else if (fields.includes(true)) continue;
    else if (c === 0x0d || c === 0x0b || c === 0x0c) out += '\n';
    else if (c === 0x07) {
      if (raw.charCodeAt(i + 1) === 0x07) {
        out += '\n';
        i++;
      } else out += '\t';
    } else if (c === 0x1e) out += '-';
    // An optional hyphen; kept as U+00AD because a TCVN3 text's "ư" is that byte (office-input drops it otherwise).
    else if (c === 0x1f) out += '\u00ad';
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a) continue;
    else out += raw[i];
  }
  return out;
}

/** A .doc's bytes → its clean text, or a coded refusal. */
export function docToText(bytes: Uint8Array): DocResult {
  try {
    const raw = readDocText(bytes);
    return raw.ok ? { ok: true, text: cleanWordText(raw.text) } : raw;
  } catch (e) {
    return fail('corrupt_doc', `the .doc is damaged (${e instanceof Error ? e.message.split('\n')[0] : 'unknown error'})`);
  }
}
