import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import type { RouteHandler } from './graphql-handler.ts';
import { sendError } from './send.ts';

/**
 * Routes by path: the GraphQL endpoint and any extra routes (the offline playground is mounted this
 * way); everything else is 404. A handler that throws is logged and answered with 500.
 */
export function createRouter(routes: ReadonlyMap<string, RouteHandler>, logger: Logger): RequestListener {
  return (req, res) => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.on('finish', () => {
      logger.debug(
        { method: req.method, path, status: res.statusCode, durationMs: performance.now() - started },
        'request',
      );
    });
    const handler = routes.get(path);
    if (handler === undefined)
      return sendError(res, 404, 'NOT_FOUND', `Nothing at ${path}; GraphQL is at /graphql.`);
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error, path }, 'request failed');
        if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        else res.destroy();
      });
  };
}
