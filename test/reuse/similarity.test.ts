/**
 * Text reuse on the five full resolutions in data/raw: known shared passages are found with the right provisions
 * on both sides, the standard funding sentence is not, a copy scores 1 and unrelated text about 0, and the output
 * does not depend on input order, id order or Unicode normal form. Prints the seeds' similarity matrix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResolution } from '../../src/lib/parse/parser.ts';
import { BOILERPLATE_PHRASES, BOILERPLATE_SHINGLES, boilerplateReason, fnv1a32, isBoilerplate, shingleText } from '../../src/lib/reuse/shingles.ts';
import { tokenize } from '../../src/lib/text/tokens.ts';
import { compareResolutions, nearestResolutions } from '../../src/lib/reuse/similarity.ts';
import { buildCorpus, type ReuseDocument } from '../../src/lib/reuse/corpus.ts';
import { foldVi, normalizeText } from '../../src/lib/text/normalize.ts';
import { ROOT_URL } from '../../src/node/paths.ts';

const RAW = new URL('data/raw/', ROOT_URL).pathname;
const LAW = new URL('data/reference/law/luat-10-2022-QH15_core.md', ROOT_URL).pathname;
const AN_PHU = 'an-giang-an-phu-47-nq-hdnd-2024';
const LINH_SON = 'thai-nguyen-linh-son-36-nq-hdnd-2025';
const LANG_SON = 'lang-son-08-2024-nq-hdnd';
const SON_LA = 'son-la-2024-04-17-nq-hdnd';

/**
 * A stand-in for the classifier, for these tests only: a provision carries a code when its text or an ancestor's
 * heading has one of a few key words. Enough to give the measure scopes real, overlapping content.
 */
const TAGS: [string, RegExp][] = [
  ['M1', /boi duong|tap huan/], ['M2', /tuyen truyen|pho bien/], ['M3', /neu guong|trach nhiem/],
  ['M4', /khen thuong|xu ly nghiem/], ['M5', /cong nghe thong tin|chuyen doi so/],
];

function load(file: string): ReuseDocument {
  const r = parseResolution(normalizeText(readFileSync(RAW + file, 'utf8')), {});
  const byId = new Map(r.provisions.map((p) => [p.id, p]));
  return {
    id: file.replace(/\.txt$/, ''),
    provisions: r.provisions.map((p) => {
      let words = foldVi(p.text);
      for (let up = byId.get(p.parent ?? ''); up; up = byId.get(up.parent ?? '')) words += ` ${foldVi(up.heading ?? '')}`;
      return { id: p.id, text: p.text, measures: TAGS.filter(([, re]) => re.test(words)).map(([code]) => code) };
    }),
  };
}

const seeds = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort().map(load);
const seed = (id: string) => seeds.find((d) => d.id === id) ?? expect.unreachable(`no seed ${id}`);
const result = compareResolutions(seeds);
const row = (rows: typeof result.similarity, a: string, b: string, scope = 'all') =>
  rows.find((r) => r.resolution_a === a && r.resolution_b === b && r.scope === scope);

/** Paragraphs of one article of the law, from its heading to the next article. */
function lawArticle(n: number): string[] {
  const text = readFileSync(LAW, 'utf8');
  const start = text.indexOf(`Điều 44.13.LQ.${n}.`);
  const end = text.indexOf('Điều 44.13.', start + 10);
  return text.slice(start, end < 0 ? undefined : end).split('\n').slice(1).filter((l) => l.trim() && !l.startsWith('('));
}
const asDoc = (id: string, paragraphs: string[]): ReuseDocument => ({ id, provisions: paragraphs.map((text, i) => ({ id: `p${i + 1}`, text, measures: [] })) });
const RECIPE = [
  'Phở bò: ninh xương bò với gừng nướng, hành nướng, quế, hồi và thảo quả trong tám giờ cho nước dùng trong và ngọt.',
  'Chần bánh phở qua nước sôi, xếp thịt bò thái mỏng lên trên, chan nước dùng thật nóng, rắc hành lá, rau mùi và tiêu.',
  'Ăn kèm giá đỗ, rau húng quế, ớt tươi, chanh và tương đen; nêm nước mắm cho vừa miệng.',
];

describe('shared passages between real resolutions', () => {
  it('An Phú and Linh Sơn share "Duy trì thực hiện hiệu quả các hình thức dân chủ trực tiếp…" in their M3 points', () => {
    const p = result.passages.find((x) => x.resolution_a === AN_PHU && x.resolution_b === LINH_SON && x.text.startsWith('Duy trì thực hiện hiệu quả các hình thức dân chủ trực tiếp'));
    expect(p).toMatchObject({ provision_a: 'dieu-1.khoan-3.diem-a', provision_b: 'dieu-1.khoan-2-3.diem-a' });
    expect(p?.n_words).toBeGreaterThanOrEqual(14);
  });

  it('An Phú and Linh Sơn share the Fatherland Front sentence, printed as in An Phú (its OCR slip "Mật trận" included)', () => {
    const want = foldVi('Phát huy vai trò của Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện dân chủ ở cơ sở theo quy định của pháp luật');
    const p = result.passages.find((x) => x.resolution_a === AN_PHU && x.resolution_b === LINH_SON && foldVi(x.text).includes(want));
    expect(p).toMatchObject({ provision_a: 'dieu-1.khoan-2.diem-c', provision_b: 'dieu-1.khoan-2-2.diem-d' });
    expect(p?.text.startsWith('Phát huy vai trò của Ủy ban Mật trận Tổ quốc')).toBe(true);
    expect(p?.n_words).toBe(tokenize(p?.text ?? '').words.length);
  });

  it('Lạng Sơn and Sơn La share the QR-code sentence', () => {
    const want = foldVi('ứng dụng công nghệ thông tin, mã QRcode tại bộ phận một cửa để người dân tiếp cận thanh toán tiện ích công');
    const p = result.passages.find((x) => x.resolution_a === LANG_SON && x.resolution_b === SON_LA && foldVi(x.text).includes(want));
    expect(p).toMatchObject({ provision_a: 'dieu-4.khoan-5.diem-d', provision_b: 'dieu-1.khoan-5.diem-d', ord: 1 });
  });

  it('does not report the standard funding sentence, though An Phú and Lạng Sơn both print it', () => {
    const funding = foldVi('được bố trí từ nguồn ngân sách nhà nước theo quy định phân cấp quản lý ngân sách hiện hành trong dự toán chi thường xuyên hàng năm của cơ quan, đơn vị');
    expect(foldVi(seed(AN_PHU).provisions.find((p) => p.id === 'dieu-2.khoan-1')?.text ?? '')).toContain(funding);
    expect(foldVi(seed(LANG_SON).provisions.find((p) => p.id === 'dieu-5')?.text ?? '')).toContain(funding);
    for (const p of result.passages) expect(foldVi(p.text)).not.toContain('ngan sach nha nuoc theo quy dinh phan cap');
  });

  it('reports passages of at least 8 words, whole words, once per provision pair, with a < b', () => {
    expect(result.passages.length).toBeGreaterThan(20);
    const keys = new Set<string>();
    for (const p of result.passages) {
      expect(p.n_words).toBeGreaterThanOrEqual(8);
      expect(p.resolution_a < p.resolution_b).toBe(true);
      const source = seed(p.resolution_a).provisions.find((x) => x.id === p.provision_a)?.text ?? '';
      expect(source).toContain(p.text);
      expect(p.text).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}]$/u);
      const key = `${p.resolution_a} ${p.provision_a} ${p.resolution_b} ${p.provision_b} ${p.text}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
  });
});

describe('similarity scores', () => {
  it('prints the seeds\' similarity matrix (scope all) for a sanity check', () => {
    const ids = seeds.map((d) => d.id);
    const score = (a: string, b: string) => (a === b ? 1 : row(result.similarity, a < b ? a : b, a < b ? b : a)?.score ?? 0);
    const short = (id: string) => id.slice(0, 14).padEnd(15);
    const lines = [`${' '.repeat(15)}${ids.map(short).join('')}`, ...ids.map((a) => short(a) + ids.map((b) => score(a, b).toFixed(4).padEnd(15)).join(''))];
    console.log(`similarity (scope all, IDF-weighted Jaccard of substantive 5-word shingles)\n${lines.join('\n')}`);
    const longest = [...result.passages].sort((x, y) => y.n_words - x.n_words).slice(0, 5);
    console.log(longest.map((p) => `${p.n_words} words  ${p.resolution_a} ${p.provision_a} ↔ ${p.resolution_b} ${p.provision_b}\n  ${p.text}`).join('\n'));
    expect(row(result.similarity, AN_PHU, LINH_SON)?.score).toBeGreaterThan(0.02);
  });

  it('gives 1 for a resolution and a copy of it under another id, in every scope', () => {
    const copy = { ...seed(AN_PHU), id: 'zz-copy-of-an-phu' };
    const rows = compareResolutions([...seeds, copy]).similarity.filter((r) => r.resolution_a === AN_PHU && r.resolution_b === copy.id);
    expect(rows.map((r) => r.scope)).toEqual(['all', 'M1', 'M2', 'M3', 'M4', 'M5']);
    for (const r of rows) expect(r.score).toBe(1);
  });

  it('is symmetric: swapping which resolution sorts first changes nothing', () => {
    const a = seed(AN_PHU);
    const b = seed(LINH_SON);
    const one = compareResolutions([{ ...a, id: 'x' }, { ...b, id: 'y' }, seed(LANG_SON)]);
    const two = compareResolutions([{ ...a, id: 'y' }, { ...b, id: 'x' }, seed(LANG_SON)]);
    for (const scope of ['all', 'M3']) {
      const r1 = row(one.similarity, 'x', 'y', scope);
      expect(r1?.score).toBeGreaterThan(0);
      expect(row(two.similarity, 'x', 'y', scope)).toMatchObject({ score: r1?.score, n_shared_passages: r1?.n_shared_passages });
    }
  });

  it.each([
    ['the law\'s definitions (Điều 2)', lawArticle(2)],
    ['the law\'s five measures (Điều 8), which every council quotes', lawArticle(8)],
    ['a recipe for phở', RECIPE],
  ])('scores about 0 against %s', (_, paragraphs) => {
    expect(paragraphs.length).toBeGreaterThan(2);
    const other = asDoc('zz-unrelated', paragraphs);
    const { similarity } = compareResolutions([...seeds, other]);
    const rows = similarity.filter((x) => x.resolution_b === other.id);
    for (const r of rows) expect(r.score).toBeLessThan(0.01);
    if (paragraphs === RECIPE) expect(rows).toEqual([]);
  });

  it('still shows where a council quoted the law beyond its fixed phrases (Linh Sơn quotes Điều 2)', () => {
    const { passages } = compareResolutions([...seeds, asDoc('zz-law', lawArticle(2))]);
    expect(passages.filter((p) => p.resolution_b === 'zz-law').map((p) => p.resolution_a)).toContain(LINH_SON);
  });

  it('scores each measure on the provisions that carry it, counting only passages inside the scope', () => {
    const m3 = row(result.similarity, AN_PHU, LINH_SON, 'M3');
    const all = row(result.similarity, AN_PHU, LINH_SON);
    expect(m3?.score).toBeGreaterThan(all?.score ?? 1);
    expect(m3?.n_shared_passages).toBeGreaterThanOrEqual(1);
    for (const r of result.similarity) {
      const whole = row(result.similarity, r.resolution_a, r.resolution_b);
      expect(r.n_shared_passages).toBeLessThanOrEqual(whole?.n_shared_passages ?? 0);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.score).toBe(Math.round(r.score * 1e4) / 1e4);
    }
  });
});

describe('determinism and normal forms', () => {
  it('gives the same output for shuffled input and for NFD text', () => {
    const shuffled = [...seeds].reverse().map((d) => ({ ...d, provisions: d.provisions.map((p) => ({ ...p, measures: [...(p.measures ?? [])].reverse() })) }));
    expect(JSON.stringify(compareResolutions(shuffled))).toBe(JSON.stringify(result));
    const nfd = seeds.map((d) => ({ ...d, provisions: d.provisions.map((p) => ({ ...p, text: p.text.normalize('NFD') })) }));
    expect(nfd[0]?.provisions.some((p, i) => p.text !== seeds[0]?.provisions[i]?.text)).toBe(true);
    expect(compareResolutions(nfd)).toEqual(result);
  });

  it('sorts rows by scope (all first), then a, b; passages by a, provision, b, provision, position', () => {
    const scopes = ['all', 'M1', 'M2', 'M3', 'M4', 'M5'];
    const key = (r: (typeof result.similarity)[number]) => [scopes.indexOf(r.scope), r.resolution_a, r.resolution_b];
    const sorted = [...result.similarity].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    expect(result.similarity).toEqual(sorted);
    const order = (id: string, prov: string) => seed(id).provisions.findIndex((p) => p.id === prov);
    for (let i = 1; i < result.passages.length; i++) {
      const [x, y] = [result.passages[i - 1], result.passages[i]];
      if (!x || !y) continue;
      const kx = [x.resolution_a, order(x.resolution_a, x.provision_a), x.resolution_b, order(x.resolution_b, x.provision_b), x.ord];
      const ky = [y.resolution_a, order(y.resolution_a, y.provision_a), y.resolution_b, order(y.resolution_b, y.provision_b), y.ord];
      const first = kx.findIndex((v, j) => v !== ky[j]);
      expect(first).toBeGreaterThanOrEqual(0);
      expect((kx[first] ?? 0) < (ky[first] ?? 0)).toBe(true);
    }
  });

  it('leaves out rows below minScore and nothing else', () => {
    const kept = compareResolutions(seeds, { minScore: 0.02 });
    expect(kept.similarity).toEqual(result.similarity.filter((r) => r.score >= 0.02));
    expect(kept.similarity.length).toBeLessThan(result.similarity.length);
    expect(kept.passages).toEqual(result.passages);
  });

  it('refuses two resolutions with the same id, saying how to fix it', () => {
    expect(() => compareResolutions([seed(AN_PHU), seed(AN_PHU)])).toThrow(/unique resolution ids.*hint/);
  });
});

describe('boilerplate', () => {
  it('every fixed phrase is long enough to discount something', () => {
    for (const phrase of BOILERPLATE_PHRASES) expect(tokenize(phrase.replaceAll('{unit}', 'tỉnh')).words.length).toBeGreaterThanOrEqual(5);
    expect(BOILERPLATE_SHINGLES.has('dan chu o co so')).toBe(true);
  });

  it('explains its decision: fixed phrase whatever the df, else df ≥ max(3, 60% of documents)', () => {
    expect(isBoilerplate('ngân sách nhà nước theo', 1, 10_000)).toBe(true);
    expect(boilerplateReason('Dân Chủ Ở Cơ Sở', 1, 5)).toBe('phrase');
    expect(isBoilerplate('duy tri thuc hien hieu', 2, 5)).toBe(false);
    expect(isBoilerplate('duy tri thuc hien hieu', 3, 5)).toBe(true);
    expect(isBoilerplate('duy tri thuc hien hieu', 5, 10)).toBe(false);
    expect(boilerplateReason('duy tri thuc hien hieu', 6, 10)).toBe('df 6 ≥ 6 of 10 documents');
  });

  it('hashes with 32-bit FNV-1a, the same for NFC and NFD text', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    const s = 'Duy trì thực hiện hiệu quả các hình thức dân chủ trực tiếp';
    expect([...shingleText(s.normalize('NFD')).hashes]).toEqual([...shingleText(s).hashes]);
  });
});

describe('nearestResolutions for a draft', () => {
  it('finds where each part of a patchwork draft was copied from', () => {
    const apProv = seed(AN_PHU).provisions.find((p) => p.id === 'dieu-1.khoan-3.diem-a');
    const slProv = seed(SON_LA).provisions.find((p) => p.id === 'dieu-1.khoan-5.diem-d');
    const draft = { provisions: [{ id: 'd1', text: apProv?.text ?? '' }, { id: 'd2', text: slProv?.text ?? '' }, { id: 'd3', text: RECIPE.join(' ') }] };
    const near = nearestResolutions(draft, seeds, 5);
    expect(near.map((n) => n.id).slice(0, 2).sort()).toEqual([AN_PHU, SON_LA]);
    const from = (id: string) => near.find((n) => n.id === id)?.shared_passages ?? [];
    expect(from(AN_PHU)).toContainEqual(expect.objectContaining({ draft_provision: 'd1', source_provision: 'dieu-1.khoan-3.diem-a' }));
    const qr = from(SON_LA).find((p) => p.draft_provision === 'd2');
    expect(qr).toMatchObject({ source_provision: 'dieu-1.khoan-5.diem-d', n_words: tokenize(slProv?.text ?? '').words.length });
    expect(near.every((n, i) => i === 0 || (near[i - 1]?.score ?? 0) >= n.score)).toBe(true);
    expect(nearestResolutions({ provisions: [{ id: 'r', text: RECIPE.join(' ') }] }, seeds, 5)).toEqual([]);
  });

  it('scores a draft exactly as compareResolutions scores it once added to the corpus', () => {
    const others = seeds.filter((d) => d.id !== LINH_SON);
    const draft = seed(LINH_SON);
    const near = nearestResolutions(draft, buildCorpus(others), 10);
    const { similarity, passages } = compareResolutions(seeds);
    expect(near.length).toBe(others.length);
    for (const n of near) {
      expect(n.score).toBe(row(similarity, n.id, LINH_SON)?.score);
      const viaCompare = passages.filter((p) => p.resolution_a === n.id && p.resolution_b === LINH_SON).map((p) => `${p.provision_b}>${p.provision_a}:${p.n_words}`).sort();
      expect(n.shared_passages.map((p) => `${p.draft_provision}>${p.source_provision}:${p.n_words}`).sort()).toEqual(viaCompare);
    }
  });
});
