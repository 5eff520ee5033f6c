import { randomUUID } from 'node:crypto';

/** The caller's `X-Request-Id` when it is a sane token, else a new one: it ties log lines together. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
}
