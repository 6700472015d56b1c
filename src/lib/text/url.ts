/**
 * The one test for a source address, wherever one enters (npm run add --source, a text's front matter, a curated
 * file) and when it is published: an absolute http or https URL with a host and no white space or control
 * characters. Anything else — javascript:, data:, file:, a relative path — is never stored or linked.
 */
export function isHttpUrl(s: unknown): s is string {
  if (typeof s !== 'string' || !/^https?:\/\/[^\s/?#]+[^\s\u0000-\u001f\u007f]*$/i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
