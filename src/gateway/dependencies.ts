import type { GatewayConfig } from './config.ts';
import { ResponseStore } from './graphql/response-cache.ts';
import type { RegisterCache } from './read-model/ttl-cache/cache-entry.ts';
import { createCachedReader } from './read-model/ttl-cache/cached-reader.ts';
import type { ChangeSource } from './ports/change-source.ts';
import { createChangeSource } from './read-model/change-source.ts';
import { createFeedFollower, type FeedFollower } from './read-model/feed-follower.ts';
import { createLiveReader } from './read-model/live-reader.ts';
import { createSelectingReader, type SelectingReader } from './read-model/select-reader.ts';
import { FailedLoginGuard } from './login-guard/failed-logins.ts';
import { createLruCache, type CacheStats } from './read-model/ttl-cache/key-value-cache.ts';
import {
  createSoapRegisterClient,
  type SoapRegisterClient,
} from './soap-client/create-soap-register-client.ts';
import {
  createSoapRegisterWriter,
  type SoapRegisterWriter,
} from './soap-client/create-soap-register-writer.ts';
import type { CircuitState } from './ports/circuit-state.ts';
import { createSharedState, type SharedState } from './shared-state/create-shared-state.ts';

/** The long-lived pieces between the gateway and the register: its clients and the shared caches. */
export interface RegisterDependencies {
  client: SoapRegisterClient;
  cache: RegisterCache;
  /** The shared cache's hits, misses and evictions since start. */
  cacheStats: Readonly<CacheStats>;
  /** Whole answers to repeated queries; null when RESPONSE_CACHE_MAX_BYTES is 0. */
  responseCache: ResponseStore | null;
  /** The TTL cache or the live read model, chosen from the register's WSDL at start. */
  reader: SelectingReader;
  /** The live model's follower once the live mode is chosen; null before, and in TTL mode. */
  follower(): FeedFollower | null;
  /** The register's changes (live mode only; NOT_FOUND otherwise). */
  changes: ChangeSource;
  writer: SoapRegisterWriter;
  /** What replicas share through Redis (APQ, answers); null without REDIS_URL. */
  sharedState: SharedState | null;
  /** The circuit breaker of each register service, for /readyz and metrics. */
  circuitStates(): { export: CircuitState; import: CircuitState };
  /** Releases the sockets of both clients (and Redis's). */
  close(): void;
}

/** Where the dependencies report what they choose and find (the gateway's logger). */
export type DependencyLog = (
  level: 'info' | 'warn',
  fields: Record<string, unknown>,
  message: string,
) => void;

/** Builds the register clients, the shared cache and the reader from the configuration. */
export async function createRegisterDependencies(
  config: Readonly<GatewayConfig>,
  options: { ca: string | null; useExtensions?: boolean; log?: DependencyLog },
): Promise<RegisterDependencies> {
  const sharedState = await createSharedState(config, options.log ?? (() => {}));
  const credentials = { userName: config.registryUsername, password: config.registryPassword };
  const client = createSoapRegisterClient({
    exportServiceUrl: config.exportServiceUrl,
    ca: options.ca,
    credentials,
    timeoutMs: config.soapTimeoutMs,
    resilience: {
      retry: { retries: config.soapReadRetries, baseDelayMs: config.soapRetryBaseDelayMs },
      breakerFailureThreshold: config.breakerFailureThreshold,
      breakerCoolDownMs: config.breakerCoolDownMs,
      maxConcurrentCalls: config.soapMaxConcurrentCalls,
    },
    ...(options.useExtensions !== undefined && { useExtensions: options.useExtensions }),
  });
  const writer = createSoapRegisterWriter({
    importServiceUrl: config.importServiceUrl,
    ca: options.ca,
    wsdlCredentials: credentials,
    timeoutMs: config.soapTimeoutMs,
    metrics: client.metrics,
    failedLogins: new FailedLoginGuard(
      {
        perUser: config.loginFailuresPerUser,
        perGateway: config.loginFailuresPerGateway,
        windowMs: config.loginFailureWindowMs,
      },
      sharedState?.loginCounters,
    ),
    resilience: {
      breakerFailureThreshold: config.breakerFailureThreshold,
      breakerCoolDownMs: config.breakerCoolDownMs,
      maxConcurrentCalls: config.soapMaxConcurrentCalls,
    },
  });
  // Both caches are shared by every caller: the register's data is public and read with the gateway's
  // own read identity, so one caller's answer may serve another. Never put caller-specific data in
  // them (anything read with a caller's own credentials, or filtered by who asks) without adding the
  // caller's identity to their keys (for answers: the response cache plugin's `sessionId`).
  // Kept past their TTL for stale-if-error; the reader judges freshness by each entry's own stamp.
  const cacheStats: CacheStats = { hits: 0, misses: 0, evictions: 0 };
  const cache: RegisterCache = createLruCache({
    maxEntries: config.cacheMaxEntries,
    ttlMs: config.cacheTtlMs + config.cacheStaleIfErrorMs,
    stats: cacheStats,
  });
  const responseStoreOptions = { maxBytes: config.responseCacheMaxBytes, ttlMs: config.cacheTtlMs };
  const responseCache =
    config.responseCacheMaxBytes === 0
      ? null
      : (sharedState?.responseStore(responseStoreOptions, () => reader.writeGeneration()) ??
        new ResponseStore(responseStoreOptions));
  const ttl = createCachedReader(client, cache, {
    ttlMs: config.cacheTtlMs,
    staleIfErrorMs: config.cacheStaleIfErrorMs,
  });
  let follower: FeedFollower | null = null;
  const reader = createSelectingReader({
    detect: async () =>
      config.changeFeed !== 'off' && options.useExtensions !== false && (await client.offersChangeFeed())
        ? 'live'
        : 'ttl',
    ttl,
    live: () => {
      follower = createFeedFollower(client, {
        pollIntervalMs: config.changeFeedPollIntervalMs,
        ...(options.log !== undefined && { log: options.log }),
      });
      return createLiveReader({ follower, client, codes: ttl, catchUpTimeoutMs: config.soapTimeoutMs });
    },
    retryDelayMs: Math.min(config.breakerCoolDownMs, 5000),
    onSelected: (mode) =>
      options.log?.(
        'info',
        { mode },
        mode === 'live' ? 'read model: live (change feed)' : 'read model: TTL cache',
      ),
  });
  return {
    client,
    cache,
    cacheStats,
    responseCache,
    reader,
    follower: () => follower,
    changes: createChangeSource(client, () => follower),
    writer,
    sharedState,
    circuitStates: () => ({ export: client.circuitState(), import: writer.circuitState() }),
    close: () => {
      reader.stop();
      follower?.stop();
      client.close();
      writer.close();
      sharedState?.close();
    },
  };
}
