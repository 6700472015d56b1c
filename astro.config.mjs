// Static site; Vietnamese at /, English under /en/. Nothing is fetched from another host at build or run time.
// SITE_PUBLIC_DIR and SITE_OUT_DIR (with SITE_DATA_DIR, read by src/node/published.ts) let the scale benchmark
// build a synthetic site under bench/tmp/… without touching public/ or dist/.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  publicDir: process.env.SITE_PUBLIC_DIR ?? 'public',
  outDir: process.env.SITE_OUT_DIR ?? 'dist',
  devToolbar: { enabled: false },
  // Never inline a script into the page: the Content-Security-Policy allows scripts from files only ('self').
  vite: { build: { assetsInlineLimit: 0 } },
});
