/**
 * The office formats of readInput (src/lib/read/input.ts): legacy Word .doc (word-doc.ts, loaded only when a .doc is
 * opened), web pages saved from a legal portal (portal-html.ts, loaded only when the text is HTML, whatever the
 * file is called), and text in the legacy Vietnamese font encodings TCVN3 and VNI (legacy-encoding.ts), whether
 * in a .txt's bytes or inside a .doc, .docx or page typed in such a font, and Windows-1258. Each step returns text or a coded,
 * one-line refusal; a legacy text is converted to Unicode or refused naming its encoding, never analysed as
 * mojibake. Pure and isomorphic, like input.ts.
 */
import { conversionQuality, convertLegacy, decodeCp1252, detectLegacyEncoding, type LegacyEncoding } from './legacy-encoding.ts';
import { fail, type InputResult } from './result.ts';
import { normalizeText } from '../text/normalize.ts';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC, .VnTime fonts)', vni: 'VNI (VNI-Times fonts)' };
/**
 * Below this share of well-formed Vietnamese syllables, a converted text is refused rather than analysed. A sound
 * legacy text converts all but its names and abbreviations (over 99% of words); one word in ten left unconverted
 * is a damaged file, whose conversion would be read as mojibake.
 */
const MIN_CONVERSION_QUALITY = 0.97;

/** Whether a text is an HTML page rather than plain text (by content, whatever the file is called). */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(?:!doctype\s+html|html[\s>]|\?xml[^>]*>\s*<html)/.test(head)) return true;
  const sample = text.slice(0, 65_536);
  const tags = (sample.match(/<\/?(?:p|div|span|br|table|td|tr|body|a|b|i|strong|font)\b[^>]*>/gi) ?? []).length;
  return /<(?:body|div|p)\b/i.test(sample) && tags >= 10;
}

/** A .doc (or any compound file, or a file named .doc), or null when the bytes are for the other readers. */
export async function readOfficeBytes(bytes: Uint8Array, name: string, decode: (b: Uint8Array) => InputResult): Promise<InputResult | null> {
  const compound = bytes.length >= 8 && CFB_MAGIC.every((x, i) => bytes[i] === x);
  const lower = name.toLowerCase();
  if (!compound && !lower.endsWith('.doc') && !lower.endsWith('.dot')) return null;
  if (!compound) {
    // Portals and mail systems hand out web pages and RTF named .doc; Word opens both.
    if (new TextDecoder().decode(bytes.subarray(0, 16)).replace(/^\uFEFF/, '').startsWith('{\\rtf')) {
      return fail('unsupported', 'this .doc is really a Rich Text (RTF) file; open it in Word or LibreOffice, save it as .docx and try again');
    }
    const text = decode(bytes);
    if (text.ok && looksLikeHtml(text.text)) return text;
    if (!text.ok && text.code === 'wrong_encoding' && looksLikeHtml(decodeCp1252(bytes))) return { ok: true, text: normalizeText(decodeCp1252(bytes)), kind: 'text' };
    return fail('corrupt_doc', 'the file is named .doc but is not a Word document (no compound-file header)');
  }
  const { docToText } = await import('./word-doc.ts');
  const r = docToText(bytes);
  if (!r.ok) return r;
  const text = normalizeText(r.text);
  return text.trim() === '' ? fail('empty', 'the .doc has no text') : { ok: true, text, kind: 'doc' };
}

/** The bytes in a named encoding (any the WHATWG Encoding Standard knows), or null when it is unknown here. */
function decodeAs(bytes: Uint8Array, label: string): string | null {
  try {
    return normalizeText(new TextDecoder(label).decode(bytes));
  } catch {
    return null;
  }
}

/**
 * A text that is not UTF-8: a page in the charset it declares; TCVN3 or VNI (its Windows-1252 reading, converted
 * by finishText); Vietnamese in Windows-1258 (the Windows code page: base letters and combining tone marks), when
 * nearly every word outside ASCII reads as a Vietnamese syllable; else the refusal, saying what was tried.
 */
export function readLegacyBytes(bytes: Uint8Array, refusal: InputResult): InputResult {
  const latin = normalizeText(decodeCp1252(bytes));
  const declared = looksLikeHtml(latin) ? /<meta[^>]*charset\s*=\s*["']?\s*([\w-]+)/i.exec(latin.slice(0, 8192))?.[1] : undefined;
  const asDeclared = declared && !/^utf-?8$/i.test(declared) ? decodeAs(bytes, declared) : null;
  if (asDeclared !== null) return { ok: true, text: asDeclared, kind: 'text', ...(/1258/.test(declared ?? '') ? { legacy: 'windows-1258' as const } : {}) };
  if (detectLegacyEncoding(latin)) return { ok: true, text: latin, kind: 'text' };
  const vn = decodeAs(bytes, 'windows-1258');
  if (vn !== null && vietnameseWords(vn) >= 20 && conversionQuality(vn) >= MIN_CONVERSION_QUALITY) return { ok: true, text: vn, kind: 'text', legacy: 'windows-1258' };
  return refusal.ok ? refusal : fail(refusal.code, 'the text is not UTF-8, nor Vietnamese in TCVN3, VNI or Windows-1258; save it as UTF-8 and try again');
}

const vietnameseWords = (text: string) => (text.match(/\S*[^\x00-\x7f]\S*/g) ?? []).length;

/** A read text, finished: a portal page → its document; TCVN3/VNI → Unicode, or refused naming the encoding. */
export async function finishText(r: Extract<InputResult, { ok: true }>): Promise<InputResult> {
  let { text, kind } = r;
  if (kind !== 'docx' && looksLikeHtml(text)) {
    const { readPortalHtml, portalText, HtmlTooDeep } = await import('./portal-html.ts');
    let doc: ReturnType<typeof readPortalHtml>;
    try {
      doc = readPortalHtml(text);
    } catch (e) {
      if (e instanceof HtmlTooDeep) return fail('html_too_deep', `${e.message}; refused as unsafe (save the document's text instead)`);
      throw e;
    }
    if (!doc) return fail('no_document', "this web page holds no document text (only a site's menus and links); open the document's own page, or copy its text");
    text = normalizeText(portalText(doc));
    kind = 'html';
  }
  const legacy = detectLegacyEncoding(text);
  // Word's optional hyphens (word-doc.ts) are invisible in a Unicode text.
  if (!legacy) return { ...r, text: kind === 'doc' ? text.replace(/\u00ad/g, '') : text, kind };
  const converted = convertLegacy(text, legacy.encoding);
  const quality = conversionQuality(converted);
  if (quality < MIN_CONVERSION_QUALITY) {
    return fail('legacy_encoding', `the text is in ${ENCODING_NAMES[legacy.encoding]}, a legacy Vietnamese encoding, but ${Math.round((1 - quality) * 100)}% of its words do not convert; convert it to Unicode (e.g. with Unikey) and try again`);
  }
  return { ok: true, text: converted, kind, legacy: legacy.encoding };
}
