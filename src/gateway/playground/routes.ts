import { GRAPHQL_PATH } from '../app.ts';
import { createFixedRoute } from '../http/fixed-route.ts';
import type { RouteHandler } from '../http/graphql-handler.ts';
import { loadPlaygroundAssets } from './assets.ts';
import { PLAYGROUND_EXAMPLES } from './examples.ts';
import { buildPlaygroundPage, PLAYGROUND_CSP } from './page.ts';

/** Where the playground page is served. */
export const PLAYGROUND_PATH = '/playground';

/** Where its scripts and stylesheets are served, each under a name that includes its content hash. */
export const PLAYGROUND_ASSETS_PATH = `${PLAYGROUND_PATH}/assets`;

/**
 * The offline GraphiQL playground as routes for `createGateway`: the page at `/playground` and its
 * files under `/playground/assets/`, all read from the installed packages once, here.
 */
export function createPlaygroundRoutes(): Map<string, RouteHandler> {
  const assets = loadPlaygroundAssets(PLAYGROUND_ASSETS_PATH);
  const page = buildPlaygroundPage({
    assets,
    graphqlPath: GRAPHQL_PATH,
    examples: PLAYGROUND_EXAMPLES,
  });
  const routes = new Map<string, RouteHandler>();
  routes.set(
    PLAYGROUND_PATH,
    createFixedRoute(
      {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': PLAYGROUND_CSP,
        // The page names the assets by hash: revalidate it so that an upgrade is seen at once.
        'Cache-Control': 'no-cache',
        'Referrer-Policy': 'no-referrer',
      },
      Buffer.from(page),
    ),
  );
  for (const asset of [...assets.styles, ...assets.scripts, assets.entry, ...assets.modules]) {
    routes.set(
      asset.path,
      createFixedRoute(
        { 'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=31536000, immutable' },
        asset.body,
      ),
    );
  }
  return routes;
}
