import { inspect } from 'node:util';

const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2})$/i;

/**
 * The caller's own register identity: the `Authorization: Basic` header of one GraphQL request,
 * sent to the ImportService for that request's writes only. Opaque on purpose: it serialises and
 * inspects as a placeholder, so that it cannot reach a log, an error or a cache key by accident.
 */
export class CallerCredentials {
  readonly #authorization: string;
  readonly #userName: string;

  private constructor(authorization: string, userName: string) {
    this.#authorization = authorization;
    this.#userName = userName;
  }

  /** The credentials of a request's `Authorization` header; null when it carries no Basic `user:password`. */
  static fromHeader(header: string | undefined): CallerCredentials | null {
    const token = BASIC.exec(header?.trim() ?? '')?.[1];
    if (token === undefined) return null;
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    // user-id ":" password (RFC 7617), with a user name.
    const colon = decoded.indexOf(':');
    if (colon < 1) return null;
    return new CallerCredentials(`Basic ${token}`, decoded.slice(0, colon));
  }

  /** The register user name (for counting failed logins per user; not a secret, never logged here). */
  userName(): string {
    return this.#userName;
  }

  /** The header value for one call to the register. */
  authorization(): string {
    return this.#authorization;
  }

  toJSON(): string {
    return '[caller credentials]';
  }

  [inspect.custom](): string {
    return 'CallerCredentials [redacted]';
  }
}
