/**
 * Browser tests need the built site: build the data and the site once per test run (unless SKIP_SITE_BUILD=1 and a
 * dist/ exists), then serve dist/ on a free loopback port for every browser test file.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../scripts/lib/serve.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

export default async function setup(project: TestProject) {
  if (!(process.env.SKIP_SITE_BUILD === '1' && existsSync(`${ROOT}dist/index.html`))) {
    execSync('npm run --silent build', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  }
  const { server, url } = await serveDir(`${ROOT}dist`);
  project.provide('siteUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
