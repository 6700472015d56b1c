/**
 * Funding sources named in a provision: a provision → one mention per source and sentence, with the clause of the
 * sentence that names it. Sources: the state budget (with two qualifiers read from its own clause: "theo (quy định)
 * phân cấp (quản lý) ngân sách" → budget_decentralisation, "dự toán chi thường xuyên" → regular_spending; null when
 * the clause does not say, never false, because silence is not a denial); socialised funding ("xã hội hóa"); other
 * lawful sources ("các nguồn lực hợp pháp khác", "vận động các nguồn kinh phí hợp pháp khác"); and support for the
 * People's Inspection Board and the Community Investment Supervision Board ("kinh phí hỗ trợ … Ban Thanh tra nhân
 * dân, Ban Giám sát đầu tư của cộng đồng", as in Luật 10/2022/QH15 Điều 40.2.e and 45.1.e).
 *
 * A sentence lists its sources in order ("từ nguồn ngân sách nhà nước … và các nguồn lực hợp pháp khác …"), so each
 * source's clause runs from its anchor to the next source's anchor, without the joining "và", "từ" or comma.
 */
import type { ProvisionInput } from '../classify/measures.ts';
import { foldWithMap, originalSlice, splitSegments } from '../reference/taxonomy.ts';

export type FundingSource = 'state_budget' | 'socialized' | 'other_lawful' | 'board_support';

export interface FundingMention {
  provision: string;
  source: FundingSource;
  /** State budget only: true when the clause says it follows budget decentralisation; null when it does not say. */
  budget_decentralisation: boolean | null;
  /** State budget only: true when the clause places it in regular-spending estimates; null when it does not say. */
  regular_spending: boolean | null;
  /** The clause of the sentence that names the source, as printed. */
  text: string;
}

const BOARD = String.raw`(?:ban thanh tra nhan dan|ban giam sat dau tu(?: cua cong dong)?)`;

/** Anchors on the folded text, in the order they are tried; board support first, since it names a budget too. */
const ANCHORS: [FundingSource, RegExp][] = [
  ['board_support', new RegExp(String.raw`(?:kinh phi ho tro|ho tro kinh phi)(?: [a-z]+){0,8}? ${BOARD}(?:(?:,| va) ${BOARD})?`, 'g')],
  // "Luật Ngân sách nhà nước" is a statute, not a source.
  ['state_budget', /(?<!luat )(?<![a-z])(?:(?:tu )?nguon )?ngan sach(?: (?:nha nuoc|dia phuong|cap (?:tinh|huyen|xa)))?(?![a-z])/g],
  ['socialized', /(?<![a-z])(?:(?:thuc hien|huy dong|cac nguon|nguon) )?(?:kinh phi )?xa hoi hoa(?![a-z])/g],
  ['other_lawful', /(?<![a-z])(?:(?:van dong|huy dong) )?(?:cac )?nguon(?: [a-z]+){0,3} hop phap(?: khac)?(?![a-z])/g],
];

/** Joining words left at the end of a clause when the next source starts. */
const TAIL = /(?:[\s,;]+(?:va|hoac|cung|tu|cung nhu)?)+$/;

/** Funding mentions of one provision, one per source, in order of first appearance. */
export function extractFunding(p: ProvisionInput): FundingMention[] {
  const out: FundingMention[] = [];
  for (const seg of splitSegments(p.text.normalize('NFC'), /\n|;|[.!?](?=\s|$)/g)) {
    const ft = foldWithMap(seg.text);
    const f = ft.folded;
    const taken: [number, number][] = [];
    const found: { source: FundingSource; start: number; end: number }[] = [];
    for (const [source, re] of ANCHORS) {
      for (const m of f.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        // A bare "ngân sách" after the state budget is the same source ("theo phân cấp ngân sách"): one per sentence.
        if (found.some((x) => x.source === source)) continue;
        if (source === 'state_budget' && m[0] === 'ngan sach' && !/(?:tu|bang|kinh phi) $/.test(f.slice(0, start))) continue;
        taken.push([start, end]);
        found.push({ source, start, end });
      }
    }
    found.sort((a, b) => a.start - b.start);
    found.forEach((x, i) => {
      const next = found[i + 1]?.start ?? f.length;
      let clause = f.slice(x.start, next);
      clause = clause.replace(TAIL, '');
      const text = originalSlice(ft, x.start, x.start + clause.length).replace(/[\s.,;]+$/, '');
      const state = x.source === 'state_budget';
      const mention: FundingMention = {
        provision: p.id,
        source: x.source,
        budget_decentralisation: state && /\bphan cap\b/.test(clause) ? true : null,
        regular_spending: state && /\bchi thuong xuyen\b/.test(clause) ? true : null,
        text,
      };
      // One row per provision and source (the funding table's key): a later sentence can only add a qualifier.
      const earlier = out.find((m) => m.source === x.source);
      if (!earlier) out.push(mention);
      else {
        earlier.budget_decentralisation ??= mention.budget_decentralisation;
        earlier.regular_spending ??= mention.regular_spending;
      }
    });
  }
  return out;
}
