import { createHash } from 'node:crypto';

/**
 * A strong ETag of an answer's body (before compression: one tag for every encoding of it, which
 * `Vary: Accept-Encoding` keeps apart in caches). SHA-1 is a digest of public data here, no security.
 */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether `If-None-Match` names this tag (or `*`); weak comparison, as RFC 9110 §13.1.2 asks. */
export function matchesIfNoneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
