/**
 * The benchmark's 20-page draft (about 50,000 characters) for scripts/bench-site.ts: the Lạng Sơn resolution's text
 * up to its recipients, then the articles of the other full texts in data/raw, renumbered to follow on, cycled
 * until the body reaches the target, then Lạng Sơn's closing. Real provisions only, so the parser, classifier and
 * similarity search do the work they do on a long real draft. Deterministic: same sources, same text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { DATA } from '../../src/node/paths.ts';

const BASE = 'lang-son-08-2024-nq-hdnd.txt';
const OTHERS = ['hai-phong-99-nq-hdnd-2024.txt', 'son-la-2024-04-17-nq-hdnd.txt', 'an-giang-an-phu-47-nq-hdnd-2024.txt', 'thai-nguyen-linh-son-36-nq-hdnd-2025.txt'];
const ARTICLE = /^[#*\s]*Điều \d+\./u;
const RECIPIENTS = /^[#*\s]*Nơi nhận/u;

const read = (f: string) => normalizeText(readFileSync(join(DATA, 'raw', f), 'utf8')).split('\n');

/** The lines from a text's first article to just before its recipients. */
function articles(lines: string[]): string[] {
  const from = lines.findIndex((l) => ARTICLE.test(l));
  const to = lines.findIndex((l) => RECIPIENTS.test(l));
  return lines.slice(from, to < 0 ? lines.length : to);
}

export function benchDraft(target = 50_000): string {
  const base = read(BASE);
  const cut = base.findIndex((l) => RECIPIENTS.test(l));
  const head = base.slice(0, cut);
  const tail = base.slice(cut);
  let n = head.filter((l) => ARTICLE.test(l)).length;
  const body = [...head];
  for (let i = 0; body.join('\n').length < target; i = (i + 1) % OTHERS.length) {
    for (const l of articles(read(OTHERS[i]!))) body.push(ARTICLE.test(l) ? l.replace(/Điều \d+\./u, `Điều ${++n}.`) : l);
  }
  return [...body, ...tail].join('\n');
}
