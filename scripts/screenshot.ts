/**
 * npm run --silent screenshot -- PATH WIDTH OUT.png [DRAFT.txt]
 * Serves dist/ on loopback and saves a screenshot of PATH at WIDTH px in Debian's Chromium, to look at a page as a
 * reader does. With DRAFT, pastes it into the benchmark page and shows the scorecard.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ROOT } from '../src/node/paths.ts';
import { serveDir } from './lib/serve.ts';

const [path = '/', width = '360', out = 'screenshot.png', draft] = process.argv.slice(2);
const { server, url } = await serveDir(`${ROOT}dist`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(url + path);
  if (draft) {
    await page.getByTestId('draft-text').fill(readFileSync(draft, 'utf8'));
    await page.getByTestId('draft-run').click();
    await page.getByTestId('scorecard').waitFor({ state: 'visible' });
    await page.getByTestId('scorecard').scrollIntoViewIfNeeded();
  }
  await page.screenshot({ path: out });
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
  server.close();
}
