/**
 * Vietnamese text typed in the pre-Unicode font encodings that older office documents still carry: TCVN3 (ABC,
 * the .VnTime fonts: one byte per precomposed lower-case letter in 0xA1–0xFE) and VNI (the VNI-Times fonts: an
 * ASCII base letter followed by one or two mark bytes). Such text reaches us as the Windows-1252 reading of those
 * bytes ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi"), whether from a .txt, a .doc, a .docx or a web page. This module
 * detects which encoding a text is in (by how many of its words become well-formed Vietnamese syllables when
 * converted), converts it to NFC Unicode, and encodes Unicode back (used to make test fixtures). Genuine Unicode
 * Vietnamese is never converted: its letters outside Latin-1 (ộ, ư, đ …) make detection return null.
 * TCVN3 has no capitals with tone marks: documents set capitals in a second font (.VnTimeH) over the lower-case
 * codes, so the case of those letters is lost in the bytes; convert restores it for all-capital words and at the
 * start of a line or sentence, and cannot elsewhere (mid-sentence "Ủy" comes back "ủy").
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

// TCVN3 byte → letter. Capitals 0xA1–0xA7, lower case with marks 0xA8–0xFE.
const TCVN3_BYTES: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ', 0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ', 0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ', 0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ', 0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ', 0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự', 0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

// VNI: letters that are one byte of their own, and the mark bytes that follow a base vowel (lower/upper pairs).
const VNI_LETTERS: Record<number, string> = {
  0xf4: 'ơ', 0xd4: 'Ơ', 0xf6: 'ư', 0xd6: 'Ư', 0xf1: 'đ', 0xd1: 'Đ', 0xed: 'í', 0xcd: 'Í', 0xec: 'ì', 0xcc: 'Ì',
  0xe6: 'ỉ', 0xc6: 'Ỉ', 0xf3: 'ĩ', 0xd3: 'Ĩ', 0xf2: 'ị', 0xd2: 'Ị', 0xee: 'ỵ', 0xce: 'Ỵ',
};
const ACUTE = '\u0301', GRAVE = '\u0300', HOOK = '\u0309', TILDE = '\u0303', DOT = '\u0323', CIRC = '\u0302', BREVE = '\u0306';
const VNI_MARKS: Record<number, string> = {
  0xf9: ACUTE, 0xf8: GRAVE, 0xfb: HOOK, 0xf5: TILDE, 0xef: DOT, 0xe2: CIRC, 0xea: BREVE,
  0xe1: CIRC + ACUTE, 0xe0: CIRC + GRAVE, 0xe5: CIRC + HOOK, 0xe3: CIRC + TILDE, 0xe4: CIRC + DOT,
  0xe9: BREVE + ACUTE, 0xe8: BREVE + GRAVE, 0xfa: BREVE + HOOK, 0xfc: BREVE + TILDE, 0xeb: BREVE + DOT,
};
for (const [b, m] of Object.entries({ ...VNI_MARKS })) VNI_MARKS[Number(b) - 0x20] = m;

// Windows-1252's 0x80–0x9F, for text decoded from bytes as windows-1252 (the WHATWG "latin1").
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const byteOf = (ch: string): number | null => {
  const c = ch.charCodeAt(0);
  if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
  const k = CP1252_HIGH.indexOf(ch);
  return k >= 0 ? 0x80 + k : null;
};
const charOf = (b: number): string => (b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? '') : String.fromCharCode(b));
const cp1252 = (bytes: number[]) => bytes.map(charOf).join('');

const TCVN3_CHARS = new Map(Object.entries(TCVN3_BYTES).map(([b, l]) => [charOf(Number(b)), l]));
const VNI_LETTER_CHARS = new Map(Object.entries(VNI_LETTERS).map(([b, l]) => [charOf(Number(b)), l]));
const VNI_MARK_CHARS = new Map(Object.entries(VNI_MARKS).map(([b, m]) => [charOf(Number(b)), m]));
const VNI_BASES = /[aeiouyAEIOUYơưƠƯ]$/u;

/** A word as the tokenizer sees it: ASCII letters and everything in Latin-1's upper half (where legacy codes live). */
const WORD = /[A-Za-z\u00a1-\u00ff\u0100-\u024f\u1e00-\u1eff\u0300-\u036f]+/g;
const UPPER_CODES = new Set(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].map((l) => [...TCVN3_CHARS].find(([, v]) => v === l)?.[0]));

/** The letters of a TCVN3 word, in lower case where the bytes do not say (see the note on case above). */
function tcvn3Word(w: string): string | null {
  let out = '';
  for (const ch of w) {
    if (/[A-Za-z]/.test(ch)) out += ch;
    else {
      const l = TCVN3_CHARS.get(ch);
      if (l === undefined) return null;
      out += l;
    }
  }
  return out;
}

/** A TCVN3 word with at least two capitals and no ASCII lower case was set in .VnTimeH: all of it is capitals. */
const tcvn3Caps = (w: string) => !/[a-z]/.test(w) && [...w].filter((ch) => /[A-Z]/.test(ch) || UPPER_CODES.has(ch)).length >= 2;
/** One capital at most and no ASCII lower case ("Tæ", "ë"): capitals or not, the bytes cannot tell. */
const tcvn3Unsure = (w: string) => !/[a-z]/.test(w) && !tcvn3Caps(w);

function vniWord(w: string): string | null {
  let out = '';
  for (const ch of w) {
    const mark = VNI_MARK_CHARS.get(ch);
    if (mark !== undefined && VNI_BASES.test(out)) out += mark;
    else if (/[A-Za-z]/.test(ch)) out += ch;
    else {
      const l = VNI_LETTER_CHARS.get(ch);
      if (l === undefined) return null;
      out += l;
    }
  }
  return out.normalize('NFC');
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$/u;
/**
 * A well-formed Vietnamese syllable with at least one letter outside ASCII (else it proves nothing). Case is
 * changed with toLowerCase/toUpperCase: Vietnamese has no locale-specific case rules, and the "vi" calls are 6×
 * slower here.
 */
function vietnameseSyllable(w: string): boolean {
  if (/^[A-Za-z]*$/.test(w)) return false;
  const d = w.normalize('NFD').toLowerCase();
  if ((d.match(TONES) ?? []).length > 1) return false;
  return SYLLABLE.test(d.replace(TONES, '').normalize('NFC'));
}

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /** Words outside ASCII, and how many of them convert to well-formed Vietnamese syllables. */
  words: number;
  converted: number;
}

/**
 * Which legacy encoding the text (its Windows-1252 reading) is in, or null: genuine Unicode Vietnamese, English,
 * French, or too few words outside ASCII to tell.
 */
export function detectLegacyEncoding(text: string): LegacyDetection | null {
  const words = text.slice(0, 200_000).match(WORD) ?? [];
  let foreign = 0;
  let unicode = 0;
  let tcvn = 0;
  let vni = 0;
  for (const w of words) {
    if (/^[A-Za-z]+$/.test(w)) continue;
    foreign++;
    if (/[\u0100-\u024f\u1e00-\u1eff\u0300-\u036f]/.test(w)) unicode++;
    const t = tcvn3Word(w);
    if (t !== null && vietnameseSyllable(t)) tcvn++;
    const v = vniWord(w);
    if (v !== null && vietnameseSyllable(v)) vni++;
  }
  if (foreign < 5 || unicode * 10 > foreign) return null;
  const encoding: LegacyEncoding = tcvn >= vni ? 'tcvn3' : 'vni';
  const converted = Math.max(tcvn, vni);
  return converted * 2 >= foreign ? { encoding, words: foreign, converted } : null;
}

// A sentence opens at the start of the text, on a line after one ending a sentence (or a list item, then a blank
// line), after ". ", or after a point's or clause's number at the start of a line.
// (A line's end alone is not one: hard-wrapped lines, and Word documents with a paragraph per line, are common.)
const SENTENCE_START = /(?:^\s*|(?<!\.\.)[.!?:][ \t*]*\n\s*|;[ \t*]*\n[ \t]*\n\s*|(?<!\.\.)[.!?][ \t]+|\n[ \t*]*(?:[a-zđ]|\d+(?:\.\d+)*)[.)][ \t]+)[ \t*#>\-–•]*$/u;

/** The text converted to NFC Unicode; words that do not convert are left as they were. */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  const parts: { gap: string; word: string; out: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const out = /^[A-Za-z]+$/.test(w) ? w : ((encoding === 'tcvn3' ? tcvn3Word(w) : vniWord(w)) ?? w);
    parts.push({ gap: text.slice(last, m.index), word: w, out });
    last = m.index + w.length;
  }
  if (encoding === 'tcvn3') restoreCase(parts);
  return (parts.map((p) => p.gap + p.out).join('') + text.slice(last)).normalize('NFC');
}

/**
 * TCVN3's lost capitals: all-capital words; an unsure word between capital words on its line; a word opening a
 * sentence; and "Ủy ban", an organ's name Vietnamese always capitalises and TCVN3 cannot hold.
 */
function restoreCase(parts: { gap: string; word: string; out: string }[]): void {
  // Only a neighbour with a letter outside ASCII proves the run was .VnTimeH ("XVI" and "NQ" are capitals anyway).
  const caps = parts.map((p) => tcvn3Caps(p.word) && /[^A-Za-z]/.test(p.word));
  const sameLine = (k: number) => !parts[k]?.gap.includes('\n');
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  let before = '';
  parts.forEach((p, k) => {
    const converted = p.out !== p.word;
    const prev = k > 0 && sameLine(k) && caps[k - 1];
    const next = k + 1 < parts.length && sameLine(k + 1) && caps[k + 1];
    if (converted && (caps[k] || (tcvn3Unsure(p.word) && (prev || next)))) p.out = p.out.toUpperCase();
    else if (converted && !/^[A-Za-z]/.test(p.word)) {
      // A point's letter ("đ)") stays lower case.
      if (SENTENCE_START.test(before + p.gap) && !parts[k + 1]?.gap.startsWith(')')) p.out = capital(p.out);
      else if (p.out === 'ủy' && parts[k + 1]?.word === 'ban' && parts[k + 1]?.gap === ' ') p.out = 'Ủy';
    }
    before = (before + p.gap + p.out).slice(-24);
  });
}

/** Share of the non-ASCII words of a converted text that are well-formed Vietnamese syllables. */
export function conversionQuality(converted: string): number {
  const words = (converted.match(WORD) ?? []).filter((w) => !/^[A-Za-z]+$/.test(w));
  return words.length === 0 ? 0 : words.filter(vietnameseSyllable).length / words.length;
}

const TCVN3_OF = new Map(Object.entries(TCVN3_BYTES).map(([b, l]) => [l, Number(b)]));
const VNI_LETTER_OF = new Map(Object.entries(VNI_LETTERS).map(([b, l]) => [l, Number(b)]));
// Keyed by the marks in canonical (NFD) order: a dot below sorts before a circumflex or breve.
const VNI_MARK_OF = new Map(Object.entries(VNI_MARKS).filter(([b]) => Number(b) >= 0xe0).map(([b, m]) => [`a${m}`.normalize('NFD').slice(1), Number(b)]));

/**
 * Unicode → the bytes a legacy-font document would hold (for fixtures). TCVN3 writes a capital with a tone mark
 * as its lower-case code, as a .VnTimeH run does. Throws on a character the encoding and Windows-1252 lack.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const out: number[] = [];
  const plain = (ch: string) => {
    const b = byteOf(ch);
    if (b === null) throw new Error(`${encoding} cannot encode ${JSON.stringify(ch)} (U+${ch.charCodeAt(0).toString(16)})`);
    out.push(b);
  };
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (encoding === 'tcvn3') {
      const b = TCVN3_OF.get(ch) ?? TCVN3_OF.get(ch.toLowerCase());
      if (b !== undefined) out.push(b);
      // Every byte from 0xA1 up is a TCVN3 letter: "Ü" or "é" written there would read back as another letter.
      else if ((byteOf(ch) ?? 0) > 0xa0) throw new Error(`tcvn3 cannot encode ${JSON.stringify(ch)}: its byte is a TCVN3 letter`);
      else plain(ch);
    } else {
      const single = VNI_LETTER_OF.get(ch);
      if (single !== undefined) {
        out.push(single);
        continue;
      }
      const d = ch.normalize('NFD');
      const base = d.charAt(0);
      let marks = d.slice(1);
      if (marks === '' || !/[a-zA-Z]/.test(base)) {
        plain(ch);
        continue;
      }
      const upper = base !== base.toLowerCase();
      // ơ/ư carry their horn in the letter byte; the tone follows as a mark.
      let lead = base.charCodeAt(0);
      if (marks.startsWith('\u031b')) {
        lead = VNI_LETTER_OF.get((base + '\u031b').normalize('NFC')) ?? lead;
        marks = marks.slice(1);
      }
      out.push(lead);
      if (marks !== '') {
        const b = VNI_MARK_OF.get(marks);
        if (b === undefined) {
          // Not a Vietnamese letter (a stray "Ü" of a bad conversion): as Windows-1252 shows it.
          out.pop();
          plain(ch);
        } else out.push(upper ? b - 0x20 : b);
      }
    }
  }
  return Uint8Array.from(out);
}

/** Windows-1252 bytes → string, the way a legacy-font text's bytes are read before conversion. */
export function decodeCp1252(bytes: Uint8Array): string {
  return cp1252([...bytes]);
}
