import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GatewayConfig } from '../config.ts';
import type { ResponseStoreOptions } from '../graphql/response-cache.ts';
import type { LoginCounters } from '../login-guard/login-counters.ts';
import type { SharedRedis, SharedRedisOptions } from './redis-connection.ts';
import type { SharedResponseStore } from './shared-response-store.ts';

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

/**
 * Connects to `REDIS_URL` (in the background); null without it: everything stays in the process.
 * The Redis client and its adapters (some 400 modules, half of all the gateway loads) are imported
 * only when `REDIS_URL` is set: a gateway without Redis does not pay for them at every start.
 */
export async function createSharedState(
  config: Readonly<GatewayConfig>,
  log: SharedRedisOptions['log'],
): Promise<SharedState | null> {
  if (config.redisUrl === null) return null;
  const { connectSharedState } = await import('./connect-shared-state.ts');
  return connectSharedState(config.redisUrl, config, log);
}
