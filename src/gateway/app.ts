import type { RequestListener, Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config.ts';
import { createDocumentCachePolicies } from './graphql/cache-policy.ts';
import { createContextFactory, type GatewayContext } from './graphql/context.ts';
import { createFormatError } from './graphql/format-error.ts';
import { useCacheControl } from './graphql/plugins/use-cache-control.ts';
import { useMetrics } from './graphql/plugins/use-metrics.ts';
import { useQueryCost } from './graphql/plugins/use-query-cost.ts';
import { useQueryLimits } from './graphql/plugins/use-query-limits.ts';
import { useResponseCache } from './graphql/plugins/use-response-cache.ts';
import { useStalenessExtension } from './graphql/plugins/use-staleness-extension.ts';
import { useWebSocketSubscriptions } from './graphql/plugins/use-web-socket-subscriptions.ts';
import { createQueryLimits } from './graphql/query-limits.ts';
import type { ResponseStore } from './graphql/response-cache.ts';
import { createResponseGeneration } from './graphql/response-cache-keys.ts';
import { resolvers } from './graphql/resolvers/index.ts';
import { loadTypeDefs } from './graphql/schema.ts';
import { createGraphqlHandler, type RouteHandler } from './http/graphql-handler.ts';
import type { CorsOrigins } from './http/cors.ts';
import { createEarlyAnswers } from './http/early-answer.ts';
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
  /** Whether the HTTP layer answers a response-cache hit before Apollo (http/early-answer.ts); on by default. */
  responseCacheEarly?: boolean;
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

/** The parts of the gateway's dependencies that come straight from its configuration. */
export const gatewaySettings = (
  config: Readonly<GatewayConfig>,
): Pick<
  GatewayDependencies,
  'maxPageSize' | 'introspection' | 'subscriptionLimits' | 'corsOrigins' | 'responseCacheEarly'
> => ({
  maxPageSize: config.maxPageSize,
  responseCacheEarly: config.responseCacheEarly,
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
  // Apollo's default APQ store (its own cache, an InMemoryLRUCache), made here so that the early
  // answers can read persisted queries too.
  const persistedQueries = deps.persistedQueries ?? new InMemoryLRUCache<string>();
  const responseCache = deps.responseCache ?? null;
  const generation = responseCache === null ? null : createResponseGeneration(responseCache, deps.reader);
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    persistedQueries: { cache: persistedQueries },
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
      useCacheControl(cachePolicies),
      // After the cache-control plugin: Apollo starts every willSendResponse hook at once, in plugin
      // order, and that plugin sets the policy this one stores by before its first await (this one
      // reads it after one). Were that to change, nothing would be stored: it fails safe.
      ...(responseCache === null || generation === null
        ? []
        : [useResponseCache<GatewayContext>(responseCache, generation, cachePolicies)]),
      useMetrics<GatewayContext>(metrics.recordOperation),
      useStalenessExtension(),
      useQueryCost<GatewayContext>(deps.maxPageSize),
      useWebSocketSubscriptions<GatewayContext>(),
      useQueryLimits<GatewayContext>(limits.plugins),
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
      early:
        responseCache === null || generation === null || deps.responseCacheEarly === false
          ? null
          : createEarlyAnswers({
              store: responseCache,
              generation,
              persistedQueries,
              schema,
              policies: cachePolicies,
              parseOptions: limits.parseOptions,
              record: metrics.recordOperation,
            }),
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
