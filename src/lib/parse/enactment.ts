/**
 * The decision marker of a resolution, in both templates. Until 2025 the preamble ends with "QUYẾT NGHỊ:". The
 * template for normative resolutions under the Law on Promulgation of Legal Normative Documents 64/2025/QH15 (and
 * Decree 78/2025/NĐ-CP) replaces it with an enactment sentence after the legal bases — "Hội đồng nhân dân tỉnh X
 * ban hành Nghị quyết quy định …." — and the submission line "Xét Tờ trình …" with "Theo đề nghị của Ủy ban nhân dân
 * … tại Tờ trình số …". We could not find the text of the Law's or the Decree's template in the sources reachable
 * here (searched: the Law 64/2025/QH15 and Decree 78/2025/NĐ-CP template annexes); the shapes below are the ones the
 * issue states and that 2025 resolutions print (e.g. Nghị quyết 18/2025/NQ-HĐND of Thanh Hóa, which cites both
 * documents). The enactment sentence ends the preamble: it is the decision marker, never a legal basis, and the
 * resolution's title is still read from the header. Pure.
 */
import { foldChars, squash } from '../text/normalize.ts';

const OLD_MARKER = /^QUYẾT NGHỊ\s*:?$/iu;
/** Folded: "hoi dong nhan dan [unit and name] … ban hanh nghi quyet …", one sentence. */
const ENACTMENT = /^hoi dong nhan dan\b[^.;:]{0,120}?\bban hanh (?:nghi quyet|nq)\b/;

/** Whether a preamble paragraph is the decision marker: "QUYẾT NGHỊ:" or the 2025 enactment sentence. */
export function isDecisionMarker(paragraph: string): boolean {
  const t = squash(paragraph);
  if (OLD_MARKER.test(t)) return true;
  // The sentence states what is enacted and ends there; a longer paragraph is something else (a basis, a recital).
  return t.length <= 400 && ENACTMENT.test(foldChars(t)) && /[.:]?$/.test(t);
}

/** Whether a line may start the 2025 enactment sentence (so it is not glued onto the legal basis before it). */
export function startsEnactment(line: string): boolean {
  return /^hoi dong nhan dan\b/.test(foldChars(line)) && line !== line.toLocaleUpperCase('vi');
}

/** Whether a preamble paragraph is the 2025 submission line "Theo đề nghị của …". */
export function isProposal(paragraph: string): boolean {
  return /^Theo đề nghị của\s/u.test(paragraph);
}

/** Who proposed, from "Theo đề nghị của Ủy ban nhân dân tỉnh tại Tờ trình số …": the body named before "tại". */
export function proposer(paragraph: string): string | null {
  const m = /^Theo đề nghị của\s+((?:Ủy ban nhân dân|UBND|Chủ tịch Ủy ban nhân dân|Thường trực Hội đồng nhân dân)(?:\s+(?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã|thị trấn))?(?:\s+[\p{Lu}][\p{L}]*)*)/u.exec(squash(paragraph));
  return m ? squash(m[1] ?? '') : null;
}
