import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GatewayConfig } from '../config.ts';
import type { SharedState } from './create-shared-state.ts';
import { createSharedRedis, type SharedRedisOptions } from './redis-connection.ts';
import { createRedisKeyValueCache, FallbackKeyValueCache } from './redis-key-value-cache.ts';
import { createRedisLoginCounters } from './redis-login-counters.ts';
import { SharedResponseStore } from './shared-response-store.ts';

/** The shared state in Redis at `url`, each part with its in-process fallback; connects in the background. */
export function connectSharedState(
  url: string,
  config: Readonly<GatewayConfig>,
  log: SharedRedisOptions['log'],
): SharedState {
  const redis = createSharedRedis({
    url,
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
