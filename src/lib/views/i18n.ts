/**
 * Languages of the site: Vietnamese at /, English under /en/. Shared words (navigation, footer, common labels) live
 * here; each page keeps its own strings beside it as { vi, en } objects. localePath maps a route to its address in a
 * language, so every page can link to its twin.
 */
import type { Lang } from '../reference/vocabulary.ts';

/** "/compare/" → "/compare/" (vi) or "/en/compare/" (en). Paths start and end with "/". */
export function localePath(lang: Lang, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return lang === 'vi' ? p : `/en${p}`;
}

export type Strings = Record<Lang, Record<string, string>>;

const COMMON: Strings = {
  vi: {
    site: 'Dân chủ ở cơ sở',
    tagline: 'So sánh nghị quyết của Hội đồng nhân dân về biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
    overview: 'Tổng quan',
    resolutions: 'Nghị quyết',
    compare: 'So sánh',
    themes: 'Chủ đề',
    measures: 'Biện pháp',
    objectives: 'Mục tiêu',
    funding: 'Kinh phí',
    supervision: 'Giám sát',
    legalBases: 'Căn cứ pháp lý',
    reuse: 'Trùng lặp văn bản',
    explore: 'Truy vấn',
    benchmark: 'Đối chiếu dự thảo',
    data: 'Dữ liệu',
    methodology: 'Phương pháp',
    search: 'Tìm kiếm',
    menu: 'Menu',
    scrollMore: 'Bảng rộng hơn màn hình: cuộn ngang để xem thêm cột →',
    searchLabel: 'Tìm trong toàn văn các nghị quyết',
    searchGo: 'Tìm',
    otherLang: 'English',
    otherLangName: 'Tiếng Anh',
    skip: 'Chuyển đến nội dung',
    licence: 'Dữ liệu: CC BY 4.0 · Mã nguồn: MIT · Văn bản pháp luật không thuộc đối tượng bảo hộ quyền tác giả (Luật Sở hữu trí tuệ, Điều 15).',
    source: 'Nguồn',
    download: 'Tải xuống',
    unknown: 'không rõ',
    province: 'tỉnh/thành phố',
    district: 'huyện',
    commune: 'xã/phường',
    full: 'toàn văn',
    partial: 'phần đầu',
    'metadata-only': 'chỉ thông tin',
  },
  en: {
    site: 'Grassroots democracy',
    tagline: 'Comparing People\'s Council resolutions on measures to ensure grassroots democracy',
    overview: 'Overview',
    resolutions: 'Resolutions',
    compare: 'Compare',
    themes: 'Themes',
    measures: 'Measures',
    objectives: 'Objectives',
    funding: 'Funding',
    supervision: 'Supervision',
    legalBases: 'Legal bases',
    reuse: 'Text reuse',
    explore: 'Explore',
    benchmark: 'Benchmark a draft',
    data: 'Data',
    methodology: 'Methodology',
    search: 'Search',
    menu: 'Menu',
    scrollMore: 'The table is wider than the screen: scroll sideways for more columns →',
    searchLabel: 'Search the full text of every resolution',
    searchGo: 'Search',
    otherLang: 'Tiếng Việt',
    otherLangName: 'Vietnamese',
    skip: 'Skip to content',
    licence: 'Data: CC BY 4.0 · Code: MIT · Legal texts are not protected by copyright in Vietnam (Law on Intellectual Property, Article 15).',
    source: 'Source',
    download: 'Download',
    unknown: 'unknown',
    province: 'province',
    district: 'district',
    commune: 'commune',
    full: 'full text',
    partial: 'opening only',
    'metadata-only': 'catalogue details only',
  },
};

/** A string of the shared vocabulary; the key itself when missing (a test checks none is missing). */
export function common(lang: Lang, key: string): string {
  return COMMON[lang][key] ?? key;
}

/** ISO date → "23/7/2024" (vi) or "23 Jul 2024" (en), without time zones; "—" for null. */
export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  if (!m) return String(y);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (!d) return lang === 'vi' ? `${m}/${y}` : `${months[m - 1]} ${y}`;
  return lang === 'vi' ? `${d}/${m}/${y}` : `${d} ${months[m - 1]} ${y}`;
}
