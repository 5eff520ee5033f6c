import type { OutgoingHttpHeaders } from 'node:http';
import type { RouteHandler } from './graphql-handler.ts';
import { sendError } from './send.ts';

/** Answers GET and HEAD with a fixed body (a page or a static file); anything else is 405. */
export function createFixedRoute(headers: OutgoingHttpHeaders, body: Buffer): RouteHandler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'BAD_REQUEST', 'Only GET and HEAD are served here.');
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length, 'X-Content-Type-Options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
