/**
 * Which edition of the project a report speaks for: the dataset version (the one the data build writes into
 * datapackage.json) and the site's canonical address, or null where none is set. The drafter's reports (the page's
 * header, its JSON, `npm run benchmark`) read both through this one function, so that they say what datapackage.json and the
 * citation say.
 */
import { DATA_VERSION } from '../lib/publish/release.ts';
import { siteUrl } from './site.ts';

export interface Edition {
  dataset_version: string | null;
  site: string | null;
}

/** The dataset version (src/lib/publish/release.ts) and the canonical address (astro.config.mjs `site`, or SITE_URL). */
export async function edition(): Promise<Edition> {
  return { dataset_version: DATA_VERSION, site: await siteUrl() };
}
