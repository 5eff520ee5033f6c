import { pino, type Logger } from 'pino';
import { createGateway, gatewaySettings } from '../../src/gateway/app.ts';
import { loadGatewayConfig } from '../../src/gateway/config.ts';
import { createRegisterDependencies, type RegisterDependencies } from '../../src/gateway/dependencies.ts';
import type { ResponseStore } from '../../src/gateway/graphql/response-cache.ts';
import type { RouteHandler } from '../../src/gateway/http/graphql-handler.ts';
import type { RegisterCache } from '../../src/gateway/read-model/ttl-cache/cache-entry.ts';
import type { CallMetrics } from '../../src/gateway/ports/register-client.ts';
import type { FeedFollower } from '../../src/gateway/read-model/feed-follower.ts';
import { registerOperations } from '../../src/gateway/operations/register-operations.ts';
import { startGateway } from '../../src/gateway/server.ts';
import { basicAuth, type TestRegistry } from './start-test-registry.ts';

/** A GraphQL answer as the tests read it. */
export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; number?: string };
  }[];
  extensions?: Record<string, unknown>;
}

/** A gateway on port 0 in front of a test register; close it in afterAll. */
export interface TestGateway {
  /** The GraphQL endpoint. */
  url: string;
  /** SOAP calls to the register, by operation. */
  metrics: CallMetrics;
  /** The shared cache under the loaders. */
  cache: RegisterCache;
  /** Whole answers to repeated queries; null when switched off. */
  responseCache: ResponseStore | null;
  /** Empties the shared cache and the response cache: the next query starts cold. */
  clearCaches(): void;
  /** The circuit breaker of each register service. */
  circuitStates: RegisterDependencies['circuitStates'];
  /** The live read model's follower (live mode), null in TTL mode; waits for the choice of mode. */
  follower(): Promise<FeedFollower | null>;
  /** The live read model's follower once it has loaded the register; throws if the gateway chose TTL. */
  loadedFollower(): Promise<FeedFollower>;
  /**
   * POSTs one operation over real HTTP; `as` sends a demo identity's Basic credentials (password =
   * user name, or the one given), or a whole `Authorization` header value.
   */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: { user: string; password?: string } | { authorization: string },
  ): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** How a test gateway differs from the default one. */
export interface TestGatewayOptions {
  env?: NodeJS.ProcessEnv;
  useExtensions?: boolean;
  /** The register's CA, when the gateway talks to another server than `registry`. */
  ca?: string;
  /** Extra routes; as a function, made from the gateway's reader (the export routes need it). */
  routes?:
    | ReadonlyMap<string, RouteHandler>
    | ((reader: RegisterDependencies['reader']) => ReadonlyMap<string, RouteHandler>);
  /** The gateway's logger (a test that reads the logs); silent by default. */
  logger?: Logger;
}

/**
 * Starts a gateway against `registry`, configured as `npm run gateway` would be from `env`
 * (REGISTRY_URL and the port are set here); `useExtensions: false` hides the batch look-ups.
 */
export async function startTestGateway(
  registry: Pick<TestRegistry, 'url' | 'ca'>,
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const config = loadGatewayConfig({
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    REGISTRY_URL: registry.url,
    ...options.env,
  });
  const deps = await createRegisterDependencies(config, {
    ca: options.ca ?? registry.ca,
    ...(options.useExtensions !== undefined && { useExtensions: options.useExtensions }),
  });
  const gateway = await createGateway({
    reader: deps.reader,
    writer: deps.writer,
    logger: options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...gatewaySettings(config),
    responseCache: deps.responseCache,
    ...(deps.sharedState !== null && { persistedQueries: deps.sharedState.persistedQueries }),
    changes: deps.changes,
    operations: registerOperations(deps),
    ...(options.routes !== undefined && {
      routes: typeof options.routes === 'function' ? options.routes(deps.reader) : options.routes,
    }),
  });
  const running = await startGateway(gateway, { host: config.host, port: config.port });
  return {
    url: running.url,
    metrics: deps.client.metrics,
    cache: deps.cache,
    responseCache: deps.responseCache,
    clearCaches: () => {
      deps.cache.clear();
      deps.responseCache?.clear();
    },
    circuitStates: deps.circuitStates,
    follower: async () => {
      await deps.reader.selected();
      return deps.follower();
    },
    loadedFollower: async () => {
      await deps.reader.selected();
      const follower = deps.follower();
      if (follower === null) throw new Error('the gateway chose the TTL cache, not the live read model');
      await follower.loaded();
      return follower;
    },
    async query(query, variables, as) {
      const authorization =
        as === undefined
          ? undefined
          : 'authorization' in as
            ? as.authorization
            : basicAuth(as.user, as.password ?? as.user);
      const response = await fetch(running.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization !== undefined && { authorization }),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphqlResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as GraphqlResponse<never>;
    },
    close: async () => {
      await running.close();
      deps.close();
    },
  };
}
