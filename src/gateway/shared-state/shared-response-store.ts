import { randomUUID } from 'node:crypto';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import {
  ResponseStore,
  type ResponseStoreOptions,
  type ResponseStoreReport,
} from '../graphql/response-cache.ts';
import type { SharedRedis } from './redis-connection.ts';

/**
 * The response cache's store in Redis, so that an answer one replica computed serves them all.
 * While Redis is down or slow the in-process LRU it extends answers and stores instead (its
 * `maxBytes` bound holds there); when Redis is back, Redis answers again and what was stored in the
 * process during the outage is left to expire. `clear()` (a new write generation) empties only the
 * in-process part: the generation is part of every key, so older answers in Redis are never found
 * again and expire by their TTL, at most the shared cache's.
 *
 * Generations are the same on every replica in live mode (`live:<loads>:<sequence>`: the register's
 * own change sequence), so replicas share answers made from the same model state. In TTL mode a
 * generation counts this process's own writes: from its first write on, a replica keeps its
 * answers under a key of its own, so that it never reads another replica's answer made before its
 * write (read-your-writes); until then all replicas share, as their TTL caches allow.
 */
export class SharedResponseStore extends ResponseStore {
  readonly #redis: SharedRedis;
  readonly #shared: KeyValueCache<string>;
  readonly #generation: () => number | string;
  readonly #instance = randomUUID();
  readonly #stats = { hits: 0, misses: 0 };

  constructor(
    options: ResponseStoreOptions & {
      redis: SharedRedis;
      shared: KeyValueCache<string>;
      /** The reader's write generation (the plugin keys answers by it too). */
      generation: () => number | string;
    },
  ) {
    super(options);
    this.#redis = options.redis;
    this.#shared = options.shared;
    this.#generation = options.generation;
  }

  #key(key: string): string {
    const generation = this.#generation();
    return typeof generation === 'number' && generation > 0 ? `${this.#instance}:${key}` : key;
  }

  override async get(key: string): Promise<string | undefined> {
    const found = await this.#redis.attempt(() => this.#shared.get(this.#key(key)));
    if (!found.ok) return super.get(key);
    if (found.value === undefined) this.#stats.misses += 1;
    else this.#stats.hits += 1;
    return found.value;
  }

  /** As get(), uncounted (the HTTP layer's early look-up; see ResponseStore.peek). */
  override async peek(key: string): Promise<string | undefined> {
    const found = await this.#redis.attempt(() => this.#shared.get(this.#key(key)));
    return found.ok ? found.value : super.peek(key);
  }

  override async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    // Whole seconds (Redis takes whole milliseconds); under a second is not worth a round trip.
    const ttl = Math.floor(Math.min(options?.ttl ?? Infinity, this.ttlMs / 1000));
    if (ttl < 1) return;
    const stored = await this.#redis.attempt(() => this.#shared.set(this.#key(key), value, { ttl }));
    if (!stored.ok) await super.set(key, value, { ttl });
  }

  override async delete(key: string): Promise<boolean> {
    const deleted = await this.#redis.attempt(() => this.#shared.delete(this.#key(key)));
    const local = await super.delete(key);
    return (deleted.ok && deleted.value === true) || local;
  }

  /** Hits and misses of both places; entries and size of the in-process part only. */
  override report(): ResponseStoreReport {
    const local = super.report();
    return { ...local, hits: local.hits + this.#stats.hits, misses: local.misses + this.#stats.misses };
  }
}
