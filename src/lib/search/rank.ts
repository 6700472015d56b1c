/**
 * Hits typed with diacritics come first: a cursor over a SearchCursor (whose hits come in index order, found through
 * the fold) that, when the query was typed with diacritics, reads ahead and gives the hits holding every word as
 * typed ("hương ước") before those that only fold to it ("hưởng … ước"). The fold is for recall; the order says which
 * hits are the words the reader wrote. The read-ahead is bounded (`lookahead` hits): past it, each batch is ordered
 * the same way within itself, so a word found in most provisions still answers from the first chunks. Pure.
 */
import type { Page, SearchCursor } from './cursor.ts';
import { matchesTyped, type SearchHit } from './query.ts';

/** Hits read ahead at most before the first page (the whole result for this corpus; a few doc files at scale). */
const LOOKAHEAD = 2000;
const BATCH = 200;

export class TypedFirstCursor {
  private typed: SearchHit[] = [];
  private folded: SearchHit[] = [];
  private read = 0;
  private innerDone = false;
  private given = 0;
  private maxTotal = 0;
  private readonly inner: SearchCursor;
  private readonly lookahead: number;
  constructor(inner: SearchCursor, lookahead = LOOKAHEAD) {
    this.inner = inner;
    this.lookahead = lookahead;
  }

  private async pull(n: number): Promise<void> {
    const p = await this.inner.next(n);
    this.read += p.hits.length;
    this.innerDone = p.done;
    this.maxTotal = p.maxTotal;
    for (const h of p.hits) (matchesTyped(h.text, this.inner.query) ? this.typed : this.folded).push(h);
  }

  async next(n: number): Promise<Page> {
    if (!this.inner.query.typed) return this.inner.next(n);
    // Read ahead while the typed hits cannot fill the page and the bound allows; past it, one batch at a time.
    while (!this.innerDone && this.typed.length < n && this.read < this.lookahead) await this.pull(BATCH);
    if (!this.innerDone && this.typed.length + this.folded.length < n) await this.pull(Math.max(n, BATCH));
    const hits = this.typed.splice(0, n);
    if (hits.length < n) hits.push(...this.folded.splice(0, n - hits.length));
    this.given += hits.length;
    const done = this.innerDone && this.typed.length === 0 && this.folded.length === 0;
    return { hits, done, found: this.given, maxTotal: done ? this.given : Math.max(this.maxTotal, this.given) };
  }
}
