/** An HTTP Basic identity at the register. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** The `Authorization` header value for Basic credentials (RFC 7617, UTF-8). */
export function basicAuthorization({ username, password }: BasicCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
