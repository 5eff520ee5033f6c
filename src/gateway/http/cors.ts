import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from '../../http/request-id.ts';

/** Which origins may call the gateway from a browser: any (`*`), or these exactly. */
export type CorsOrigins = '*' | readonly string[];

/** The request headers a browser client sends: JSON, a mutation's credentials, Apollo's CSRF header. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'if-none-match',
  REQUEST_ID_HEADER,
].join(', ');

/** What a page may read of an answer beyond the CORS-safelisted headers. */
const EXPOSED_HEADERS = ['etag', REQUEST_ID_HEADER].join(', ');

/** How long a browser may keep a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the GraphQL endpoint. The `cors` package is no dependency of this project (and none may
 * be added here); this is the small part of it the endpoint needs. No cookies are used (a mutation's
 * identity is the `Authorization` header), so credentials are never allowed and `*` is safe: a page
 * on another origin reads only what it could fetch itself.
 *
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: CorsOrigins): boolean {
  const origin = req.headers.origin;
  const allowed = origins === '*' ? '*' : origin !== undefined && origins.includes(origin) ? origin : null;
  if (origins !== '*') res.setHeader('Vary', appendVary(res.getHeader('Vary'), 'Origin'));
  const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (allowed !== null && origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', allowed);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
  if (req.method !== 'OPTIONS') return false;
  // A preflight from an origin not allowed gets no Allow-* headers: the browser then refuses.
  if (isPreflight && allowed !== null) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  res.setHeader('Allow', 'GET, POST, OPTIONS');
  res.statusCode = 204;
  res.end();
  return true;
}

/** A Vary header with `value` added once. */
export function appendVary(current: number | string | string[] | undefined, value: string): string {
  const list = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (!list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
  return list.join(', ');
}
