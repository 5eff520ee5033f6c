import KeyvRedis from '@keyv/redis';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Keyv } from 'keyv';
import type { SharedRedis } from './redis-connection.ts';

/**
 * Apollo's KeyValueCache over Redis: Apollo's own Keyv adapter over @keyv/redis on the gateway's
 * one client, every key under the gateway's prefix. It throws on a Redis failure (the fallback
 * below decides what to do); on its own it would answer "not found" and hide the outage.
 */
export function createRedisKeyValueCache(redis: SharedRedis): KeyValueCache<string> {
  const namespace = redis.keyPrefix.slice(0, -1);
  const store = new KeyvRedis<string>(redis.client, {
    namespace,
    keyPrefixSeparator: ':',
    throwOnErrors: true,
    throwOnConnectError: true,
  });
  const keyv = new Keyv<string>({ store, namespace, useKeyPrefix: false, throwOnErrors: true });
  // Errors reach the caller as rejections; the events would only repeat them.
  store.on('error', () => {});
  keyv.on('error', () => {});
  // The adapter's types name keyv's CommonJS build, ours its ESM build: the same class.
  return new KeyvAdapter<string>(keyv as unknown as ConstructorParameters<typeof KeyvAdapter<string>>[0]);
}

/**
 * A KeyValueCache in Redis that never fails a request because of Redis: while Redis is down or
 * slow, `local` (in the process) answers and stores instead. A key missing in Redis is looked up
 * in `local` too, so that what was stored there during an outage (a persisted query) is still
 * found when Redis is back. Every key gets a TTL in whole seconds, at most `maxTtlMs`.
 */
export class FallbackKeyValueCache implements KeyValueCache<string> {
  readonly #redis: SharedRedis;
  readonly #shared: KeyValueCache<string>;
  readonly #local: KeyValueCache<string>;
  readonly #maxTtlSeconds: number;

  constructor(options: {
    redis: SharedRedis;
    shared: KeyValueCache<string>;
    local: KeyValueCache<string>;
    maxTtlMs: number;
  }) {
    this.#redis = options.redis;
    this.#shared = options.shared;
    this.#local = options.local;
    this.#maxTtlSeconds = options.maxTtlMs / 1000;
  }

  async get(key: string): Promise<string | undefined> {
    const found = await this.#redis.attempt(() => this.#shared.get(key));
    if (found.ok && found.value !== undefined) return found.value;
    return this.#local.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    // Whole seconds: Redis takes whole milliseconds, and the adapter multiplies seconds by 1000. An
    // entry due to expire within a second is not worth storing (and a ttl of 0 would mean none).
    const ttl = Math.floor(Math.min(options?.ttl ?? this.#maxTtlSeconds, this.#maxTtlSeconds));
    if (ttl < 1) return;
    const stored = await this.#redis.attempt(() => this.#shared.set(key, value, { ttl }));
    if (!stored.ok) await this.#local.set(key, value, { ttl });
  }

  async delete(key: string): Promise<boolean> {
    const deleted = await this.#redis.attempt(() => this.#shared.delete(key));
    const local = (await this.#local.delete(key)) === true;
    return (deleted.ok && deleted.value === true) || local;
  }
}
