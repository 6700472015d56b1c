/**
 * JSON files of the project (curated files, sidecars, the taxonomy) read so that a damaged one is named: the error
 * is a DataError "data/curated/x.json line 12, column 5: not valid JSON (…)", which every script turns into one
 * line and exit code 2, instead of a bare "Unexpected token" that names no file.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DataError, ROOT } from './paths.ts';

/** Line and column (from 1) of a character offset. */
function lineColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, at));
  const line = (before.match(/\n/g) ?? []).length + 1;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Parses `text` as the JSON of `path`, or throws a DataError naming the file, line and column. */
export function parseJsonOf(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : at ? lineColumn(text, Number(at[1])) : text.trim() === '' ? { line: 1, column: 1 } : lineColumn(text, text.length);
    const name = relative(ROOT, path) || path;
    throw new DataError(`${name.startsWith('..') ? path : name} line ${where.line}, column ${where.column}: not valid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '').split('\n')[0]})`);
  }
}

/** Reads and parses a JSON file; a damaged one is a DataError naming it (see parseJsonOf). */
export function readJsonFile(path: string): unknown {
  return parseJsonOf(path, readFileSync(path, 'utf8'));
}
