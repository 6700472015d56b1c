/**
 * The site's canonical address, read from astro.config.mjs's `site` (the one setting: pages get it as Astro.site,
 * the data build and the tests from here), with a trailing slash; null when the config sets none.
 */
import { ROOT } from './paths.ts';

export async function siteUrl(): Promise<string | null> {
  const path = `${ROOT}astro.config.mjs`;
  const config = ((await import(path)) as { default: { site?: string } }).default;
  return config.site ? new URL(config.site).href : null;
}
