// Static site; Vietnamese at /, English under /en/. Nothing is fetched from another host at build or run time.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
