import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { applyCors, type CorsOrigins } from './cors.ts';
import type { EarlyAnswer } from './early-answer.ts';
import { exceedsDepth } from './json-depth.ts';
import { BodyTooLargeError, readBody } from '../../http/read-body.ts';
import { sendAnswer } from './send-answer.ts';
import { sendError } from './send.ts';

/** The deepest a request body may nest: far more than any input of the schema needs. */
const MAX_JSON_DEPTH = 32;

/** A plain node:http handler. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** How the endpoint meets browsers. */
export interface GraphqlHttpOptions {
  /** Origins whose pages may call the endpoint (CORS); `*`: any. */
  corsOrigins: CorsOrigins;
  /** Where a browser that opens the endpoint itself is sent (the playground); null: nowhere. */
  landingPath: string | null;
  /** Answers a response-cache hit before Apollo (early-answer.ts); null: every request goes to Apollo. */
  early: EarlyAnswer | null;
}

/** A browser navigating to the endpoint: a GET for HTML without a query to run. */
const isBrowserVisit = (req: IncomingMessage, search: string): boolean =>
  req.method === 'GET' &&
  (req.headers.accept ?? '').includes('text/html') &&
  !new URLSearchParams(search).has('query');

/**
 * A tiny node:http integration of Apollo Server 5 (it ships none for plain node:http but its
 * standalone server, which cannot share a server with other routes): the request becomes an
 * HTTPGraphQLRequest, Apollo's answer is written back with CORS, ETag and compression. A
 * response-cache hit is answered before Apollo by `http.early`, with the same bytes.
 */
export function createGraphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
  maxBodyBytes: number,
  http: GraphqlHttpOptions = { corsOrigins: '*', landingPath: null, early: null },
): RouteHandler {
  return async (req, res) => {
    if (applyCors(req, res, http.corsOrigins)) return;
    const search = req.url === undefined ? '' : new URL(req.url, 'http://localhost').search;
    if (http.landingPath !== null && isBrowserVisit(req, search)) {
      res.statusCode = 302;
      res.setHeader('Location', http.landingPath);
      res.end();
      return;
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
      const isJson = req.headers['content-type']?.includes('json') ?? false;
      try {
        body = isJson && text !== '' ? JSON.parse(text) : text;
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
      // No input of the schema nests deeper than a few levels (an address in a unit in an input).
      if (exceedsDepth(body, MAX_JSON_DEPTH)) {
        return sendError(
          res,
          400,
          'BAD_USER_INPUT',
          `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
        );
      }
    }
    if (http.early !== null && (await http.early(req, res, { search, body }))) return;
    // Made only for Apollo: an early answer reads the request's own headers.
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: () => context(req),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      return sendAnswer(req, res, response.status ?? 200, response.body.string);
    }
    // Incremental delivery (@defer) is streamed as it comes: neither tagged nor compressed.
    res.statusCode = response.status ?? 200;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
