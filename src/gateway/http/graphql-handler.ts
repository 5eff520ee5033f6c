import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyTooLargeError, readBody } from './read-body.ts';
import { sendError } from './send.ts';

/** A plain node:http handler. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * A tiny node:http integration of Apollo Server 5 (it ships none for plain node:http but its
 * standalone server, which cannot share a server with other routes): the request becomes an
 * HTTPGraphQLRequest, Apollo's answer is written back as it is.
 */
export function createGraphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
  maxBodyBytes: number,
): RouteHandler {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendError(res, 413, 'BAD_REQUEST', error.message);
        throw error;
      }
      const text = raw.toString('utf8');
      const isJson = headers.get('content-type')?.includes('json') ?? false;
      try {
        body = isJson && text !== '' ? JSON.parse(text) : text;
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    }
    const search = req.url === undefined ? '' : new URL(req.url, 'http://localhost').search;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: () => context(req),
    });
    res.statusCode = response.status ?? 200;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
