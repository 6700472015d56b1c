/**
 * The raw sources as published: for each resolution, its sidecar (data/raw/<id>.source.json) read and checked, and
 * the files to copy byte for byte to <data>/raw/: the text the data is read from, the original (PDF, .doc, .docx)
 * where the text was read from one, and the sidecar itself. Every file's SHA-256 is computed from its bytes and
 * must equal the sidecar's, or the build stops (DataError naming the file).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, DataError } from './paths.ts';

export interface Sidecar {
  id: string;
  file: string;
  original_name?: string;
  source: string;
  source_url: string | null;
  retrieved: string | null;
  copied_on?: string;
  sha256: string;
  bytes?: number;
  completeness?: string;
  original?: { file: string; sha256: string; bytes?: number; read_as?: string };
  /** Copies found elsewhere that are not the official publication (never used as source_url). */
  third_party_copies?: { url: string; publisher?: string; note?: string }[];
}

export interface RawFileOut {
  /** "text", "original" or "sidecar". */
  role: 'text' | 'original' | 'sidecar';
  file: string;
  bytes: Uint8Array;
  sha256: string;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function readSidecar(id: string, rawDir = join(DATA, 'raw')): Sidecar {
  const path = join(rawDir, `${id}.source.json`);
  let side: Sidecar;
  try {
    side = JSON.parse(readFileSync(path, 'utf8')) as Sidecar;
  } catch (e) {
    throw new DataError(`${path}: cannot read the sidecar (${e instanceof Error ? e.message : String(e)})`);
  }
  if (side.id !== id || typeof side.file !== 'string' || !/^[0-9a-f]{64}$/.test(side.sha256 ?? '')) {
    throw new DataError(`${path}: the sidecar needs "id": "${id}", "file" and a 64-hex "sha256"`);
  }
  return side;
}

/** The files of one resolution to publish under raw/, each checked against its sidecar. */
export function rawFilesOf(id: string, rawDir = join(DATA, 'raw')): { sidecar: Sidecar; files: RawFileOut[] } {
  const sidecar = readSidecar(id, rawDir);
  const files: RawFileOut[] = [];
  const add = (role: RawFileOut['role'], file: string, expected: string | null) => {
    const bytes = readFileSync(join(rawDir, file));
    const sha = sha256(bytes);
    if (expected !== null && sha !== expected) {
      throw new DataError(`data/raw/${file}: sha256 is ${sha}, data/raw/${id}.source.json records ${expected}; hint: raw sources are never edited — restore the file`);
    }
    files.push({ role, file, bytes, sha256: sha });
  };
  add('text', sidecar.file, sidecar.sha256);
  if (sidecar.original) add('original', sidecar.original.file, sidecar.original.sha256);
  add('sidecar', `${id}.source.json`, null);
  return { sidecar, files };
}

const MEDIA: Record<string, string> = {
  txt: 'text/plain', md: 'text/markdown', pdf: 'application/pdf', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', html: 'text/html', htm: 'text/html', json: 'application/json',
};
export const mediaTypeOf = (file: string) => MEDIA[file.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
