/**
 * The office readers on hostile and tricky input: damaged, truncated, encrypted, oversized and non-Word compound
 * files; a web page with no document; Latin-1 text that is not Vietnamese; a legacy text that converts badly. Each
 * is a coded refusal with a clear reason, never an exception. And the guarantees that keep genuine text safe:
 * no raw source is ever taken for TCVN3 or VNI, and both encodings convert back exactly (VNI) or up to the case
 * TCVN3 cannot carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/lib/read/input.ts';
import { convertLegacy, decodeCp1252, detectLegacyEncoding, encodeLegacy } from '../../src/lib/read/legacy-encoding.ts';
import { decodeEntities, readPortalHtml } from '../../src/lib/read/portal-html.ts';
import { cleanWordText, MAX_DOC_CHARS } from '../../src/lib/read/word-doc.ts';
import { encodeCp1258, fullSources, portalPage, tcvn3Source } from '../../scripts/fixtures-office.ts';
import { ROOT } from '../../src/node/paths.ts';

const FORMATS = `${ROOT}test/fixtures/formats/`;
const RAW = `${ROOT}data/raw/`;
const aDoc = () => new Uint8Array(readFileSync(`${FORMATS}son-la-2024-04-17-nq-hdnd.doc`));
const enc = (s: string) => new TextEncoder().encode(s);

/** The fixture .doc with its WordDocument stream changed by `edit` (a copy, rewritten with cfb). */
function editedDoc(edit: (word: DataView) => void): Uint8Array {
  const cfb = CFB.read(aDoc(), { type: 'array' });
  const entry = CFB.find(cfb, 'WordDocument')!;
  const word = Uint8Array.from(entry.content as ArrayLike<number>);
  edit(new DataView(word.buffer));
  entry.content = word as unknown as typeof entry.content;
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

function compound(streams: Record<string, string>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, text] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, enc(text.repeat(1200)));
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

describe('.doc refusals', () => {
  const cases: [string, () => Uint8Array, string, RegExp][] = [
    ['truncated to 3 KB', () => aDoc().subarray(0, 3000), 'corrupt_doc', /damaged|truncated/],
    ['truncated to half', () => aDoc().subarray(0, aDoc().length / 2), 'corrupt_doc', /damaged|truncated/],
    ['a compound file with no Word stream', () => compound({ Foo: 'x' }), 'not_word_doc', /not a Word document/],
    ['an Excel workbook', () => compound({ Workbook: 'x' }), 'not_word_doc', /Excel/],
    ['encrypted', () => editedDoc((w) => w.setUint16(0x0a, w.getUint16(0x0a, true) | 0x0100, true)), 'encrypted_doc', /password/],
    ['Word 95', () => editedDoc((w) => w.setUint16(2, 0x65, true)), 'old_word_format', /Word 95/],
    ['a huge declared text', () => editedDoc((w) => w.setUint32(0x4c, MAX_DOC_CHARS + 1, true)), 'doc_too_large', /limit/],
    ['a piece table outside the file', () => editedDoc((w) => w.setUint32(0x1a2, 0x7fffffff, true)), 'corrupt_doc', /outside/],
    ['not a compound file', () => enc('just some words, named .doc'), 'corrupt_doc', /not a Word document/],
    ['RTF named .doc', () => enc('{\\rtf1\\ansi Điều 1.}'), 'unsupported', /Rich Text/],
  ];
  it.each(cases)('%s', async (_what, bytes, code, message) => {
    const r = await readInput(bytes(), 'draft.doc');
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.message).not.toContain('\n');
    }
  });

  it('never throws on random bytes behind a compound-file header', async () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const good = aDoc();
    for (let k = 0; k < 40; k++) {
      const bytes = good.slice(0, 512 + Math.floor(rand() * (good.length - 512)));
      for (let j = 0; j < 20; j++) bytes[512 + Math.floor(rand() * (bytes.length - 512))] = Math.floor(rand() * 256);
      const r = await readInput(bytes, 'x.doc');
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    }
  });
});

describe("Word's marks become clean text", () => {
  it('paragraph, line, page and cell marks, fields, hyphens and anchors', () => {
    const raw = 'Điều 1.\ra)\x0bb\x0cc\x07d\x07\x07\x13 HYPERLINK "http://x" \x14Luật số 10/2022/QH15\x15 và \x13 PAGE \x15\x01NQ\x1eHĐND\x1fx\x02';
    expect(cleanWordText(raw)).toBe('Điều 1.\na)\nb\nc\td\nLuật số 10/2022/QH15 và NQ-HĐND\u00adx');
  });

  it('a nested field keeps only the outer result', () => {
    expect(cleanWordText('a\x13 IF \x13 DATE \x142024\x15 \x14kết quả\x15b')).toBe('akết quảb');
  });
});

describe('portal pages', () => {
  it('a page with only menus and links is refused: no document', async () => {
    const html = `<!DOCTYPE html><html><body><ul class="menu"><li><a href="/">Trang chủ</a></li><li>Văn bản pháp luật</li></ul>
      <div class="vb-lien-quan"><h3>Văn bản liên quan</h3><ul><li>Nghị quyết 1/2024/NQ-HĐND — Điều 1. Phạm vi</li></ul></div>
      <div class="footer">© Bộ Tư pháp</div></body></html>`;
    const r = await readInput(enc(html), 'page.html');
    expect(r).toMatchObject({ ok: false, code: 'no_document' });
  });

  it('a .txt that is really a saved page is read as a page', async () => {
    const r = await readInput(readFileSync(`${FORMATS}lang-son-08-2024-nq-hdnd.portal.html`), 'copied.txt');
    expect(r).toMatchObject({ ok: true, kind: 'html' });
    if (r.ok) expect(r.text).toContain('| Số hiệu | 08/2024/NQ-HĐND |');
  });

  it('without a known content container, the smallest block holding the articles is the document', () => {
    const text = readFileSync(`${RAW}hai-phong-99-nq-hdnd-2024.txt`, 'utf8');
    const html = `<html><body><div class="menu"><a>Điều khoản sử dụng</a></div><div class="wrap"><div class="left">${text.split('\n').map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</div><div class="right"><p>Tin mới: Điều chỉnh giá đất</p></div></div></body></html>`;
    const doc = readPortalHtml(html);
    expect(doc?.text.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('a page saved in the charset it declares (Windows-1258; TCVN3 declared as ISO-8859-1) reads like the UTF-8 page', async () => {
    const source = fullSources().find((x) => x.id === 'lang-son-08-2024-nq-hdnd')!;
    const utf8 = await readInput(enc(portalPage(source)), 'page.html');
    const page1258 = portalPage(source).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">');
    const r1258 = await readInput(encodeCp1258(page1258), 'page.htm');
    expect(r1258).toMatchObject({ ok: true, kind: 'html', legacy: 'windows-1258' });
    expect(r1258.ok && utf8.ok && r1258.text === utf8.text).toBe(true);
    // The site's own » and © are written as references: their bytes would be TCVN3 letters.
    const pageTcvn3 = portalPage({ ...source, text: tcvn3Source(source.text) }).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(/»/g, '&raquo;').replace(/©/g, '&copy;');
    const rTcvn3 = await readInput(encodeLegacy(pageTcvn3, 'tcvn3'), 'page.htm');
    expect(rTcvn3).toMatchObject({ ok: true, kind: 'html', legacy: 'tcvn3' });
  });

  it('decodes named and numeric character references', () => {
    expect(decodeEntities('H&#7897;i &#x111;&ocirc;ng &amp; &Agrave; &nbsp;&unknown;')).toBe('Hội đông & À \u00a0&unknown;');
  });
});

describe('legacy encodings', () => {
  const raws = readdirSync(RAW).filter((f) => /\.(txt|md)$/.test(f)).sort();

  it.each(raws)('%s (genuine Unicode) is never taken for TCVN3 or VNI', async (file) => {
    const bytes = readFileSync(RAW + file);
    expect(detectLegacyEncoding(bytes.toString('utf8'))).toBeNull();
    const r = await readInput(bytes, file);
    expect(r.ok ? r.legacy : 'refused').toBeUndefined();
    if (r.ok) expect(r.text).toBe(bytes.toString('utf8').normalize('NFC').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''));
  });

  it.each(raws)('%s: VNI converts back exactly, TCVN3 up to the case of capitals with a tone mark', (file) => {
    const x = readFileSync(RAW + file, 'utf8').normalize('NFC').replace(/Ü/g, 'Ủ');
    const vni = decodeCp1252(encodeLegacy(x, 'vni'));
    expect(detectLegacyEncoding(vni)?.encoding).toBe('vni');
    expect(convertLegacy(vni, 'vni')).toBe(x);
    const tcvn3 = decodeCp1252(encodeLegacy(x, 'tcvn3'));
    expect(detectLegacyEncoding(tcvn3)?.encoding).toBe('tcvn3');
    const back = convertLegacy(tcvn3, 'tcvn3');
    expect(back.toLocaleLowerCase('vi')).toBe(x.toLocaleLowerCase('vi'));
  });

  it('the signature phrases', () => {
    expect(convertLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'tcvn3')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(convertLegacy('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'vni')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(convertLegacy('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3')).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('Latin-1 text that is not Vietnamese is refused as not UTF-8, not converted', async () => {
    const french = 'Résolution du conseil général. Article premier: les élèves étrangers reçoivent une aide à la cantine; ';
    const latin1 = Uint8Array.from([...french.repeat(20)].map((c) => c.charCodeAt(0)));
    expect(detectLegacyEncoding(decodeCp1252(latin1))).toBeNull();
    const r = await readInput(latin1, 'note.txt');
    expect(r).toMatchObject({ ok: false, code: 'wrong_encoding' });
  });

  it('a text that looks TCVN3 but converts badly is refused naming TCVN3', async () => {
    const x = readFileSync(`${RAW}lang-son-08-2024-nq-hdnd.txt`, 'utf8');
    let k = 0;
    // Every third word outside ASCII replaced by bytes that are TCVN3 letters in no Vietnamese syllable.
    const text = decodeCp1252(encodeLegacy(x, 'tcvn3')).replace(/\S*[\u00a1-\u00ff]\S*/g, (w) => (k++ % 3 === 0 ? '×÷þ' : w));
    // As a .docx or a UTF-8 copy of such a document holds it: the Windows-1252 reading, saved as UTF-8.
    const r = await readInput(enc(text), 'old.txt');
    expect(r).toMatchObject({ ok: false, code: 'legacy_encoding' });
    if (!r.ok) expect(r.message).toMatch(/TCVN3/);
  });
});
