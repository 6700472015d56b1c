// word-extractor ships no types; the tests use it only as an independent reader of .doc to check src/lib/read/word-doc.ts.
declare module 'word-extractor' {
  export default class WordExtractor {
    extract(source: string | Uint8Array): Promise<{ getBody(): string }>;
  }
}
