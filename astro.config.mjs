// Static site; Vietnamese at /, English under /en/. Nothing is fetched from another host at build or run time.
// SITE_PUBLIC_DIR and SITE_OUT_DIR (with SITE_DATA_DIR, read by src/node/published.ts) let the scale benchmark
// build a synthetic site under bench/tmp/… without touching public/ or dist/.
// `site` is the site's canonical address, the one setting for it: every page's <link rel="canonical">, the citation
// on /data/ and under every chart, datapackage.json's homepage (src/node/site.ts reads it) and CITATION.cff's url
// (test/publish/release.test.ts checks they agree). Set SITE_URL to publish under another address.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://dan-chu-co-so.github.io/',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  publicDir: process.env.SITE_PUBLIC_DIR ?? 'public',
  outDir: process.env.SITE_OUT_DIR ?? 'dist',
  devToolbar: { enabled: false },
});
