/**
 * Which edition of the project a report speaks for: the dataset version (the one the data build writes into
 * datapackage.json) and the site's canonical address, or null where none is set. The drafter's reports (the page's
 * header, its JSON, `npm run benchmark`) read both through this one function, so when the version or the address
 * moves to its own setting, only this function changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

export interface Edition {
  dataset_version: string | null;
  site: string | null;
}

/**
 * The version is read as text from scripts/build-data.ts (DATA_VERSION, what datapackage.json gets; src/ does not
 * import scripts/). The site address comes from SITE_URL when set (there is no canonical address setting yet).
 */
export function edition(): Edition {
  let version: string | null = null;
  try {
    version = /export const DATA_VERSION = '([^']+)'/.exec(readFileSync(join(ROOT, 'scripts', 'build-data.ts'), 'utf8'))?.[1] ?? null;
  } catch {
    version = null;
  }
  return { dataset_version: version, site: process.env.SITE_URL?.trim() || null };
}
