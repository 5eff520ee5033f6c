import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UnreachableError } from '../assert-never.ts';

/** A file the playground page loads, at a path named for its content so that browsers may keep it for good. */
export interface PlaygroundAsset {
  /** E.g. `/playground/assets/graphiql.min.0123456789ab.js`. */
  path: string;
  contentType: string;
  body: Buffer;
}

/** Everything the page loads, in the order it loads it. */
export interface PlaygroundAssets {
  /** GraphiQL's stylesheet, then the page's own. */
  styles: PlaygroundAsset[];
  /** React, ReactDOM and GraphiQL as UMD bundles (they define globals), in dependency order. */
  scripts: PlaygroundAsset[];
  /** The page's own script that renders GraphiQL. */
  entry: PlaygroundAsset;
  /**
   * graphql-ws's browser client (subscriptions), as ES modules under their own names: the client
   * imports its chunk by relative name. The first is the one to import.
   */
  modules: PlaygroundAsset[];
}

const require = createRequire(import.meta.url);

/**
 * A file of an installed package, found the way Node finds the package; through its package.json
 * because React's `exports` map does not expose `umd/`.
 */
const fromPackage = (name: string, file: string): string =>
  join(dirname(require.resolve(`${name}/package.json`)), file);

const fromStatic = (file: string): string => fileURLToPath(new URL(`./static/${file}`, import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function load(file: string, basePath: string): PlaygroundAsset {
  const body = readFileSync(file);
  const extension = extname(file);
  const contentType = CONTENT_TYPES[extension];
  // The asset list is the gateway's own: only .js and .css files are on it.
  if (contentType === undefined) throw new UnreachableError(`No content type for ${file}`);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `${basePath}/${basename(file, extension)}.${hash}${extension}`, contentType, body };
}

/**
 * graphql-ws's ESM client and the chunk it imports, under `<basePath>/graphql-ws-<version>/` with
 * their own names (the version in the folder keeps them immutable to a browser cache).
 */
function loadGraphqlWsClient(basePath: string): PlaygroundAsset[] {
  const root = dirname(require.resolve('graphql-ws/package.json'));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const client = readFileSync(join(root, 'dist', 'client.js'));
  const chunks = [...client.toString('utf8').matchAll(/from '\.\/([\w.-]+\.js)'/g)].map((m) => m[1] ?? '');
  const folder = `${basePath}/graphql-ws-${version}`;
  const contentType = CONTENT_TYPES['.js'] ?? 'text/javascript';
  return [
    { path: `${folder}/client.js`, contentType, body: client },
    ...[...new Set(chunks)].map((chunk) => ({
      path: `${folder}/${chunk}`,
      contentType,
      body: readFileSync(join(root, 'dist', chunk)),
    })),
  ];
}

/** Reads the playground's files once, at start-up, from the installed packages and `static/`. */
export function loadPlaygroundAssets(basePath: string): PlaygroundAssets {
  return {
    styles: [
      load(fromPackage('graphiql', 'graphiql.min.css'), basePath),
      load(fromStatic('playground.css'), basePath),
    ],
    scripts: [
      load(fromPackage('react', 'umd/react.production.min.js'), basePath),
      load(fromPackage('react-dom', 'umd/react-dom.production.min.js'), basePath),
      load(fromPackage('graphiql', 'graphiql.min.js'), basePath),
    ],
    entry: load(fromStatic('playground.js'), basePath),
    modules: loadGraphqlWsClient(basePath),
  };
}
