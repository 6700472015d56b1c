/**
 * The exact words of a text that state a metadata value the parser read, for a pre-filled curated file (npm run
 * add): "08 /2024/NQ-HĐND" for the number 08/2024/NQ-HĐND, "thông qua ngày 23 tháng 7 năm 2024" for the adoption
 * date, the council's header line for its level. Every answer is a verbatim substring of the text that
 * checkAgainstRaw (curated.ts) accepts for that value; null when no such words are found, and then the value is
 * left unknown for a curator rather than asserted without evidence. Pure; never throws.
 */
import { foldWithMap } from '../text/fold.ts';
import { foldVi, isoDate } from '../text/normalize.ts';

/** A value to find: the field and what the parser read (dates ISO, session a number). */
export interface EvidenceQuery {
  field: string;
  value: string | number;
  /** For the level, unit type and jurisdiction: the council's name ("Hội đồng nhân dân tỉnh Lạng Sơn"). */
  council?: string | null;
  /** For the effect rule: what the rule is, so the matching sentence is looked for. */
  rule?: string | null;
}

const MAX_EVIDENCE = 240;

export class EvidenceFinder {
  private readonly text: string;
  private readonly fold: ReturnType<typeof foldWithMap>;

  constructor(text: string) {
    this.text = text;
    // Markup between words (bold, headings, table bars) is not part of what a value's words are compared on.
    this.fold = foldWithMap(text.replace(/[*#|]/g, ' '));
  }

  /** The source span of every occurrence of a phrase, compared folded (case, marks, markup, line breaks ignored). */
  phraseSpans(phrase: string): [number, number][] {
    const needle = foldVi(phrase);
    if (needle === '') return [];
    const out: [number, number][] = [];
    const { folded, starts, ends } = this.fold;
    for (let i = folded.indexOf(needle); i !== -1; i = folded.indexOf(needle, i + 1)) {
      const start = starts[i] ?? 0;
      const end = ends[i + needle.length - 1] ?? start;
      out.push([start, end]);
    }
    return out;
  }

  /** The words of the text for a phrase (first occurrence, or the last before `before`), trimmed of markup. */
  phrase(phrase: string, before = Infinity): string | null {
    const spans = this.phraseSpans(phrase);
    const pick = Number.isFinite(before) ? spans.filter(([s]) => s < before).at(-1) ?? spans[0] : spans[0];
    return pick ? this.text.slice(pick[0], pick[1]) : null;
  }

  /** The line that holds a span, trimmed, or the span itself where the line is too long to be read as evidence. */
  lineAt(start: number, end: number): string {
    const from = this.text.lastIndexOf('\n', start - 1) + 1;
    const to = this.text.indexOf('\n', end);
    const line = this.text.slice(from, to === -1 ? undefined : to).trim();
    return line.length <= MAX_EVIDENCE && line.includes(this.text.slice(start, end)) ? line : this.text.slice(start, end);
  }

  /** The first line (trimmed) whose words contain the phrase; null when none does. */
  lineWith(phrase: string): string | null {
    const span = this.phraseSpans(phrase)[0];
    return span ? this.lineAt(span[0], span[1]) : null;
  }

  /**
   * Words stating a date (its parts may be split over lines): from a cue ("thông qua", "hiệu lực") within the same
   * paragraph to the date; without cues (the signing date beside the place name), from the start of its line. The
   * first date with the value when no cue is near it.
   */
  date(iso: string, cues: string[]): string | null {
    let fallback: string | null = null;
    for (const re of [/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu, /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/gu]) {
      for (const m of this.text.matchAll(re)) {
        if (isoDate(Number(m[3]), Number(m[2]), Number(m[1])).iso !== iso) continue;
        const at = m.index ?? 0;
        const end = at + m[0].length;
        const paragraph = Math.max(this.text.lastIndexOf('\n\n', at), 0);
        if (cues.length === 0) {
          const line = this.text.lastIndexOf('\n', at - 1) + 1;
          const words = this.text.slice(line, end).trim();
          return words.length <= 100 ? words : m[0];
        }
        fallback ??= m[0];
        const before = new EvidenceFinder(this.text.slice(paragraph, at));
        for (const cue of cues) {
          const c = before.phraseSpans(cue).at(-1);
          if (c && at - (paragraph + c[0]) <= 160) return this.text.slice(paragraph + c[0], end);
        }
      }
    }
    return fallback;
  }

  /** The number as printed, spaces and bold markers included ("**99** /NQ-HĐND"). */
  number(value: string): string | null {
    const pattern = [...value].map((ch) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[\\s*]*');
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u').exec(this.text);
    return m ? m[0] : null;
  }
}

const COUNCIL = (unitType: string, name: string) => `Hội đồng nhân dân ${unitType} ${name}`;

/** Cues that introduce the sentence stating each date. */
const DATE_CUES: Record<string, string[]> = {
  adopted_on: ['thông qua'],
  effective_on: ['hiệu lực', 'thi hành'],
  signed_on: [],
};

/** A publisher's catalogue row naming the issuing body ("| Cơ quan ban hành | Tỉnh Quảng Trị |"), when it names the area. */
function catalogueIssuer(f: EvidenceFinder, jurisdiction: string): string | null {
  const row = f.lineWith('cơ quan ban hành');
  return row && jurisdiction && f.phraseSpans(jurisdiction).length > 0 && new EvidenceFinder(row).phraseSpans(jurisdiction).length > 0 ? row : null;
}

/** The evidence for one value, or null. */
export function findEvidence(f: EvidenceFinder, q: EvidenceQuery, all: Record<string, unknown>): string | null {
  const value = String(q.value);
  switch (q.field) {
    case 'number':
      return f.number(value);
    case 'signed_on':
    case 'adopted_on':
    case 'effective_on':
      return f.date(value, DATE_CUES[q.field] ?? []);
    case 'jurisdiction':
    case 'unit_type':
    case 'level': {
      const name = String(all.jurisdiction ?? '');
      const type = String(all.unit_type ?? '');
      return (name && type && (f.lineWith(COUNCIL(type, name)) ?? f.lineWith(`${type} ${name}`))) || null;
    }
    case 'council':
      return f.phrase(value) ?? catalogueIssuer(f, String(all.jurisdiction ?? ''));
    case 'province':
      return f.phrase(`tỉnh ${value}`) ?? f.phrase(`thành phố ${value}`) ?? f.phrase(value);
    case 'effective_rule':
    case 'effective_source':
      return f.lineWith('có hiệu lực') ?? f.lineWith('hiệu lực thi hành');
    case 'term':
      return f.phrase(`khóa ${value}`);
    case 'session':
      return f.lineWith('kỳ họp thứ') ?? f.lineWith('kỳ họp chuyên đề');
    case 'session_kind':
      return value === 'thematic' ? f.lineWith('chuyên đề') : f.lineWith('kỳ họp thứ');
    case 'signer_title': {
      const signer = all.signer ? f.phraseSpans(String(all.signer))[0] : undefined;
      return f.phrase(value, signer ? signer[0] : Infinity);
    }
    default:
      return f.phrase(value);
  }
}
