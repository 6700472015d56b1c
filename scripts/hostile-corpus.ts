/**
 * npx node scripts/hostile-corpus.ts DIR
 * The project's hostile corpus, made on the fly (large files are generated, never committed): one file per way a
 * file has been found to hang, exhaust or crash a reader — looping .doc sector chains and directory trees, PDF
 * decompression bombs (one page inflating to 1 GiB; 300 pages sharing one 50 MiB stream), a 200 × 200 inch page
 * for OCR, a .docx whose zip lies about its sizes, a portal page nested thousands deep, a 13 MB text with 150,000
 * points in one clause, a 130,000-letter word, NUL bytes past the first 8 KiB, a damaged TCVN3 text, a named pipe, a
 * device, a file name with a newline. Each case says which words the one-line refusal must contain.
 * test/scripts/hostile.test.ts runs every case through the command line and the budget; test/browser/ opens some.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflate, deflateRawSync, deflateSync } from 'node:zlib';
import { ROOT } from '../src/node/paths.ts';

export interface HostileCase {
  id: string;
  /** The path handed to the tool. */
  file: string;
  /** Words the refusal must contain (after the file's name). */
  problem: RegExp;
  /** Opened in the browser test too (small enough to hand to Chromium). */
  browser?: boolean;
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;

/** A compound file (.doc) with a WordDocument stream whose sector chain, or whose directory tree, loops. */
function compoundFile(kind: 'chain' | 'tree'): Uint8Array {
  const ssz = 512;
  const dataSectors = 64;
  const b = new Uint8Array(ssz * (1 + 2 + dataSectors));
  const v = new DataView(b.buffer);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // one FAT sector
  v.setUint32(0x30, 1, true); // directory at sector 1
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, ENDOFCHAIN, true);
  v.setUint32(0x44, ENDOFCHAIN, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + 4 * i, i === 0 ? 0 : FREESECT, true);
  const fat = (n: number, next: number) => v.setUint32(ssz + 4 * n, next, true);
  for (let i = 0; i < 128; i++) fat(i, FREESECT);
  fat(0, FATSECT);
  fat(1, ENDOFCHAIN);
  for (let s = 2; s < 2 + dataSectors; s++) fat(s, s + 1);
  fat(1 + dataSectors, kind === 'chain' ? 2 : ENDOFCHAIN); // the last data sector points back to the first
  const dir = 2 * ssz;
  const entry = (i: number, name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const o = dir + 128 * i;
    for (let k = 0; k < name.length; k++) v.setUint16(o + 2 * k, name.charCodeAt(k), true);
    v.setUint16(o + 64, 2 * name.length + 2, true);
    b[o + 66] = type;
    b[o + 67] = 1;
    v.setUint32(o + 68, left, true);
    v.setUint32(o + 72, right, true);
    v.setUint32(o + 76, child, true);
    v.setUint32(o + 116, start, true);
    v.setUint32(o + 120, size, true);
  };
  entry(0, 'Root Entry', 5, FREESECT, FREESECT, 1, ENDOFCHAIN, 0);
  entry(1, 'WordDocument', 2, kind === 'tree' ? 2 : FREESECT, FREESECT, FREESECT, 2, kind === 'chain' ? 0x7fff0000 : dataSectors * ssz);
  entry(2, '1Table', 2, FREESECT, kind === 'tree' ? 1 : FREESECT, FREESECT, ENDOFCHAIN, 0);
  return b;
}

/** A PDF of the given objects (bodies without "n 0 obj"), object 1 the catalogue, with a cross-reference table. */
function pdf(objects: (string | Uint8Array)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(at);
    const p = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : Buffer.from(o), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(p);
    at += p.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

const stream = (dict: string, data: Uint8Array) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), Buffer.from(data), Buffer.from('\nendstream', 'latin1')]);

/** A PDF of `pages` pages that all draw one Flate stream of `bytes` bytes (spaces: no text at all). */
function sharedStreamPdf(pages: number, bytes: number): Buffer {
  const data = deflateSync(Buffer.alloc(bytes, 0x20), { level: 9 });
  const kids = Array.from({ length: pages }, (_, k) => `${k + 4} 0 R`).join(' ');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    stream('/Filter /FlateDecode', data),
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>'),
  ]);
}

/** Deflates `bytes` zero bytes in 1 MiB pieces (never holding them all), zlib-wrapped. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const z = createDeflate({ level: 9 });
  z.on('data', (d: Buffer) => out.push(d));
  const chunk = Buffer.alloc(1 << 20);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!z.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => z.once('drain', r));
  }
  await new Promise((r) => z.end(r));
  return Buffer.concat(out);
}

/** A .docx-shaped zip whose central directory declares 1 kB for a part that inflates to `bytes`. */
function lyingDocx(bytes: number): Buffer {
  const xml = Buffer.concat([Buffer.from('<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>'), Buffer.alloc(bytes - 120, 0x20), Buffer.from('</w:t></w:r></w:p></w:body></w:document>')]);
  const data = deflateRawSync(xml, { level: 9 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24); // the lie
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

/** A TCVN3 text with one high byte in three replaced: still TCVN3 by its look, but no longer Vietnamese. */
function damagedTcvn3(): Buffer {
  const b = Buffer.from(readFileSync(join(ROOT, 'test/fixtures/formats/lang-son-08-2024-nq-hdnd.tcvn3.txt')));
  let n = 0;
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) >= 0xa1 && n++ % 3 === 0) b[i] = 0xa1 + ((i * 7) % 0x5e);
  return b;
}

/** Writes every case into `dir` (made if missing) and lists them. Takes a few seconds: the bombs are deflated. */
/** `light`: only the small cases (the browser test), without the large bombs that take seconds to deflate. */
export async function makeHostileCorpus(dir: string, opts: { light?: boolean } = {}): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const put = (id: string, name: string, data: string | Uint8Array, problem: RegExp, browser = false) => {
    const file = join(dir, name);
    writeFileSync(file, data);
    cases.push({ id, file, problem, browser });
  };
  put('doc-chain-loop', 'chain-loop.doc', compoundFile('chain'), /\.doc is damaged.*loops/, true);
  put('doc-tree-loop', 'tree-loop.doc', compoundFile('tree'), /\.doc is damaged.*loops/, true);
  put('pdf-shared-stream', 'shared-stream.pdf', sharedStreamPdf(300, 50 * 1024 * 1024), /inflate to more than \d+ MB/, true);
  if (opts.light) {
    put('html-deep', 'deep.html', `<html><body>${'<div>'.repeat(4000)}Điều 1. x${'</div>'.repeat(4000)}</body></html>`, /nests its elements more than \d+ deep/, true);
    return cases;
  }
  const gib = await deflatedZeros(1 << 30);
  put('pdf-gib-bomb', 'gib-bomb.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', stream('/Filter /FlateDecode', gib), '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>']), /inflate to more than \d+ MB/);
  put('pdf-huge-page', 'huge-page.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>']), /million pixels|tesseract|pdftoppm|no text layer/);
  put('docx-lying-sizes', 'lying-sizes.docx', lyingDocx(300 * 1024 * 1024), /expands to more than \d+ MB/);
  put('html-deep', 'deep.html', `<html><body>${'<div>'.repeat(4000)}Điều 1. x${'</div>'.repeat(4000)}</body></html>`, /nests its elements more than \d+ deep/, true);
  put('html-unclosed', 'unclosed.html', `<html><body>${'<div><span><b>Điều 1. Nội dung '.repeat(50_000)}</body></html>`, /nests its elements more than \d+ deep/, true);
  const points = ['HỘI ĐỒNG NHÂN DÂN', 'TỈNH LẠNG SƠN', 'Số: 08/2024/NQ-HĐND', 'NGHỊ QUYẾT', 'Điều 1. Phạm vi', '1. Khoản một gồm:'];
  for (let i = 0; i < 150_000; i++) points.push(`a) điểm thứ ${i} quy định về dân chủ ở cơ sở, bảo đảm quyền của Nhân dân;`);
  put('text-150k-points', 'points.txt', `${points.join('\n')}\nĐiều 2. Hiệu lực\n`, /characters of text; the limit is/);
  put('text-long-word', 'long-word.txt', `Ghi chú ${'a'.repeat(130_000)}\n`, /not a resolution|no article|resolution/);
  put('text-late-nul', 'late-nul.txt', Buffer.concat([Buffer.from('Điều 1. '.repeat(2000)), Buffer.from([0, 0, 0]), Buffer.from(' Điều 2.\n')]), /binary file/);
  put('text-tcvn3-damaged', 'damaged.tcvn3.txt', damagedTcvn3(), /TCVN3/);
  put('name-with-newline', 'two\nlines.txt', Buffer.from([0x00, 0x01, 0x02, 0x03]), /binary file/);
  const fifo = join(dir, 'pipe.txt');
  if (!existsSync(fifo) && process.platform !== 'win32') spawnSync('mkfifo', [fifo]);
  if (existsSync(fifo)) cases.push({ id: 'named-pipe', file: fifo, problem: /is a named pipe, not a file/ });
  if (existsSync('/dev/zero')) cases.push({ id: 'device', file: '/dev/zero', problem: /is a device, not a file/ });
  return cases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx node scripts/hostile-corpus.ts DIR\n');
    process.exit(2);
  }
  for (const c of await makeHostileCorpus(dir)) process.stdout.write(`${c.id}\t${c.file.replace(/\n/g, '\\n')}\n`);
}
