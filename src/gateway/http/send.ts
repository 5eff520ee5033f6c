import type { ServerResponse } from 'node:http';

/** Writes a whole response. */
export function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** Writes a GraphQL-shaped error response for a request Apollo never saw. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(
    res,
    status,
    'application/json; charset=utf-8',
    JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  );
}
