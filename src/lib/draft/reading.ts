/**
 * The scorecard in plain words, as a commune official and her superior read it: readScorecard(analysis, scorecard,
 * register, lang) → a summary first (how many of the five measures of Điều 8 the draft has, which are missing, the
 * few things to fix in order of weight), the peers every comparison is made with, then each measure, each finding
 * (its place as "Điều 1 khoản 1 điểm b", what the law or the reform says with the register's dates and the replacing
 * act, what to do), details, the nearest resolutions and suggestions. reportHeader gives the dossier's header. Every
 * code becomes a name here; the page, the printed report and the command line's text report all draw this one model.
 * Longer than 300 lines because both languages' sentences sit beside the rules that choose them.
 */
import type { Analysis } from '../analyze/analyze.ts';
import type { LegalDocument } from '../reference/legal-register.ts';
import { LAW_MEASURE_CODES, type Lang } from '../reference/vocabulary.ts';
import { codeWord, provisionPlace } from '../views/code-words.ts';
import { formatDate } from '../views/i18n.ts';
import { CORE_LAW, TWO_TIER_LAW, type LintFinding, type Scorecard } from './scorecard.ts';

export interface Finding {
  code: LintFinding['code'];
  severity: LintFinding['severity'];
  /** Where in the draft, as people write it ("Điều 1 khoản 1 điểm b", "căn cứ thứ 1"), or null for the whole draft. */
  place: string | null;
  what: string;
  /** What the law or the reform says, with dates from the register; null when the finding is not about a law. */
  law: string | null;
  todo: string;
}

export interface Reading {
  title: string;
  /** Set when the text is a published resolution (the same document, perhaps in another form). */
  matched: { id: string; name: string; text: string } | null;
  summary: { headline: string; missing: string | null; fixes: string[] };
  peer_base: string;
  measures: { code: string; name: string; present: boolean; places: string; compare: string | null }[];
  findings: Finding[];
  details: { heading: string; text: string }[];
  similar: { id: string; name: string; text: string; passages: { text: string; draft_place: string; source_place: string; source_ref: string }[] }[];
  suggestions: { measure: string; name: string; kind: 'add' | 'strengthen'; source: string; place: string; source_ref: string; resolution_id: string; text: string }[];
  suggestions_note: string | null;
}

const W = {
  vi: {
    draft: 'Dự thảo',
    titleOf: (kind: string, number: string | null, council: string | null) => [kind, number ? `số ${number}` : null, council ? `của ${council}` : null].filter(Boolean).join(' '),
    resolution: 'Nghị quyết',
    headline: (k: number, n: number, published: boolean) => `${published ? 'Văn bản' : 'Dự thảo'} có ${k}/${n} biện pháp của Điều 8 Luật Thực hiện dân chủ ở cơ sở.`,
    missing: (names: string[]) => `Còn thiếu: ${names.join('; ')}.`,
    addMeasures: (names: string[]) => `Bổ sung ${names.length === 1 ? 'biện pháp' : 'các biện pháp'}: ${names.join('; ')} (xem gợi ý bên dưới).`,
    nothing: 'Không có việc gì phải sửa theo các tiêu chí này.',
    peersSame: (n: number, lvl: string, names: string) => `So với ${n} nghị quyết ${lvl} đã công bố: ${names}.`,
    peersOther: (lvl: string, n: number, parts: string, names: string) => `Không có nghị quyết ${lvl} nào đã công bố để so; so với ${n} nghị quyết ${parts}: ${names}.`,
    peersUnknown: (n: number, names: string) => `Dự thảo không cho biết cấp ban hành; so với ${n} nghị quyết đã công bố: ${names}.`,
    peersNone: 'Không có nghị quyết đã công bố nào để so.',
    levelCount: (n: number, lvl: string) => `${n} ${lvl}`,
    median: (m: number) => `Nghị quyết so sánh: trung vị ${fmtNum('vi', m)} quy định.`,
    none: 'không có quy định nào',
    matched: (name: string, how: string) => `Văn bản này là ${name}, đã có trên trang này (nhận ra ${how}). Nó không được so với chính nó.`,
    bySha: 'vì trùng từng byte với tệp gốc',
    byContent: 'theo nội dung, dù ở dạng khác',
    outdatedWhat: (c: string) => `“${c}” đã hết hiệu lực.`,
    outdatedLaw: (num: string, ended: string | null, chain: string, amends: string | null) =>
      `${amends ? `Văn bản này sửa đổi ${amends}; ` : ''}${amends ?? num} ${ended ? `hết hiệu lực từ ngày ${ended}` : 'đã hết hiệu lực (sổ văn bản của dự án không ghi ngày)'}${chain ? `, được thay thế bởi ${chain}` : ''}.`,
    chainItem: (title: string, num: string, from: string | null) => `${title} số ${num} (${from ? `có hiệu lực từ ${from}` : 'sổ văn bản không ghi ngày có hiệu lực'})`,
    then: ', rồi ',
    actName: (title: string, num: string) => `${title} số ${num}`,
    outdatedTodo: (cited: string, latest: string | null) => (latest ? `Thay căn cứ “${cited}” bằng ${latest}.` : `Bỏ căn cứ “${cited}” hoặc thay bằng văn bản đang có hiệu lực.`),
    coreWhat: 'Dự thảo không căn cứ Luật Thực hiện dân chủ ở cơ sở.',
    coreLaw: (num: string, from: string | null) => `Luật Thực hiện dân chủ ở cơ sở số ${num}${from ? `, có hiệu lực từ ngày ${from}` : ''}; Điều 8 quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở.`,
    coreTodo: (num: string, adopted: string | null) => `Thêm căn cứ: Luật Thực hiện dân chủ ở cơ sở${adopted ? ` ngày ${adopted}` : ''} (số ${num}).`,
    districtWhat: (words: string) => `Nhắc đến cấp huyện (“${words}”).`,
    districtLaw: (num: string | null) => `${num ? `Luật Tổ chức chính quyền địa phương số ${num}: ` : ''}chính quyền địa phương tổ chức thành hai cấp (tỉnh, xã); cấp huyện kết thúc hoạt động từ ngày 1/7/2025.`,
    districtTodo: 'Sửa hoặc bỏ phần nhắc đến cấp huyện, giao việc cho cấp tỉnh hoặc cấp xã.',
    fundingWhat: 'Dự thảo không nêu nguồn kinh phí thực hiện.',
    fundingTodo: 'Thêm quy định về kinh phí: nguồn nào (ngân sách nhà nước theo phân cấp, nguồn hợp pháp khác) chi cho các biện pháp.',
    supervisionWhat: 'Dự thảo không giao cơ quan nào giám sát việc thực hiện.',
    supervisionTodo: 'Giao Thường trực HĐND, các Ban, các Tổ đại biểu và đại biểu HĐND giám sát việc thực hiện nghị quyết.',
    effectWhat: 'Dự thảo không quy định thời điểm có hiệu lực.',
    effectTodo: 'Thêm câu “Nghị quyết này có hiệu lực từ ngày …”.',
    peersHave: (k: number, n: number) => ` ${k}/${n} nghị quyết so sánh có quy định này.`,
    objectives: (n: number, m: number | null) => `Chỉ tiêu có con số: ${n}${m !== null ? `; nghị quyết so sánh: trung vị ${fmtNum('vi', m)}` : ''}.`,
    funding: (names: string[], k: number, n: number) => `${names.length ? `Nguồn kinh phí: ${names.join(', ')}.` : 'Chưa nêu nguồn kinh phí.'} ${k}/${n} nghị quyết so sánh có quy định về kinh phí.`,
    supervision: (names: string[], k: number, n: number) => `${names.length ? `Cơ quan giám sát: ${names.join(', ')}.` : 'Chưa giao cơ quan giám sát.'} ${k}/${n} nghị quyết so sánh có giao giám sát.`,
    similar: (n: number, score: string) => `${n} đoạn trùng; độ tương đồng ${score}.`,
    ofDraft: 'của dự thảo',
    leftOut: (n: number) => `${n} quy định của nghị quyết khác không được gợi ý vì nhắc đến cấp huyện hoặc căn cứ đã hết hiệu lực.`,
  },
  en: {
    draft: 'Draft',
    titleOf: (kind: string, number: string | null, council: string | null) => [kind, number ? `No. ${number}` : null, council ? `of the ${council}` : null].filter(Boolean).join(' '),
    resolution: 'Resolution',
    headline: (k: number, n: number, published: boolean) => `${published ? 'The text' : 'The draft'} has ${k} of the ${n} measures of Article 8 of the Law on Grassroots Democracy.`,
    missing: (names: string[]) => `Missing: ${names.join('; ')}.`,
    addMeasures: (names: string[]) => `Add ${names.length === 1 ? 'the measure' : 'the measures'}: ${names.join('; ')} (see the suggestions below).`,
    nothing: 'Nothing to fix on these criteria.',
    peersSame: (n: number, lvl: string, names: string) => `Compared with ${n} published ${lvl} resolution${n === 1 ? '' : 's'}: ${names}.`,
    peersOther: (lvl: string, n: number, parts: string, names: string) => `No published ${lvl} resolution to compare with; compared with ${n} resolution${n === 1 ? '' : 's'} (${parts}): ${names}.`,
    peersUnknown: (n: number, names: string) => `The draft does not say its level; compared with ${n} published resolution${n === 1 ? '' : 's'}: ${names}.`,
    peersNone: 'No published resolution to compare with.',
    levelCount: (n: number, lvl: string) => `${n} ${lvl}`,
    median: (m: number) => `Compared resolutions: median ${fmtNum('en', m)} provision${m === 1 ? '' : 's'}.`,
    none: 'no provision',
    matched: (name: string, how: string) => `This text is ${name}, already on this site (recognised ${how}). It is not compared with itself.`,
    bySha: 'as byte for byte the same file',
    byContent: 'by its content, though in another form',
    outdatedWhat: (c: string) => `“${c}” no longer applies.`,
    outdatedLaw: (num: string, ended: string | null, chain: string, amends: string | null) =>
      `${amends ? `It amends ${amends}; ` : ''}${amends ?? num} ${ended ? `stopped applying on ${ended}` : 'no longer applies (the project\'s register does not record the date)'}${chain ? `, replaced by ${chain}` : ''}.`,
    chainItem: (title: string, num: string, from: string | null) => `${title} No. ${num} (${from ? `in force from ${from}` : 'the register does not record when it came into force'})`,
    then: ', then ',
    actName: (title: string, num: string) => `${title} No. ${num}`,
    outdatedTodo: (cited: string, latest: string | null) => (latest ? `Replace the basis “${cited}” with ${latest}.` : `Remove the basis “${cited}” or cite the act in force instead.`),
    coreWhat: 'The draft does not cite the Law on Grassroots Democracy.',
    coreLaw: (num: string, from: string | null) => `Law on Grassroots Democracy No. ${num}${from ? `, in force from ${from}` : ''}; its Article 8 sets the measures.`,
    coreTodo: (num: string, adopted: string | null) => `Add the legal basis: Law on Grassroots Democracy${adopted ? ` of ${adopted}` : ''} (No. ${num}).`,
    districtWhat: (words: string) => `Mentions the district level (“${words}”).`,
    districtLaw: (num: string | null) => `${num ? `Law on Local Government Organisation No. ${num}: ` : ''}local government has two levels (province, commune); the district level ended on 1 Jul 2025.`,
    districtTodo: 'Change or remove the mention of the district level; give the task to the province or the commune.',
    fundingWhat: 'The draft names no source of funding.',
    fundingTodo: 'Add a funding clause: which sources (state budget by level, other lawful sources) pay for the measures.',
    supervisionWhat: 'The draft assigns no one to supervise implementation.',
    supervisionTodo: 'Assign the council\'s Standing Committee, committees, delegate groups and delegates to supervise implementation.',
    effectWhat: 'The draft does not say when it takes effect.',
    effectTodo: 'Add “This resolution takes effect from …”.',
    peersHave: (k: number, n: number) => ` ${k} of ${n} compared resolutions have this.`,
    objectives: (n: number, m: number | null) => `Targets with a number: ${n}${m !== null ? `; compared resolutions: median ${fmtNum('en', m)}` : ''}.`,
    funding: (names: string[], k: number, n: number) => `${names.length ? `Funding sources: ${names.join(', ')}.` : 'No source of funding named.'} ${k} of ${n} compared resolutions have a funding clause.`,
    supervision: (names: string[], k: number, n: number) => `${names.length ? `Supervised by: ${names.join(', ')}.` : 'No one assigned to supervise.'} ${k} of ${n} compared resolutions assign supervision.`,
    similar: (n: number, score: string) => `${n} shared passage${n === 1 ? '' : 's'}; similarity ${score}.`,
    ofDraft: 'of the draft',
    leftOut: (n: number) => `${n} provision${n === 1 ? '' : 's'} of other resolutions not suggested because they name the district level or a superseded basis.`,
  },
};

const HEADINGS = {
  vi: { specificity: 'Mức độ cụ thể', funding: 'Kinh phí', supervision: 'Giám sát' },
  en: { specificity: 'Specificity', funding: 'Funding', supervision: 'Supervision' },
};

function fmtNum(lang: Lang, n: number): string {
  return lang === 'vi' ? String(n).replace('.', ',') : String(n);
}

/** "Linh Sơn 36/NQ-HĐND": a resolution by its place and number. */
export function resolutionName(p: { jurisdiction: string; number?: string | null }): string {
  return p.number ? `${p.jurisdiction} ${p.number}` : p.jurisdiction;
}

/** Findings in order of weight: errors, then the reform, then missing clauses. */
const WEIGHT: Record<LintFinding['code'], number> = {
  outdated_legal_basis: 0, missing_core_basis: 1, abolished_district_level: 3, no_supervision_clause: 4, no_funding_clause: 5, no_effect_clause: 6,
};

export function readScorecard(a: Analysis, s: Scorecard, register: LegalDocument[], lang: Lang): Reading {
  const w = W[lang];
  const date = (iso: string | null) => (iso ? formatDate(lang, iso) : null);
  const doc = (id: string) => register.find((d) => d.id === id) ?? null;
  const peerById = new Map(s.peers.map((p) => [p.id, p]));
  const nameOf = (id: string) => { const p = peerById.get(id); return p ? resolutionName(p) : id; };
  const draftPlace = (id: string) => {
    const p = a.provisions.find((x) => x.id === id);
    return p ? provisionPlace(lang, `dieu-${p.article}${p.clause ? `.khoan-${p.clause.replace(/\./g, '-')}` : ''}${p.point ? `.diem-${p.point}` : ''}`) : provisionPlace(lang, id);
  };
  const m = a.metadata;
  // The parser may carry the council's term line ("KHÓA I, KỲ HỌP THỨ BA") into the title when it follows the title
  // lines; the dossier's title stops before it.
  const own = m.title?.replace(/\s+(?:HỘI ĐỒNG NHÂN DÂN\b|KHÓA\s|KHOÁ\s)[\s\S]*$/u, '') ?? null;
  const title = [w.titleOf(w.resolution, m.number, m.council), own].filter(Boolean).join(': ') || w.draft;

  const basisPeers = s.peer_basis.ids.map((id) => peerById.get(id)).filter((p) => p !== undefined);
  const names = basisPeers.map(resolutionName).join('; ');
  const level = s.peer_basis.level;
  const parts = Object.entries(s.peer_basis.by_level).map(([l, n]) => w.levelCount(n, codeWord(lang, 'level', l))).join(', ');
  const peer_base = basisPeers.length === 0 ? w.peersNone
    : level === null ? w.peersUnknown(basisPeers.length, names)
      : s.peer_basis.same_level ? w.peersSame(basisPeers.length, codeWord(lang, 'level', level), names)
        : w.peersOther(codeWord(lang, 'level', level), basisPeers.length, parts, names);

  const findings: Finding[] = [...s.lint].sort((x, y) => WEIGHT[x.code] - WEIGHT[y.code]).map((l) => {
    const base = { code: l.code, severity: l.severity, place: l.provision ? draftPlace(l.provision) : null };
    switch (l.code) {
      case 'outdated_legal_basis': {
        const f = l.register;
        const k = Number(/^legal-basis-(\d+)$/.exec(l.provision ?? '')?.[1] ?? 0);
        const cited = a.legal_bases[k - 1]?.citation ?? '';
        const title = (r: { title: string; title_en: string }) => (lang === 'vi' ? r.title : r.title_en);
        const chain = (f?.replaced_by ?? []).map((r) => w.chainItem(title(r), r.number, date(r.effective_from))).join(w.then);
        const last = f?.replaced_by.at(-1);
        const amends = f?.amends ? w.actName(title(f.amends), f.amends.number) : null;
        return { ...base, what: w.outdatedWhat(cited), law: f ? w.outdatedLaw(w.actName(title(f), f.number), date(f.ended_on), chain, amends) : null, todo: w.outdatedTodo(cited, last ? w.actName(title(last), last.number) : null) };
      }
      case 'missing_core_basis': {
        const law = doc(CORE_LAW);
        return { ...base, what: w.coreWhat, law: law ? w.coreLaw(law.number, date(law.effective_from)) : null, todo: w.coreTodo(law?.number ?? '10/2022/QH15', date(law?.adopted_on ?? null)) };
      }
      case 'abolished_district_level': {
        const words = /\("([^"]+)"\)/.exec(l.message)?.[1] ?? '';
        return { ...base, what: w.districtWhat(words), law: w.districtLaw(doc(TWO_TIER_LAW)?.number ?? null), todo: w.districtTodo };
      }
      case 'no_funding_clause':
        return { ...base, what: w.fundingWhat + w.peersHave(s.funding.peers_with_funding, s.funding.peers), law: null, todo: w.fundingTodo };
      case 'no_supervision_clause':
        return { ...base, what: w.supervisionWhat + w.peersHave(s.supervision.peers_with_supervision, s.supervision.peers), law: null, todo: w.supervisionTodo };
      case 'no_effect_clause':
        return { ...base, what: w.effectWhat, law: null, todo: w.effectTodo };
    }
  });

  const lawMeasures = s.measures.filter((x) => LAW_MEASURE_CODES.includes(x.code));
  const missingNames = lawMeasures.filter((x) => x.status === 'missing').map((x) => codeWord(lang, 'measure', x.code));
  const fixes = [
    ...findings.filter((f) => f.severity === 'error').map((f) => f.todo),
    ...(missingNames.length ? [w.addMeasures(missingNames)] : []),
    ...findings.filter((f) => f.severity !== 'error').map((f) => (f.place ? `${f.place}: ${f.todo}` : f.todo)),
  ];

  const matchedName = a.matched_source ? resolutionName({ jurisdiction: m.jurisdiction ?? a.matched_source.id, number: m.number }) : null;
  // Only resolutions that share a passage are near; the rest are in the JSON with their scores.
  const similar = s.similar.filter((n) => n.shared_passages.length > 0).map((n) => ({
    id: n.id,
    name: nameOf(n.id),
    text: w.similar(n.shared_passages.length, lang === 'vi' ? n.score.toFixed(2).replace('.', ',') : n.score.toFixed(2)),
    passages: n.shared_passages.map((p) => {
      const prov = p.source_provision.split('#')[1] ?? '';
      return { text: p.text, draft_place: `${draftPlace(p.draft_provision)} ${w.ofDraft}`, source_place: `${provisionPlace(lang, prov)}, ${nameOf(n.id)}`, source_ref: p.source_provision };
    }),
  }));

  return {
    title,
    matched: matchedName ? { id: a.matched_source?.id ?? '', name: matchedName, text: w.matched(matchedName, a.matched_source?.by === 'sha256' ? w.bySha : w.byContent) } : null,
    summary: { headline: w.headline(lawMeasures.length - missingNames.length, lawMeasures.length, matchedName !== null), missing: missingNames.length ? w.missing(missingNames) : null, fixes: fixes.length ? fixes : [w.nothing] },
    peer_base,
    measures: s.measures.map((x) => ({
      code: x.code,
      name: codeWord(lang, 'measure', x.code),
      present: x.status === 'present',
      places: x.provisions.length ? x.provisions.map(draftPlace).join('; ') : w.none,
      compare: x.peers_median !== null ? w.median(x.peers_median) : null,
    })),
    findings,
    details: [
      { heading: HEADINGS[lang].specificity, text: w.objectives(s.specificity.objectives, s.specificity.peers_median_objectives) },
      { heading: HEADINGS[lang].funding, text: w.funding(s.funding.sources.map((c) => codeWord(lang, 'source', c)), s.funding.peers_with_funding, s.funding.peers) },
      { heading: HEADINGS[lang].supervision, text: w.supervision(s.supervision.supervisors.map((c) => codeWord(lang, 'actor', c)), s.supervision.peers_with_supervision, s.supervision.peers) },
    ],
    similar,
    suggestions: s.suggestions.map((g) => {
      const prov = g.source_provision.split('#')[1] ?? '';
      return { measure: g.measure, name: codeWord(lang, 'measure', g.measure), kind: g.kind, source: resolutionName(g), place: provisionPlace(lang, prov), source_ref: g.source_provision, resolution_id: g.resolution_id, text: g.text };
    }),
    suggestions_note: s.suggestions_left_out > 0 ? w.leftOut(s.suggestions_left_out) : null,
  };
}

/** The header of the report for the dossier: what was judged, when, where, against which data; the draft stayed here. */
export interface ReportHeader {
  title: string;
  /** The file's name, or null for pasted text. */
  file_name: string | null;
  /** The date the draft is judged as of (its own date, else the day of judging). */
  judged_on: string;
  /** The day the report was made. */
  made_on: string;
  site: string | null;
  dataset_version: string | null;
  /** Always false: the analysis runs where the draft is (the browser or the command line). */
  draft_sent: false;
}

export function reportHeader(reading: Pick<Reading, 'title'>, s: Pick<Scorecard, 'judged_on'>, o: { file_name: string | null; made_on: string; site: string | null; dataset_version: string | null }): ReportHeader {
  return { title: reading.title, file_name: o.file_name, judged_on: s.judged_on, made_on: o.made_on, site: o.site, dataset_version: o.dataset_version, draft_sent: false };
}

const H = {
  vi: { draft: 'Dự thảo', file: 'Tệp', pasted: 'nội dung dán vào', judged: 'Đánh giá theo ngày', undated: 'dự thảo không ghi ngày: ngày lập báo cáo', made: 'Lập báo cáo ngày', site: 'Trang', version: 'Phiên bản dữ liệu', unknown: 'không rõ', private: 'Dự thảo được phân tích ngay trên máy này và không được gửi đi đâu.' },
  en: { draft: 'Draft', file: 'File', pasted: 'pasted text', judged: 'Judged as of', undated: 'the draft has no date: the day of the report', made: 'Report made on', site: 'Site', version: 'Dataset version', unknown: 'unknown', private: 'The draft was analysed on this computer and sent nowhere.' },
};

/** The header as label/value lines, then the privacy note. */
export function headerLines(h: ReportHeader, lang: Lang, undated: boolean): { rows: [string, string][]; note: string } {
  const t = H[lang];
  return {
    rows: [
      [t.draft, h.title],
      [t.file, h.file_name ?? t.pasted],
      [t.judged, `${formatDate(lang, h.judged_on)}${undated ? ` (${t.undated})` : ''}`],
      [t.made, formatDate(lang, h.made_on)],
      [t.site, h.site ?? t.unknown],
      [t.version, h.dataset_version ?? t.unknown],
    ],
    note: t.private,
  };
}
