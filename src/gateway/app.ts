import type { RequestListener, Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config.ts';
import { cacheControlFromSchema } from './graphql/cache-control-plugin.ts';
import { createDocumentCachePolicies } from './graphql/cache-policy.ts';
import { createContextFactory, type GatewayContext } from './graphql/context.ts';
import { createFormatError } from './graphql/format-error.ts';
import { subscriptionsOverWebSocketOnly } from './graphql/http-subscriptions.ts';
import { queryCostPlugin } from './graphql/query-cost.ts';
import { createQueryLimits } from './graphql/query-limits.ts';
import { responseCachePlugin, type ResponseStore } from './graphql/response-cache.ts';
import { resolvers } from './graphql/resolvers/index.ts';
import { loadTypeDefs } from './graphql/schema.ts';
import { createGraphqlHandler, type RouteHandler } from './http/graphql-handler.ts';
import type { CorsOrigins } from './http/cors.ts';
import { createRouter } from './http/router.ts';
import {
  attachSubscriptions,
  type SubscriptionEndpoint,
  type SubscriptionLimits,
} from './http/subscriptions.ts';
import { createHealthRoutes, type ReadinessReport } from './operations/health-routes.ts';
import { createGatewayMetrics, type GatewayMetricsSources } from './operations/metrics.ts';
import type { RegisterReader } from './ports/register-reader.ts';
import type { CallMetrics } from './ports/register-client.ts';
import { createCallMetrics } from './soap-client/call-metrics.ts';
import type { RegisterWriter } from './ports/register-writer.ts';
import type { ChangeSource } from './ports/change-source.ts';
import { NO_CHANGE_FEED } from './read-model/change-source.ts';

/** Where GraphQL is served. */
export const GRAPHQL_PATH = '/graphql';

/** The playground's page (playground/routes.ts mounts it there). */
const PLAYGROUND_LANDING = '/playground';

/** What the gateway is built from; all long-lived, made once by the caller. */
export interface GatewayDependencies {
  /** The register through the shared cache. */
  reader: RegisterReader;
  /** The register's ImportService; every write carries the caller's own credentials. */
  writer: RegisterWriter;
  logger: Logger;
  maxPageSize: number;
  /** The register's change feed (`changes`, `institutionChanged`); none: both answer NOT_FOUND. */
  changes?: ChangeSource;
  /** The WebSocket endpoint's limits (subscriptions); none: the defaults below. */
  subscriptionLimits?: SubscriptionLimits;
  /** Where APQ keeps persisted queries (Redis with several replicas); none: Apollo's in-process LRU. */
  persistedQueries?: KeyValueCache<string>;
  /** Where whole answers to repeated queries are kept (graphql/response-cache.ts); null: nowhere. */
  responseCache?: ResponseStore | null;
  /** Extra HTTP routes by exact path, beside `/graphql` (e.g. an offline playground). */
  routes?: ReadonlyMap<string, RouteHandler>;
  maxRequestBodyBytes?: number;
  /** Whether the schema may be introspected (GraphiQL needs it); on by default. */
  introspection?: boolean;
  /** Origins whose pages may call `/graphql` (CORS); any (`*`) by default. */
  corsOrigins?: CorsOrigins;
  /** What /metrics and /readyz report on; without them /metrics shows GraphQL and process figures only. */
  operations?: {
    soapCalls?: CallMetrics;
    gauges?: GatewayMetricsSources['gauges'];
    counters?: GatewayMetricsSources['counters'];
    cache?: GatewayMetricsSources['cache'];
    responseCache?: GatewayMetricsSources['responseCache'];
    breakers?: GatewayMetricsSources['breakers'];
    readiness?: () => Promise<ReadinessReport>;
  };
}

/** A built gateway: an HTTP request listener, not yet listening anywhere. */
export interface Gateway {
  handle: RequestListener;
  /** Serves subscriptions (graphql-ws) on the GraphQL path of a listening HTTP server. */
  attachSubscriptions(server: Server): SubscriptionEndpoint;
  /** Stops Apollo Server (after the HTTP server has stopped accepting requests). */
  stop(): Promise<void>;
}

/**
 * Says so in the response when any of it came from the cache past its TTL because the register
 * failed (stale-if-error): `extensions.staleness = { stale: true, maxAgeMs }`.
 */
const stalenessInExtensions: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const staleness = contextValue.staleness.report();
        if (!staleness.stale || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, staleness };
      },
    };
  },
};

/** The parts of the gateway's dependencies that come straight from its configuration. */
export const gatewaySettings = (
  config: Readonly<GatewayConfig>,
): Pick<GatewayDependencies, 'maxPageSize' | 'introspection' | 'subscriptionLimits' | 'corsOrigins'> => ({
  maxPageSize: config.maxPageSize,
  introspection: config.introspection,
  corsOrigins: config.corsOrigins,
  subscriptionLimits: {
    maxConnections: config.subscriptionMaxConnections,
    keepAliveMs: config.subscriptionKeepAliveMs,
    idleTimeoutMs: config.subscriptionIdleTimeoutMs,
    initTimeoutMs: 10_000,
  },
});

/** The WebSocket limits when the caller names none (the configuration's defaults). */
const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxConnections: 1000,
  keepAliveMs: 12_000,
  idleTimeoutMs: 300_000,
  initTimeoutMs: 10_000,
};

/** Builds the gateway: Apollo Server, its context and the HTTP routes. Opens no socket, reads no env. */
export async function createGateway(deps: GatewayDependencies): Promise<Gateway> {
  const limits = createQueryLimits();
  const metrics = createGatewayMetrics({
    soapCalls: deps.operations?.soapCalls ?? createCallMetrics(),
    ...(deps.operations?.gauges !== undefined && { gauges: deps.operations.gauges }),
    ...(deps.operations?.counters !== undefined && { counters: deps.operations.counters }),
    ...(deps.operations?.cache !== undefined && { cache: deps.operations.cache }),
    ...(deps.operations?.responseCache !== undefined && { responseCache: deps.operations.responseCache }),
    ...(deps.operations?.breakers !== undefined && { breakers: deps.operations.breakers }),
  });
  const cachePolicies = createDocumentCachePolicies();
  // One executable schema for both transports (Apollo builds it the same way from typeDefs).
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  const formatError = createFormatError(deps.logger);
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    ...(deps.persistedQueries !== undefined && { persistedQueries: { cache: deps.persistedQueries } }),
    introspection: deps.introspection ?? true,
    // Batched HTTP requests would multiply every limit below by the batch size.
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    // Apollo reads NODE_ENV and APOLLO_* itself; the gateway decides: no landing page that loads
    // from a CDN, nothing sent to Apollo's cloud.
    nodeEnv: 'production',
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // The same header from the same @cacheControl hints, without per-field work (see the plugin).
      ApolloServerPluginCacheControlDisabled(),
      cacheControlFromSchema(cachePolicies),
      // After the cache-control plugin: Apollo starts every willSendResponse hook at once, in plugin
      // order, and that plugin sets the policy this one stores by before its first await (this one
      // reads it after one). Were that to change, nothing would be stored: it fails safe.
      ...(deps.responseCache == null
        ? []
        : [responseCachePlugin(deps.responseCache, deps.reader, cachePolicies)]),
      metrics.plugin as ApolloServerPlugin<GatewayContext>,
      stalenessInExtensions,
      queryCostPlugin<GatewayContext>(deps.maxPageSize),
      subscriptionsOverWebSocketOnly<GatewayContext>(),
      // graphql-armor's types come from Apollo's CJS build, the gateway's from its ESM build: the same shape.
      ...(limits.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    stopOnTerminationSignals: false,
    logger: deps.logger,
  });
  await apollo.start();
  const context = createContextFactory({
    reader: deps.reader,
    writer: deps.writer,
    maxPageSize: deps.maxPageSize,
    changes: deps.changes ?? NO_CHANGE_FEED,
  });
  const graphql = createGraphqlHandler(
    apollo,
    async (req) => context({ authorization: req.headers.authorization }),
    deps.maxRequestBodyBytes ?? 1024 * 1024,
    {
      corsOrigins: deps.corsOrigins ?? '*',
      // A browser that opens /graphql is sent to the playground, where there is one.
      landingPath: deps.routes?.has(PLAYGROUND_LANDING) === true ? PLAYGROUND_LANDING : null,
    },
  );
  const readiness = deps.operations?.readiness ?? (async () => ({ ready: true, checks: {} }));
  const routes = new Map([...createHealthRoutes(readiness), ...(deps.routes ?? [])]);
  routes.set('/metrics', metrics.route);
  routes.set(GRAPHQL_PATH, graphql);
  return {
    handle: createRouter(routes, deps.logger),
    attachSubscriptions: (server) =>
      attachSubscriptions(server, {
        path: GRAPHQL_PATH,
        schema,
        validationRules: limits.validationRules,
        maxTokens: limits.parseOptions.maxTokens,
        // A subscription reads public data with the gateway's identity; no caller credentials.
        context: () => context({ authorization: undefined }),
        formatError,
        limits: deps.subscriptionLimits ?? DEFAULT_SUBSCRIPTION_LIMITS,
      }),
    stop: async () => {
      metrics.stop();
      await apollo.stop();
    },
  };
}
