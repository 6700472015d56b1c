/**
 * The streams at the top of a compound file ([MS-CFB]: the container of Word .doc, Excel .xls and other Office 97–2003
 * files), read so that no file can lead the reader in circles: every sector chain (DIFAT, FAT, directory, mini FAT,
 * mini stream, each stream) is followed with a visited set and stops at the number of sectors the file has; the
 * directory's tree of siblings is walked iteratively with a visited set; a stream's declared size must fit in its
 * chain. So time and memory are bounded by the file's own size. (The cfb package follows chains without a visited
 * set: a 33 KB file whose chain loops took 3.9 GB.) Bytes in; a reader of named streams, or a one-line reason out.
 */

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type CompoundFile = { ok: true; stream(name: string): Uint8Array | null } | { ok: false; message: string };

class Damaged extends Error {}

/** Opens a compound file's top-level streams, or says why the file is damaged. Never throws; never loops. */
export function openCompoundFile(b: Uint8Array): CompoundFile {
  try {
    return { ok: true, stream: open(b) };
  } catch (e) {
    if (e instanceof Damaged) return { ok: false, message: e.message };
    return { ok: false, message: `its structure cannot be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
}

function open(b: Uint8Array): (name: string) => Uint8Array | null {
  if (b.length < 512 || !MAGIC.every((x, i) => b[i] === x)) throw new Damaged('it has no compound-file header');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (o: number) => v.getUint32(o, true);
  const shift = v.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new Damaged(`its sector size (2^${shift}) is not 512 or 4096`);
  if (v.getUint16(0x20, true) !== 6) throw new Damaged('its mini sector size is not 64');
  const ssz = 1 << shift;
  const sectorCount = Math.floor((b.length - ssz) / ssz) + ((b.length - ssz) % ssz ? 1 : 0);
  const sector = (n: number) => {
    if (n >= sectorCount) throw new Damaged(`it points to sector ${n}, beyond its ${sectorCount} sectors (truncated?)`);
    return b.subarray((n + 1) * ssz, Math.min((n + 2) * ssz, b.length));
  };
  const per = ssz / 4;

  // DIFAT: 109 FAT sector numbers in the header, the rest in a chain of DIFAT sectors (last entry: the next one).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + 4 * i);
    if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
  }
  const seenDifat = new Set<number>();
  for (let s = u32(0x44); s !== ENDOFCHAIN && s !== FREESECT; ) {
    if (seenDifat.has(s) || seenDifat.size >= sectorCount) throw new Damaged('its DIFAT chain loops');
    seenDifat.add(s);
    const d = sector(s);
    const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
    for (let i = 0; i + 1 < per && 4 * i + 4 <= d.length; i++) {
      const f = dv.getUint32(4 * i, true);
      if (f !== FREESECT && f !== ENDOFCHAIN) fatSectors.push(f);
    }
    s = d.length >= ssz ? dv.getUint32(ssz - 4, true) : ENDOFCHAIN;
  }
  if (fatSectors.length > sectorCount) throw new Damaged('it declares more FAT sectors than it has sectors');
  if (new Set(fatSectors).size !== fatSectors.length) throw new Damaged('its FAT lists one sector twice');
  const fat = new Uint32Array(fatSectors.length * per);
  fatSectors.forEach((s, k) => {
    const d = sector(s);
    for (let i = 0; i < per && 4 * i + 4 <= d.length; i++) fat[k * per + i] = new DataView(d.buffer, d.byteOffset + 4 * i, 4).getUint32(0, true);
  });

  /** The sectors of a chain, each visited once, no more than `limit` of them. */
  const chain = (start: number, table: Uint32Array, limit: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== ENDOFCHAIN; ) {
      if (s === FREESECT) break;
      if (s >= limit || s >= table.length) throw new Damaged(`the chain of ${what} points outside the file (sector ${s})`);
      if (seen.has(s)) throw new Damaged(`the chain of ${what} loops (sector ${s} twice)`);
      seen.add(s);
      out.push(s);
      s = table[s] ?? ENDOFCHAIN;
    }
    return out;
  };
  const gather = (sectors: number[], size: number, read: (n: number) => Uint8Array, unit: number, what: string): Uint8Array => {
    if (size > sectors.length * unit) throw new Damaged(`${what} declares ${size} bytes but its chain holds ${sectors.length * unit}`);
    const out = new Uint8Array(size);
    let at = 0;
    for (const s of sectors) {
      if (at >= size) break;
      const part = read(s).subarray(0, size - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  };

  const dirSectors = chain(u32(0x30), fat, sectorCount, 'the directory');
  const dir = gather(dirSectors, dirSectors.length * ssz, sector, ssz, 'the directory');
  const entries = Math.floor(dir.length / 128);
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entry = (i: number) => {
    const o = i * 128;
    const nameLen = Math.min(64, dv.getUint16(o + 64, true));
    const name = new TextDecoder('utf-16le').decode(dir.subarray(o, o + Math.max(0, nameLen - 2)));
    return { name, type: dir[o + 66] ?? 0, left: dv.getUint32(o + 68, true), right: dv.getUint32(o + 72, true), child: dv.getUint32(o + 76, true), start: dv.getUint32(o + 116, true), size: dv.getUint32(o + 120, true) };
  };
  if (entries === 0) throw new Damaged('it has no directory');
  const root = entry(0);
  if (root.type !== 5) throw new Damaged('its directory has no root entry');

  // The root's children: a tree of siblings (left, right), walked iteratively, each entry once.
  const top = new Map<string, ReturnType<typeof entry>>();
  const seen = new Set<number>();
  const todo = root.child === NOSTREAM ? [] : [root.child];
  while (todo.length) {
    const i = todo.pop() as number;
    if (i >= entries) throw new Damaged(`its directory points to entry ${i}, beyond its ${entries}`);
    if (seen.has(i)) throw new Damaged('its directory tree loops');
    seen.add(i);
    const e = entry(i);
    if (!top.has(e.name.toLowerCase())) top.set(e.name.toLowerCase(), e);
    if (e.left !== NOSTREAM) todo.push(e.left);
    if (e.right !== NOSTREAM) todo.push(e.right);
  }

  const cutoff = u32(0x38) || 4096;
  let mini: { fat: Uint32Array; data: Uint8Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    const mfSectors = chain(u32(0x3c), fat, sectorCount, 'the mini FAT');
    const mf = gather(mfSectors, mfSectors.length * ssz, sector, ssz, 'the mini FAT');
    const table = new Uint32Array(Math.floor(mf.length / 4));
    const mv = new DataView(mf.buffer, mf.byteOffset, mf.byteLength);
    for (let i = 0; i < table.length; i++) table[i] = mv.getUint32(4 * i, true);
    const data = gather(chain(root.start, fat, sectorCount, 'the mini stream'), root.size, sector, ssz, 'the mini stream');
    mini = { fat: table, data };
    return mini;
  };

  return (name: string) => {
    const e = top.get(name.toLowerCase());
    if (!e || e.type !== 2) return null;
    if (e.size === 0) return new Uint8Array(0);
    if (e.size < cutoff) {
      const m = miniStream();
      const count = Math.floor(m.data.length / 64);
      return gather(chain(e.start, m.fat, count, `the stream ${name}`), e.size, (n) => m.data.subarray(n * 64, n * 64 + 64), 64, `the stream ${name}`);
    }
    return gather(chain(e.start, fat, sectorCount, `the stream ${name}`), e.size, sector, ssz, `the stream ${name}`);
  };
}
