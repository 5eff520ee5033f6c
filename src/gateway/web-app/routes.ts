import type { OutgoingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createFixedRoute } from '../http/fixed-route.ts';
import type { RouteHandler } from '../http/graphql-handler.ts';
import { send } from '../../http/send.ts';
import { WEB_APP_CSP } from './csp.ts';
import { readStaticFiles } from './static-files.ts';

/** Where `npm run build:web` writes the app (web/vite.config.ts); not committed. */
export const WEB_APP_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The built web app as routes for `createGateway`: its page at `/` (the app routes in the URL's
 * hash, so one page serves every view) and its files under `/assets/`, read once, here. Without a
 * build, `/` says how to make one.
 */
export function createWebAppRoutes(dist: string = WEB_APP_DIST): Map<string, RouteHandler> {
  const routes = new Map<string, RouteHandler>();
  const files = readStaticFiles(dist);
  const index = files.find((file) => file.path === '/index.html');
  if (index === undefined) {
    routes.set('/', (_req, res) =>
      send(res, 503, 'text/plain; charset=utf-8', 'The web app is not built: run `npm run build`.\n'),
    );
    return routes;
  }
  const page: OutgoingHttpHeaders = {
    'Content-Type': index.contentType,
    'Content-Security-Policy': WEB_APP_CSP,
    // The page names its assets by hash: revalidate it so that a new build is seen at once.
    'Cache-Control': 'no-cache',
    'Referrer-Policy': 'no-referrer',
  };
  routes.set('/', createFixedRoute(page, index.body));
  routes.set('/index.html', createFixedRoute(page, index.body));
  for (const file of files) {
    if (file === index) continue;
    // Vite names what it puts in assets/ by content hash; other files (public/) may change.
    const immutable = file.path.startsWith('/assets/');
    routes.set(
      file.path,
      createFixedRoute(
        {
          'Content-Type': file.contentType,
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
        file.body,
      ),
    );
  }
  return routes;
}
