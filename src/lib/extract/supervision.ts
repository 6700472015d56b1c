/**
 * Who implements, who supervises and who reports, from a resolution's implementation provisions: a provision →
 * mentions (actor, role, sentence). Only provisions that are about implementing or supervising the resolution are
 * read (isImplementationProvision): a measures point that says "giám sát" in passing is not a supervision clause.
 *
 * In each sentence (or line, for bulleted articles) the actors are the subject: the bodies named before the first
 * role verb ("Giao Ủy ban nhân dân tỉnh tổ chức triển khai …"). Bodies after it are objects ("báo cáo Hội đồng
 * nhân dân tỉnh") and are not actors. Role verbs preceded by "việc" or "kết quả" are nouns ("giám sát việc tổ chức
 * triển khai") and give no role. Text is read literally: Sơn La's OCR prints "Thường trực UBND, các Ban của UBND,
 * các Tổ đại biểu UBND" for HĐND, which reads as "other" here; the corrections layer fixes the text first.
 */
import type { ProvisionInput } from '../classify/measures.ts';
import { foldWithMap, originalSlice, splitSegments } from '../reference/taxonomy.ts';

export type SupervisionActor =
  | 'people_committee' | 'standing_committee' | 'committees' | 'delegate_groups' | 'delegates'
  | 'fatherland_front' | 'socio_political_orgs' | 'other';
export type SupervisionRole = 'implements' | 'supervises' | 'reports';

export interface SupervisionMention {
  provision: string;
  actor: SupervisionActor;
  role: SupervisionRole;
  /** The sentence the mention comes from, as printed. */
  text: string;
}

const HDND = String.raw`(?:hoi dong nhan dan|hdnd)`;
const UBND = String.raw`(?:uy ban nhan dan|ubnd)`;

/** Actor patterns on folded text, longest first; each match masks its span so shorter ones cannot reuse it. */
const ACTORS: [SupervisionActor, RegExp][] = [
  ['standing_committee', new RegExp(String.raw`thuong truc ${HDND}|\btt ?hdnd`, 'g')],
  ['committees', new RegExp(String.raw`(?:cac |hai |ba )?ban (?:cua )?${HDND}`, 'g')],
  // "Thường trực UBND", "các Ban của UBND", "Tổ đại biểu UBND" name no real body: read literally, as "other".
  ['other', new RegExp(String.raw`thuong truc ${UBND}|(?:cac )?ban cua ${UBND}|(?:cac )?to dai bieu ${UBND}`, 'g')],
  ['delegate_groups', new RegExp(String.raw`(?:cac )?to dai bieu(?: ${HDND})?`, 'g')],
  ['delegates', new RegExp(String.raw`(?:cac )?(?:vi )?dai bieu(?: ${HDND})?`, 'g')],
  ['fatherland_front', /(?:ban thuong truc )?(?:uy ban |ub ?)?(?:mat tran to quoc|mttq)(?: viet nam| ?vn)?|\bubmttq(?:vn)?/g],
  ['socio_political_orgs', /(?:cac )?to chuc chinh tri\W+xa hoi|\bdoan the\b/g],
  ['people_committee', new RegExp(UBND, 'g')],
  ['other', new RegExp(String.raw`${HDND}|cac so, ban, nganh|cac co quan chuyen mon`, 'g')],
];

const ROLES: [SupervisionRole, RegExp][] = [
  ['implements', /(?<![a-z])(?:to chuc trien khai|trien khai|to chuc thuc hien|thuc hien|chi dao|thi hanh)(?![a-z])/g],
  ['supervises', /(?<![a-z])(?:giam sat|kiem tra|don doc)(?![a-z])/g],
  ['reports', /(?<![a-z])bao cao(?![a-z])/g],
];

const OPENER = /^(?:giao|de nghi|uy ban|ubnd|ubmttq|thuong truc|tt ?hdnd|hoi dong nhan dan|hdnd|cac ban|to dai bieu|mat tran)\b/;
const ABOUT_RESOLUTION = /(?:trien khai|thuc hien|thi hanh|giam sat|kiem tra|don doc)[^.;]{0,80}?nghi quyet(?! (?:hoi nghi|so|dai hoi|trung uong|cua))/;

/** Lines and sentences of a provision, without list bullets. */
function sentences(text: string): { raw: string; folded: ReturnType<typeof foldWithMap> }[] {
  return splitSegments(text, /\n|[.!?](?=\s|$)/g).map((s) => {
    const raw = s.text.replace(/^\s*[-–•+*]\s*/, '');
    return { raw, folded: foldWithMap(raw) };
  });
}

/**
 * True when a provision is about implementing or supervising the resolution: its heading is "Tổ chức thực hiện"
 * (or "… thi hành"), or one of its sentences opens with "Giao", "Đề nghị" or a body's name and (a) puts an
 * implementing or supervising verb before "Nghị quyết" (this resolution, not "Nghị quyết hội nghị …"), or (b) opens
 * with "Giao"/"Đề nghị" and asks for "giám sát việc … triển khai / thực hiện".
 */
export function isImplementationProvision(p: ProvisionInput): boolean {
  if (p.heading && /^(?:to chuc thuc hien|to chuc thi hanh|trach nhiem thi hanh|trach nhiem to chuc thuc hien)\b/.test(foldWithMap(p.heading).folded)) return true;
  return sentences(p.text).some(({ folded: { folded: f } }) =>
    OPENER.test(f) && (ABOUT_RESOLUTION.test(f) || (/^(?:giao|de nghi)\b/.test(f) && /giam sat viec (?:to chuc )?(?:trien khai|thuc hien)/.test(f))));
}

/** Actor–role mentions of an implementation provision, in reading order; [] for any other provision. */
export function extractSupervision(p: ProvisionInput): SupervisionMention[] {
  if (!isImplementationProvision(p)) return [];
  const out: SupervisionMention[] = [];
  // One mention per actor and role in a provision (the supervision table's key), from the first sentence naming it.
  const seen = new Set<string>();
  for (const { raw, folded: ft } of sentences(p.text)) {
    const f = ft.folded;
    // "việc …" opens an object that runs to "Nghị quyết" (or the end): "giám sát việc tổ chức triển khai, thực hiện".
    const objects = [...f.matchAll(/\bviec\b/g)].map((m) => {
      const close = /nghi quyet/.exec(f.slice(m.index));
      return [m.index, close ? m.index + close.index + close[0].length : f.length] as const;
    });
    const roles: { role: SupervisionRole; at: number }[] = [];
    for (const [role, re] of ROLES) {
      for (const m of f.matchAll(re)) {
        if (objects.some(([s, e]) => m.index > s && m.index < e)) continue;
        if (/(?:ket qua|che do|cong tac) $/.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
        roles.push({ role, at: m.index });
      }
    }
    if (roles.length === 0) continue;
    roles.sort((a, b) => a.at - b.at);
    const subjectEnd = roles[0]?.at ?? 0;
    const subject = f.slice(0, subjectEnd);
    const taken: [number, number][] = [];
    const actors: { actor: SupervisionActor; at: number }[] = [];
    for (const [actor, re] of ACTORS) {
      for (const m of subject.matchAll(re)) {
        const s = m.index;
        const e = s + m[0].length;
        if (taken.some(([a, b]) => s < b && e > a)) continue;
        taken.push([s, e]);
        actors.push({ actor, at: s });
      }
    }
    actors.sort((a, b) => a.at - b.at);
    const text = originalSlice(ft, 0, f.length) || raw.trim();
    for (const { actor } of actors) {
      for (const { role } of roles) {
        const key = `${actor}|${role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ provision: p.id, actor, role, text });
      }
    }
  }
  return out;
}
