import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GatewayConfig } from '../config.ts';
import type { ResponseStoreOptions } from '../graphql/response-cache.ts';
import type { LoginCounters } from '../login-guard/login-counters.ts';
import { createSharedRedis, type SharedRedis, type SharedRedisOptions } from './redis-connection.ts';
import { createRedisKeyValueCache, FallbackKeyValueCache } from './redis-key-value-cache.ts';
import { createRedisLoginCounters } from './redis-login-counters.ts';
import { SharedResponseStore } from './shared-response-store.ts';

/** What the replicas of a gateway share through Redis, each part with its in-process fallback. */
export interface SharedState {
  redis: SharedRedis;
  /** Apollo's APQ store (persisted query hash → text). */
  persistedQueries: KeyValueCache<string>;
  /** The response cache's store, keyed by the reader's write generation as the plugin is. */
  responseStore(options: ResponseStoreOptions, generation: () => number | string): SharedResponseStore;
  /** The login guard's counts for the whole fleet. */
  loginCounters: LoginCounters;
  /** For /readyz's body: where the shared state lives now. Never makes the gateway unready. */
  readinessCheck(): string;
  /** For /metrics. */
  gauges: Readonly<Record<string, { help: string; read: () => number }>>;
  counters: Readonly<Record<string, { help: string; read: () => number }>>;
  close(): void;
}

/** Connects to `REDIS_URL` (in the background); null without it: everything stays in the process. */
export function createSharedState(
  config: Readonly<GatewayConfig>,
  log: SharedRedisOptions['log'],
): SharedState | null {
  if (config.redisUrl === null) return null;
  const redis = createSharedRedis({
    url: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    commandTimeoutMs: config.redisCommandTimeoutMs,
    retryAfterMs: config.redisRetryAfterMs,
    log,
  });
  const shared = createRedisKeyValueCache(redis);
  return {
    redis,
    persistedQueries: new FallbackKeyValueCache({
      redis,
      shared,
      local: new InMemoryLRUCache<string>(),
      maxTtlMs: config.redisMaxKeyTtlMs,
    }),
    // A place in flight outlives a login's longest wait for the register (and so a replica that died).
    loginCounters: createRedisLoginCounters(
      redis,
      Math.max(config.loginFailureWindowMs, 2 * config.soapTimeoutMs),
    ),
    responseStore: (options, generation) =>
      new SharedResponseStore({ ...options, redis, shared, generation }),
    readinessCheck: () => {
      const report = redis.report();
      if (report.state === 'up') return 'redis';
      if (report.state === 'starting') return 'in-process (connecting to Redis)';
      const since = report.downSinceMs === null ? '' : ` since ${new Date(report.downSinceMs).toISOString()}`;
      return `in-process (Redis unavailable${since})`;
    },
    gauges: {
      gateway_redis_up: {
        help: 'Whether the shared state is in Redis now (1) or in the process because Redis is down or slow (0)',
        read: () => (redis.report().state === 'up' ? 1 : 0),
      },
    },
    counters: {
      gateway_redis_fallbacks_total: {
        help: 'Shared-state operations answered in the process because Redis was down or slow',
        read: () => redis.report().fallbacks,
      },
      gateway_redis_outages_total: {
        help: 'Times Redis stopped answering and the gateway fell back to its in-process stores',
        read: () => redis.report().outages,
      },
    },
    close: () => redis.close(),
  };
}
