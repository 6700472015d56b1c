// Static site; Vietnamese at /, English under /en/. Nothing is fetched from another host at build or run time.
// SITE_PUBLIC_DIR and SITE_OUT_DIR (with SITE_DATA_DIR, read by src/node/published.ts) let the scale benchmark
// build a synthetic site under bench/tmp/… without touching public/ or dist/.
// `site` is the site's canonical address, the one setting for it: every page's <link rel="canonical">, the citation
// on /data/ and under every chart, datapackage.json's homepage (src/node/site.ts reads it) and CITATION.cff's url
// (test/publish/release.test.ts checks they agree). Set SITE_URL to publish under another address.
// No `defineConfig` import (it only returns its argument): the data build and the tests import this file for
// `site`, and astro/config takes seconds to load; the JSDoc type below gives editors the same checking.
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { markEnglishPages } from './src/node/mark-lang.ts';

// English pages: the Vietnamese names, titles and quotes in them are marked lang="vi" once the pages are written.
const markLang = {
  name: 'mark-vietnamese',
  hooks: {
    'astro:build:done': ({ dir, logger }) => {
      const t = performance.now();
      const r = markEnglishPages(fileURLToPath(dir));
      logger.info(`lang="vi" marked: ${r.marked} text pieces on ${r.changed} of ${r.pages} English pages in ${Math.round(performance.now() - t)} ms`);
    },
  },
};

// The English 404 page is built as en/404/index.html (build.format 'directory'); static servers look for
// en/404.html beside the root's 404.html, so it moves there once the build is done.
const englishNotFound = {
  name: 'english-404',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const from = new URL('en/404/index.html', dir);
      if (!existsSync(from)) return;
      renameSync(from, new URL('en/404.html', dir));
      rmdirSync(new URL('en/404/', dir));
    },
  },
};

/** @type {import('astro').AstroUserConfig} */
export default {
  site: process.env.SITE_URL ?? 'https://dan-chu-co-so.github.io/',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  publicDir: process.env.SITE_PUBLIC_DIR ?? 'public',
  outDir: process.env.SITE_OUT_DIR ?? 'dist',
  devToolbar: { enabled: false },
  // The 404 page moves first, so that the English pages marked include en/404.html.
  integrations: [englishNotFound, markLang],
  vite: {
    // The benchmark page's reading worker (src/client/read-worker.ts) loads its readers by dynamic import.
    worker: { format: 'es' },
    // Never inline a script into the page: the Content-Security-Policy allows scripts from files only ('self').
    build: { assetsInlineLimit: 0 },
  },
};
