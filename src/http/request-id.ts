import { randomUUID } from 'node:crypto';

/** The header that carries a request's id in and out of both servers, and from the gateway on to the register. */
export const REQUEST_ID_HEADER = 'x-request-id';

// A client's id is echoed in headers and logs: only a short token, never anything that could
// split a header or forge a log field.
const SANE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The client's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}
