/**
 * Where the project is on disk, for scripts, the site build and the tests: ROOT (the folder with package.json, with
 * a trailing slash), ROOT_URL (the same as a file: URL, for `new URL('data/…', ROOT_URL)`), DATA (ROOT/data), and
 * DataError, the error a script turns into exit code 2 and one line. Tests locate files through ROOT, so the depth of
 * a test's folder does not matter.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root: the nearest folder above this module with a package.json (this module may be bundled into dist/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return `${dir}/`;
}

export const ROOT = findRoot();
export const ROOT_URL = pathToFileURL(ROOT);
export const DATA = join(ROOT, 'data');

export class DataError extends Error {}
