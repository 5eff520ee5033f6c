/** A user name and password of HTTP Basic authentication (RFC 7617): what a caller sends, what the register checks. */
export interface BasicCredentials {
  userName: string;
  password: string;
}

/** Parses an `Authorization` header; null when it is absent or not well-formed Basic. */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | null {
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (match?.[1] === undefined) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The `Authorization` header value for Basic credentials (RFC 7617, UTF-8). */
export function basicAuthorization({ userName, password }: BasicCredentials): string {
  return `Basic ${Buffer.from(`${userName}:${password}`, 'utf8').toString('base64')}`;
}
