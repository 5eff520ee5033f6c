import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import { runInRequestScope, type RequestScope } from '../request-scope.ts';
import type { RouteHandler } from './graphql-handler.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from '../../http/request-id.ts';
import { sendError } from './send.ts';

/**
 * Routes by path: the GraphQL endpoint and any extra routes (the offline playground is mounted this
 * way); everything else is 404. A handler that throws is logged and answered with 500. Every request
 * gets an id (echoed in `X-Request-Id`) and a child logger carrying it, in its request scope.
 */
export function createRouter(routes: ReadonlyMap<string, RouteHandler>, logger: Logger): RequestListener {
  return (req, res) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    // Made when first used: most requests log nothing, and a pino child costs more than the rest
    // of the routing together.
    let log: Logger | undefined;
    const scope: RequestScope = {
      requestId,
      get logger() {
        return (log ??= logger.child({ requestId }));
      },
    };
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (logger.isLevelEnabled('debug')) {
      res.on('finish', () => {
        scope.logger.debug(
          { method: req.method, path, status: res.statusCode, durationMs: performance.now() - started },
          'request',
        );
      });
    }
    const handler = routes.get(path);
    if (handler === undefined)
      return sendError(res, 404, 'NOT_FOUND', `Nothing at ${path}; GraphQL is at /graphql.`);
    runInRequestScope(scope, () => {
      Promise.resolve()
        .then(() => handler(req, res))
        .catch((error: unknown) => {
          scope.logger.error({ err: error, path }, 'request failed');
          if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
          else res.destroy();
        });
    });
  };
}
