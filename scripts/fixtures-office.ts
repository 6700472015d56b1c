/**
 * Dev-only, rerunnable: node scripts/fixtures-office.ts
 * Writes test/fixtures/formats/ from the project's own full sources (data/raw, completeness "full" in
 * data/curated): for each, <id>.doc (LibreOffice's Word 97 export of the source text), <id>.portal.html (the text
 * in a portal-like page: menus, tabs, an attribute table from the curated metadata, "Văn bản liên quan", a footer,
 * scripts), <id>.tvpl.html (the same in a thuvienphapluat.vn-like page), <id>.tcvn3.txt, <id>.vni.txt and <id>.cp1258.txt (the text's bytes in those legacy encodings); and, for the first
 * source, <id>.docx (the same text as .docx) and <id>.tcvn3.docx and <id>.tcvn3.doc (a Word document typed in a .VnTime font: its text is the TCVN3 bytes
 * read as Windows-1252); and draft-copied-from-an-phu.doc, the browser test's .docx draft saved as Word 97. Needs LibreOffice (`apt-get install -y --no-install-recommends libreoffice-writer-nogui`);
 * CI does not run this, the outputs are committed.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCp1252, encodeLegacy } from '../src/lib/read/legacy-encoding.ts';
import { ROOT } from '../src/node/paths.ts';

const OUT = join(ROOT, 'test', 'fixtures', 'formats');

interface Source { id: string; file: string; text: string; meta: Record<string, string | null> }

export function fullSources(): Source[] {
  const dir = join(ROOT, 'data', 'curated');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; raw_file: string; completeness: string; metadata: Record<string, { value: string | null }> };
    if (c.completeness !== 'full') return [];
    const meta = Object.fromEntries(Object.entries(c.metadata).map(([k, v]) => [k, v?.value ?? null]));
    return [{ id: c.id, file: c.raw_file, text: readFileSync(join(ROOT, 'data', 'raw', c.raw_file), 'utf8'), meta }];
  });
}

/**
 * The text a TCVN3 copy carries: TCVN3 has no byte for "Ü" (son-la's OCR misreading of "Ủ", see taxonomy.ts), so
 * the copy holds the letter that was meant.
 */
export const tcvn3Source = (text: string) => text.replace(/Ü/g, 'Ủ');

// Windows-1258's upper half, read from the platform's decoder: character → byte.
const CP1258 = new Map([...Array(128).keys()].map((k) => [new TextDecoder('windows-1258').decode(Uint8Array.of(0x80 + k)), 0x80 + k]));
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Unicode → Windows-1258 as Word saves it: a letter it has whole, else its toneless letter and a combining tone. */
export function encodeCp1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else if (CP1258.has(ch)) out.push(CP1258.get(ch)!);
    else {
      const d = ch.normalize('NFD');
      const base = d.replace(TONE_MARKS, '').normalize('NFC');
      const tones = d.match(TONE_MARKS) ?? [];
      const b = c < 0x80 ? c : base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : CP1258.get(base);
      if (b === undefined || tones.some((t) => !CP1258.has(t))) throw new Error(`windows-1258 cannot encode ${JSON.stringify(ch)}`);
      out.push(b, ...tones.map((t) => CP1258.get(t)!));
    }
  }
  return Uint8Array.from(out);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : 'Đang cập nhật');

/** The source text on a page shaped like the national database's: the text in its own div, site furniture around. */
export function portalPage(s: Source): string {
  const paragraphs = s.text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
  const body = paragraphs.map((p) => `<p>${p.split('\n').map(esc).join('<br>\n')}</p>`).join('\n');
  const row = (k: string, v: string | null) => `<tr><td class="label">${k}:</td><td>${esc(v ?? 'Đang cập nhật')}</td></tr>`;
  const title = esc(s.meta.title ?? 'Nghị quyết');
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${title} - Cơ sở dữ liệu văn bản</title>
<style>.menu{float:left} #toanvancontent p{margin:0 0 6pt}</style>
<script>var _gaq = _gaq || []; document.write('<div>Điều 99. Quảng cáo</div>');</script></head>
<body>
<div id="header" class="header"><a href="/">CSDL Quốc gia về văn bản pháp luật</a><form class="search"><input name="q"><button>Tìm kiếm</button></form></div>
<ul class="menu" id="mainmenu"><li><a href="/vbpq">Văn bản pháp luật</a></li><li><a href="/hdnd">Hội đồng nhân dân</a></li><li><a href="/hoidap">Hỏi đáp</a></li></ul>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/vbpq">Văn bản</a> » ${title}</div>
<div class="container"><div class="main">
<ul class="tabs"><li class="active"><a href="#toanvan">Toàn văn</a></li><li><a href="#thuoctinh">Thuộc tính</a></li><li><a href="#luocdo">Lược đồ</a></li><li><a href="#vblienquan">Văn bản liên quan</a></li><li><a href="#taive">Tải về</a></li></ul>
<div class="tab-content">
<div class="tab-pane active" id="toanvan"><div class="toanvancontent" id="toanvancontent">
${body}
</div></div>
<div class="tab-pane" id="thuoctinh"><h3>Thuộc tính văn bản</h3><table class="thuoctinh">
${row('Số hiệu', s.meta.number ?? null)}
${row('Loại văn bản', 'Nghị quyết')}
${row('Cơ quan ban hành', s.meta.council ?? null)}
${row('Người ký', s.meta.signer ?? null)}
<tr><td class="label">Ngày ban hành:</td><td>${dmy(s.meta.signed_on ?? null)}</td><td class="label">Ngày hiệu lực:</td><td>${dmy(s.meta.effective_on ?? null)}</td></tr>
${row('Tình trạng hiệu lực', 'Còn hiệu lực')}
</table></div>
<div class="tab-pane" id="vblienquan"><div class="vb-lien-quan"><h3>Văn bản liên quan</h3><ul>
<li><a href="/vb/1">Luật Thực hiện dân chủ ở cơ sở 2022</a></li><li><a href="/vb/2">Nghị định 59/2023/NĐ-CP quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở</a> — Điều 1. Phạm vi điều chỉnh</li>
</ul></div></div>
</div></div>
<div class="sidebar"><h4>Văn bản mới</h4><ul><li><a href="/vb/3">Nghị quyết về giá đất</a></li></ul></div></div>
<div id="footer" class="footer">Cơ quan chủ quản: Bộ Tư pháp. Địa chỉ: 58-60 Trần Phú, Ba Đình, Hà Nội. © Bản quyền thuộc về Bộ Tư pháp.</div>
<script src="/js/app.js"></script><script>window.onload = function () { console.log('Điều 100'); };</script>
</body></html>
`;
}

/** The same text on a page shaped like thuvienphapluat.vn's: the text in div.content1, attributes in a 4-column table. */
export function tvplPage(s: Source): string {
  const paragraphs = s.text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
  const body = paragraphs.map((p) => `<p style="margin-bottom:6.0pt">${p.split('\n').map(esc).join('<br />\r\n')}</p>`).join('\r\n');
  const v = (x: string | null | undefined) => esc(x ?? 'Đang cập nhật');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${v(s.meta.title)}</title><link rel="stylesheet" href="/css/site.css" /></head>
<body><div id="TopMenu"><a href="/">THƯ VIỆN PHÁP LUẬT</a> | <a href="/page/tim-van-ban.aspx">Tìm văn bản</a> | <a href="/dang-nhap">Đăng nhập</a></div>
<div id="boxLogin"><input type="text" name="user" /><input type="password" name="pass" /></div>
<div id="divNavigation"><a href="/">Trang chủ</a> &gt; <a href="/van-ban">Văn bản pháp luật</a> &gt; <a href="/van-ban/Bo-may-hanh-chinh">Bộ máy hành chính</a></div>
<div id="ctl00_Content_ThongTinVB_divNoiDung"><ul id="ulTabs" class="ulTabs"><li>Nội dung</li><li>Tiếng Anh</li><li>Thuộc tính</li><li>Lược đồ</li><li>Liên quan hiệu lực</li><li>Tải về</li></ul>
<div id="tab1"><div class="content1"><div id="divContentDoc">
${body}
</div></div></div>
<div id="tab4"><table class="tvpl-thuoc-tinh" width="100%" cellpadding="0" cellspacing="0">
<tr><td><b>Số hiệu:</b></td><td>${v(s.meta.number)}</td><td><b>Loại văn bản:</b></td><td>Nghị quyết</td></tr>
<tr><td><b>Nơi ban hành:</b></td><td>${v(s.meta.council)}</td><td><b>Người ký:</b></td><td>${v(s.meta.signer)}</td></tr>
<tr><td><b>Ngày ban hành:</b></td><td>${dmy(s.meta.signed_on ?? null)}</td><td><b>Ngày hiệu lực:</b></td><td>Đã biết</td></tr>
<tr><td><b>Ngày công báo:</b></td><td>Đang cập nhật</td><td><b>Số công báo:</b></td><td>Đang cập nhật</td></tr>
<tr><td><b>Tình trạng:</b></td><td>Đã biết</td><td></td><td></td></tr></table></div>
<div id="divVBLienQuan"><b>Văn bản liên quan cùng nội dung</b><ul><li><a href="/van-ban/x">Nghị quyết 10/2024/NQ-HĐND quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở</a></li><li>Điều 2. Văn bản được hướng dẫn</li></ul></div>
</div>
<div id="footer-wrap"><p>Chịu trách nhiệm chính: … Giấy phép số …</p><p>Điều khoản sử dụng | Chính sách bảo mật</p></div>
<script type="text/javascript">$(function(){ $('#ulTabs li').click(function(){ /* Điều 1. */ }); });</script>
</body></html>
`;
}

function soffice(dir: string, inputs: string[], to: string): void {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', to, '--outdir', join(dir, 'out'), ...inputs], { stdio: 'pipe', timeout: 300_000 });
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const sources = fullSources();
  const tmp = mkdtempSync(join(tmpdir(), 'fixtures-office-'));
  try {
    const plain = sources.map((s) => {
      const p = join(tmp, `${s.id}.txt`);
      writeFileSync(p, s.text);
      return p;
    });
    soffice(tmp, plain, 'doc:MS Word 97');
    soffice(tmp, [plain[0]!], 'docx:MS Word 2007 XML');
    for (const s of sources) {
      copyFileSync(join(tmp, 'out', `${s.id}.doc`), join(OUT, `${s.id}.doc`));
      writeFileSync(join(OUT, `${s.id}.portal.html`), portalPage(s));
      writeFileSync(join(OUT, `${s.id}.tvpl.html`), tvplPage(s));
      writeFileSync(join(OUT, `${s.id}.tcvn3.txt`), encodeLegacy(tcvn3Source(s.text), 'tcvn3'));
      writeFileSync(join(OUT, `${s.id}.vni.txt`), encodeLegacy(s.text, 'vni'));
      writeFileSync(join(OUT, `${s.id}.cp1258.txt`), encodeCp1258(s.text));
    }
    const first = sources[0]!;
    copyFileSync(join(tmp, 'out', `${first.id}.docx`), join(OUT, `${first.id}.docx`));
    const legacy = join(tmp, 'legacy', `${first.id}.tcvn3.txt`);
    mkdirSync(join(tmp, 'legacy'));
    writeFileSync(legacy, decodeCp1252(encodeLegacy(tcvn3Source(first.text), 'tcvn3')));
    for (const [to, ext] of [['docx:MS Word 2007 XML', 'docx'], ['doc:MS Word 97', 'doc']] as const) {
      soffice(tmp, [legacy], to);
      copyFileSync(join(tmp, 'out', `${first.id}.tcvn3.${ext}`), join(OUT, `${first.id}.tcvn3.${ext}`));
    }
    // The browser test's draft (test/fixtures/draft-copied-from-an-phu.docx) saved as Word 97.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(tmp, 'profile')}`, '--convert-to', 'doc:MS Word 97', '--outdir', join(tmp, 'out'), join(ROOT, 'test', 'fixtures', 'draft-copied-from-an-phu.docx')], { stdio: 'pipe', timeout: 300_000 });
    copyFileSync(join(tmp, 'out', 'draft-copied-from-an-phu.doc'), join(OUT, 'draft-copied-from-an-phu.doc'));
    process.stdout.write(`fixtures-office: ${sources.length} sources → ${OUT}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
