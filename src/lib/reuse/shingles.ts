/**
 * Word shingles for text-reuse detection, and the rule that says which shingles are boilerplate. A text becomes
 * tokens (folded words with their offsets in the NFC text, so a match can be printed as written) and then 5-word
 * shingles, each hashed from its words' FNV-1a hashes (shingleHash). A shingle is boilerplate, and is not evidence that one council copied
 * another, when it lies inside one of BOILERPLATE_PHRASES (legal bases, the law's own wording of the five measures,
 * the standard funding and implementation sentences) or when it occurs in many documents (document frequency ≥
 * max(3, 60% of them)). maximalRuns grows shared shingles into the longest word runs two texts have in common.
 * Pure: text in, arrays and booleans out.
 */
import { tokenize, type Tokens } from '../text/tokens.ts';

/** Words per shingle: long enough that a shared shingle is rarely chance, short enough to survive small edits. */
export const SHINGLE_WORDS = 5;

/** 32-bit FNV-1a over UTF-16 code units: fast, stable across runtimes, good spread for short ASCII keys. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Standard phrases that every resolution (or the law they all quote) contains. "{unit}" stands for each kind of
 * local unit; "Hội đồng nhân dân" and "Ủy ban nhân dân" also count in their abbreviated forms. Each phrase has at
 * least SHINGLE_WORDS words; only whole shingles inside a phrase are discounted, so a passage that merely passes
 * through a phrase is still reported when it shares something else.
 */
export const BOILERPLATE_PHRASES: readonly string[] = [
  // Legal bases.
  'Luật Tổ chức chính quyền địa phương',
  'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương',
  'Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022',
  'Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
  'Luật Ban hành văn bản quy phạm pháp luật',
  // The subject every resolution names, and generic legal wording.
  'các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn {unit}',
  'thực hiện dân chủ ở cơ sở',
  'theo quy định của pháp luật',
  // The law's standard enumerations of who is concerned: every text lists them, in one of a few orders.
  'cán bộ, công chức, viên chức, người lao động và Nhân dân',
  'các cơ quan, tổ chức, đơn vị, địa phương',
  'các cơ quan, đơn vị, tổ chức, địa phương',
  'cơ quan hành chính nhà nước, đơn vị sự nghiệp công lập',
  'Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội',
  'Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội',
  'Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng',
  // Điều 8 of Luật 10/2022/QH15: resolutions quote the five measures word for word; quoting the law is not copying a peer.
  'Bồi dưỡng nâng cao năng lực chuyên môn, nghiệp vụ cho người được giao nhiệm vụ tổ chức thực hiện pháp luật về thực hiện dân chủ ở cơ sở',
  'Tăng cường công tác thông tin, tuyên truyền, phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở; nâng cao nhận thức cộng đồng về việc bảo đảm thực hiện dân chủ ở cơ sở',
  'Nâng cao trách nhiệm của các cơ quan, đơn vị, tổ chức, vai trò nêu gương của người đứng đầu, cán bộ lãnh đạo, quản lý, đảng viên, cán bộ, công chức, viên chức, người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố trong việc thực hiện dân chủ và bảo đảm thực hiện dân chủ ở cơ sở; lấy mức độ thực hiện dân chủ ở cơ sở của chính quyền địa phương cấp xã, cơ quan, đơn vị, tổ chức làm căn cứ đánh giá kết quả thực hiện nhiệm vụ',
  'Kịp thời biểu dương, khen thưởng các gương điển hình, có nhiều thành tích trong việc phát huy và tổ chức thực hiện tốt dân chủ ở cơ sở; phát hiện và xử lý nghiêm cơ quan, đơn vị, tổ chức, cá nhân vi phạm pháp luật về thực hiện dân chủ ở cơ sở',
  'Hỗ trợ, khuyến khích ứng dụng công nghệ thông tin, khoa học - kỹ thuật, trang bị phương tiện kỹ thuật và bảo đảm các điều kiện cần thiết khác cho việc tổ chức thực hiện dân chủ ở cơ sở phù hợp với tiến trình xây dựng chính quyền điện tử, chính quyền số, xã hội số',
  // Funding: the standard sentence and its usual variants.
  'Kinh phí bảo đảm để triển khai thực hiện Nghị quyết được bố trí từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị, tổ chức, địa phương và các nguồn lực hợp pháp khác theo quy định của pháp luật',
  'Kinh phí đảm bảo để triển khai thực hiện Nghị quyết được bố trí từ nguồn ngân sách nhà nước',
  'trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị, địa phương và các nguồn lực hợp pháp khác theo quy định của pháp luật',
  'được bố trí từ ngân sách nhà nước theo phân cấp ngân sách nhà nước hiện hành',
  'và từ các nguồn xã hội hóa, các nguồn lực hợp pháp khác',
  // Implementation, supervision and entry into force.
  'Giao Ủy ban nhân dân {unit} tổ chức triển khai thực hiện Nghị quyết này',
  'Giao Thường trực Hội đồng nhân dân {unit}, các Ban của Hội đồng nhân dân {unit}, các Tổ đại biểu Hội đồng nhân dân {unit} và đại biểu Hội đồng nhân dân {unit} giám sát việc thực hiện Nghị quyết này',
  'giám sát việc thực hiện Nghị quyết',
  'Nghị quyết này có hiệu lực thi hành kể từ ngày',
  'Nghị quyết này đã được Hội đồng nhân dân {unit} khóa',
];

const UNITS = ['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu', ''];

function expandPhrase(phrase: string): string[] {
  const withUnits = phrase.includes('{unit}') ? UNITS.map((u) => phrase.replaceAll('{unit}', u)) : [phrase];
  return withUnits.flatMap((p) => [p, p.replaceAll('Hội đồng nhân dân', 'HĐND').replaceAll('Ủy ban nhân dân', 'UBND')]);
}

/** Folded shingles of the fixed phrases: the one place the phrase list is turned into something a matcher uses. */
export const BOILERPLATE_SHINGLES: ReadonlySet<string> = new Set(
  BOILERPLATE_PHRASES.flatMap(expandPhrase).flatMap((p) => shingleStrings(tokenize(p).words)),
);

/** The document-frequency half of the rule: common to at least max(minDf, dfShare × documents) documents. */
export interface BoilerplateRule {
  minDf: number;
  dfShare: number;
}

export const DEFAULT_BOILERPLATE: BoilerplateRule = { minDf: 3, dfShare: 0.6 };

/** The document frequency from which a shingle counts as boilerplate in a corpus of nDocs documents. */
export function dfThreshold(nDocs: number, rule: BoilerplateRule = DEFAULT_BOILERPLATE): number {
  return Math.max(rule.minDf, rule.dfShare * nDocs);
}

/** Why a shingle is boilerplate ("phrase" or "df 4 ≥ 3 of 5 documents"), or null when it is substantive. */
export function boilerplateReason(shingle: string, df: number, nDocs: number, rule: BoilerplateRule = DEFAULT_BOILERPLATE): string | null {
  if (BOILERPLATE_SHINGLES.has(tokenize(shingle).words.join(' '))) return 'phrase';
  const t = dfThreshold(nDocs, rule);
  return df >= t ? `df ${df} ≥ ${Math.round(t * 100) / 100} of ${nDocs} documents` : null;
}

/** True when a shingle (in any spelling: it is folded first) is boilerplate at document frequency df among nDocs. */
export function isBoilerplate(shingle: string, df: number, nDocs: number, rule: BoilerplateRule = DEFAULT_BOILERPLATE): boolean {
  return boilerplateReason(shingle, df, nDocs, rule) !== null;
}

/** IDF weight of a shingle, log((N+1)/(df+0.5)): positive for every df ≤ N, so no shared shingle counts against. */
export function idf(df: number, nDocs: number): number {
  return Math.log((nDocs + 1) / (df + 0.5));
}

function shingleStrings(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.push(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

export interface ShingledText {
  tokens: Tokens;
  /** hashes[i]: shingleHash of words[i … i+SHINGLE_WORDS). */
  hashes: Uint32Array;
  /** phrase[i] = 1 when shingle i lies inside a fixed boilerplate phrase (decided on the string, not the hash). */
  phrase: Uint8Array;
}

/**
 * The hash of the shingle starting at word `at`, from the 32-bit FNV-1a hashes of its words combined with
 * murmur3's mixing: each word is hashed once, not once per shingle it is in, and five word hashes spread over all
 * 32 bits. Equal words, equal hash; a collision is ruled out wherever it matters by comparing the words.
 */
export function shingleHash(wordHashes: ArrayLike<number>, at: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < SHINGLE_WORDS; k++) {
    let c = Math.imul(wordHashes[at + k] ?? 0, 0xcc9e2d51);
    c = (c << 15) | (c >>> 17);
    h ^= Math.imul(c, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The fixed phrases' shingles in an open-addressing table keyed by shingle hash, with their words: a lookup that
 * allocates nothing (no joined string per shingle, no boxed key), and that compares words so a hash collision
 * never makes a shingle boilerplate. A third of a resolution's shingles are in a fixed phrase.
 */
const PHRASE_TABLE = (() => {
  const size = 1 << Math.ceil(Math.log2(BOILERPLATE_SHINGLES.size * 4 + 16));
  const keys = new Uint32Array(size);
  const words: (string[] | undefined)[] = new Array(size).fill(undefined);
  for (const s of BOILERPLATE_SHINGLES) {
    const w = s.split(' ');
    const h = shingleHash(w.map(fnv1a32), 0);
    let i = h & (size - 1);
    while (words[i]) i = (i + 1) & (size - 1);
    keys[i] = h;
    words[i] = w;
  }
  return { keys, words, mask: size - 1 };
})();

function isPhraseAt(h: number, words: string[], at: number): boolean {
  const t = PHRASE_TABLE;
  for (let i = h & t.mask, w = t.words[i]; w; i = (i + 1) & t.mask, w = t.words[i]) {
    if (t.keys[i] !== h) continue;
    let k = 0;
    while (k < SHINGLE_WORDS && w[k] === words[at + k]) k++;
    if (k === SHINGLE_WORDS) return true;
  }
  return false;
}

/** Tokens of a text and the hash of every shingle in it. */
export function shingleText(input: string): ShingledText {
  const tokens = tokenize(input);
  const words = tokens.words;
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = fnv1a32(words[i] ?? '');
  const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const hashes = new Uint32Array(count);
  const phrase = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const h = shingleHash(wordHashes, i);
    hashes[i] = h;
    if (isPhraseAt(h, words, i)) phrase[i] = 1;
  }
  return { tokens, hashes, phrase };
}

/**
 * Maximal shared word runs of two texts, from seed hits [posA, posB, …] (positions of equal shingle hashes). Each
 * seed is checked word by word, since a 32-bit hash can collide, then grown both ways while the words agree, so a
 * run passes through boilerplate and through stretches shorter than a shingle. A run is kept when at least
 * minWords of its words lie under substantive shingles (boilerplateA[i] = 0 for shingle i of A): a run that is
 * mostly standard wording plus one odd word is not evidence of copying. The same words of A met twice in B count
 * once. Returns [startA, endA, startB] word ranges, by position in A.
 */
export function maximalRuns(A: ArrayLike<string | number>, B: ArrayLike<string | number>, hits: ArrayLike<number>, boilerplateA: Uint8Array, minWords: number): [number, number, number][] {
  // A seed as one number, diagonal first, then position in A: a numeric sort instead of a comparator over pairs.
  const width = A.length + 1;
  const seeds = new Float64Array(hits.length / 2);
  for (let i = 0; i < seeds.length; i++) seeds[i] = ((hits[2 * i] ?? 0) - (hits[2 * i + 1] ?? 0) + B.length) * width + (hits[2 * i] ?? 0);
  seeds.sort();
  const out: [number, number, number][] = [];
  const seen = new Set<number>();
  let diag = NaN;
  let end = -1;
  for (const key of seeds) {
    const pa = key % width;
    const pb = pa - (Math.floor(key / width) - B.length);
    if (pa - pb === diag && pa + SHINGLE_WORDS <= end) continue;
    let same = true;
    for (let k = 0; k < SHINGLE_WORDS && same; k++) same = A[pa + k] === B[pb + k];
    if (!same) continue;
    let s = pa;
    let t = pb;
    while (s > 0 && t > 0 && A[s - 1] === B[t - 1]) s--, t--;
    let e = pa + SHINGLE_WORDS;
    let f = pb + SHINGLE_WORDS;
    while (e < A.length && f < B.length && A[e] === B[f]) e++, f++;
    diag = pa - pb;
    end = e;
    if (e - s < minWords || seen.has(s * width + e)) continue;
    let substantive = 0;
    let covered = s;
    for (let i = s; i + SHINGLE_WORDS <= e; i++) {
      if (boilerplateA[i]) continue;
      substantive += i + SHINGLE_WORDS - Math.max(covered, i);
      covered = i + SHINGLE_WORDS;
    }
    if (substantive < minWords) continue;
    seen.add(s * width + e);
    out.push([s, e, t]);
  }
  return out.sort((x, y) => x[0] - y[0] || x[2] - y[2]);
}

/** Per shingle of a text: 1 where it is boilerplate (fixed phrase, or weight 0 under the corpus statistics). */
export function boilerplateMap(sh: ShingledText, weight: (h: number) => number): Uint8Array {
  return sh.phrase.map((p, i) => (p || weight(sh.hashes[i] ?? 0) === 0 ? 1 : 0));
}
