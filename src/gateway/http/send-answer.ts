import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseEncoding, compress, MIN_COMPRESSED_SIZE } from '../../http/content-encoding.ts';
import { appendVary } from './cors.ts';
import { etagOf, matchesIfNoneMatch } from './etag.ts';

/**
 * Writes a whole answer the way HTTP clients and caches expect: a GET's 200 carries an `ETag` and
 * is answered `304 Not Modified` (no body) when `If-None-Match` names it; a body of 1 KiB or more is
 * sent with gzip or brotli when `Accept-Encoding` takes one. The headers already set stay.
 */
export async function sendAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
): Promise<void> {
  const raw = Buffer.from(body, 'utf8');
  res.statusCode = status;
  // Only a GET can be revalidated; a POST's answer is never stored by a browser or a CDN.
  if (req.method === 'GET' && status === 200) {
    const etag = etagOf(raw);
    res.setHeader('ETag', etag);
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
      res.statusCode = 304;
      res.removeHeader('Content-Type');
      res.removeHeader('Content-Length');
      res.end();
      return;
    }
  }
  if (raw.length >= MIN_COMPRESSED_SIZE) {
    res.setHeader('Vary', appendVary(res.getHeader('Vary'), 'Accept-Encoding'));
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (encoding !== null) {
      const compressed = await compress(raw, encoding);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', compressed.length);
      res.end(compressed);
      return;
    }
  }
  res.setHeader('Content-Length', raw.length);
  res.end(raw);
}
