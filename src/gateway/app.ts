import type { RequestListener } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import { cacheControlFromSchema } from './graphql/cache-control-plugin.ts';
import { createContextFactory, type GatewayContext } from './graphql/context.ts';
import { depthLimit } from './graphql/depth-limit.ts';
import { createFormatError } from './graphql/format-error.ts';
import { resolvers } from './graphql/resolvers/index.ts';
import { loadTypeDefs } from './graphql/schema.ts';
import { createGraphqlHandler, type RouteHandler } from './http/graphql-handler.ts';
import { createRouter } from './http/router.ts';
import type { RegistryReader } from './registry/cached-registry.ts';
import type { RegistryWriter } from './registry/registry-writer.ts';

/** Where GraphQL is served. */
export const GRAPHQL_PATH = '/graphql';

/** The most fields an operation may nest (see depth-limit.ts). */
const MAX_DEPTH = 12;

/** What the gateway is built from; all long-lived, made once by the caller. */
export interface GatewayDependencies {
  /** The register through the shared cache. */
  reader: RegistryReader;
  /** The register's ImportService; every write carries the caller's own credentials. */
  writer: RegistryWriter;
  logger: Logger;
  maxPageSize: number;
  /** Extra HTTP routes by exact path, beside `/graphql` (e.g. an offline playground). */
  routes?: ReadonlyMap<string, RouteHandler>;
  maxRequestBodyBytes?: number;
}

/** A built gateway: an HTTP request listener, not yet listening anywhere. */
export interface Gateway {
  handle: RequestListener;
  /** Stops Apollo Server (after the HTTP server has stopped accepting requests). */
  stop(): Promise<void>;
}

/** Builds the gateway: Apollo Server, its context and the HTTP routes. Opens no socket, reads no env. */
export async function createGateway(deps: GatewayDependencies): Promise<Gateway> {
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: createFormatError(deps.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Apollo reads NODE_ENV and APOLLO_* itself; the gateway decides: no landing page that loads
    // from a CDN, nothing sent to Apollo's cloud.
    nodeEnv: 'production',
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // The same header from the same @cacheControl hints, without per-field work (see the plugin).
      ApolloServerPluginCacheControlDisabled(),
      cacheControlFromSchema(),
    ],
    validationRules: [depthLimit(MAX_DEPTH)],
    stopOnTerminationSignals: false,
    logger: deps.logger,
  });
  await apollo.start();
  const context = createContextFactory({
    reader: deps.reader,
    writer: deps.writer,
    maxPageSize: deps.maxPageSize,
  });
  const graphql = createGraphqlHandler(
    apollo,
    async (req) => context({ authorization: req.headers.authorization }),
    deps.maxRequestBodyBytes ?? 1024 * 1024,
  );
  const routes = new Map(deps.routes);
  routes.set(GRAPHQL_PATH, graphql);
  return {
    handle: createRouter(routes, deps.logger),
    stop: () => apollo.stop(),
  };
}
