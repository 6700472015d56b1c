/**
 * The one result type of every reader (input.ts dispatches; office.ts, pdf.ts and the rest answer): reading text of a
 * known kind, or a refusal with a stable code and one line for a person. Kept apart so that the dispatcher and its
 * branches import it from here, never from each other.
 */
import type { LegacyEncoding } from './legacy-encoding.ts';

export type InputKind = 'text' | 'docx' | 'doc' | 'html' | 'pdf';
/** legacy: the pre-Unicode encoding the text was converted from (office.ts), when it was. */
export type InputResult = { ok: true; text: string; kind: InputKind; legacy?: LegacyEncoding | 'windows-1258' } | { ok: false; code: string; message: string };

/** A refusal: its stable code and the one line that says what is wrong and what to do. */
export const fail = (code: string, message: string): InputResult => ({ ok: false, code, message });
