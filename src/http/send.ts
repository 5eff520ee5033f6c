import type { ServerResponse } from 'node:http';

/** Writes a whole small response (a health answer, an error, a WSDL): both servers' plain replies. */
export function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
