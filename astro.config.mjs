// Static site; Vietnamese at /, English under /en/. Nothing is fetched from another host at build or run time.
// SITE_PUBLIC_DIR and SITE_OUT_DIR (with SITE_DATA_DIR, read by src/node/published.ts) let the scale benchmark
// build a synthetic site under bench/tmp/… without touching public/ or dist/.
import { defineConfig } from 'astro/config';
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

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  publicDir: process.env.SITE_PUBLIC_DIR ?? 'public',
  outDir: process.env.SITE_OUT_DIR ?? 'dist',
  devToolbar: { enabled: false },
  integrations: [markLang],
  // Never inline a script into the page: the Content-Security-Policy allows scripts from files only ('self').
  vite: { build: { assetsInlineLimit: 0 } },
});
