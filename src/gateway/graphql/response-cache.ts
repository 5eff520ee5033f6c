import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { LRUCache } from 'lru-cache';
import type { DocumentCachePolicies } from './cache-policy.ts';
import type { GatewayContext } from './context.ts';

/** What the plugin reads of a request's context. */
type WithStaleness = BaseContext & Pick<GatewayContext, 'staleness'>;

/** How the whole-response store is bounded. */
export interface ResponseStoreOptions {
  /** Its size, counted in characters of stored JSON (about bytes), keys and overhead included. */
  maxBytes: number;
  /**
   * The shared cache's TTL: an answer is kept no longer than the oldest record it was made from
   * would be, and never longer than this, whatever its `@cacheControl` maxAge.
   */
  ttlMs: number;
}

/** What an entry costs the LRU besides its key and value, roughly, in the same units. */
const ENTRY_OVERHEAD = 200;

/** The response store's look-ups since start and what it holds now, for /metrics. */
export interface ResponseStoreReport {
  hits: number;
  misses: number;
  entries: number;
  /** In the units of `maxBytes`. */
  size: number;
}

/**
 * Where whole answers are kept: a bounded in-process LRU (lru-cache, behind the small interface
 * Apollo's plugin takes) that stores each answer for the shorter of its hint's maxAge and the TTL.
 */
export class ResponseStore implements KeyValueCache<string> {
  readonly #stats = { hits: 0, misses: 0 };
  readonly ttlMs: number;
  readonly #lru: LRUCache<string, string>;

  constructor(options: ResponseStoreOptions) {
    this.#lru = new LRUCache<string, string>({
      maxSize: options.maxBytes,
      // Keys (a 64-character hash behind a prefix) and the LRU's own bookkeeping count too, so that
      // many small answers (`{ institution: null }` for made-up numbers) cannot outgrow the bound.
      sizeCalculation: (value, key) => value.length + key.length + ENTRY_OVERHEAD,
    });
    this.ttlMs = options.ttlMs;
  }

  async get(key: string): Promise<string | undefined> {
    const value = this.#lru.get(key);
    if (value === undefined) this.#stats.misses += 1;
    else this.#stats.hits += 1;
    return value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    // The plugin's ttl is the answer's maxAge in seconds, never 0 for what it stores.
    const ttlSeconds = Math.min(options?.ttl ?? Infinity, this.ttlMs / 1000);
    this.#lru.set(key, value, { ttl: ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<boolean> {
    return this.#lru.delete(key);
  }

  /** Forgets every answer: after a write, or at a benchmark's or a test's cold start. */
  clear(): void {
    this.#lru.clear();
  }

  report(): ResponseStoreReport {
    return { ...this.#stats, entries: this.#lru.size, size: this.#lru.calculatedSize };
  }
}

/**
 * Whole answers to queries, keyed by query text, operation name and variables (Apollo's response
 * cache plugin): a repeated query is answered without executing it. Only what the schema's
 * `@cacheControl` hints make cacheable is stored (never a mutation, an answer with errors, or one
 * of `PRIVATE` scope). A query that could never be stored (its hints give maxAge 0, as for
 * `{ __typename }`) is not looked up either: no key to hash, no miss to count.
 *
 * An answer is kept until the oldest register data it was made from leaves the shared cache's TTL
 * (the request's recorder knows when that was read), so a stored answer is never older than the
 * cache below it would serve. An answer that used expired records because the register failed
 * (stale-if-error) is not stored, so that the next request asks the register again.
 *
 * A write through this gateway that committed or may have (its outcome unknown) advances
 * `writeGeneration`, which is part of every key: answers made before it are never found again (the
 * next request drops them), including one that was still being computed when the write committed.
 * Writes through another gateway instance or straight at the register show when the TTL runs out.
 */
export function responseCachePlugin<TContext extends WithStaleness>(
  store: ResponseStore,
  source: { writeGeneration(): number | string },
  policies: DocumentCachePolicies,
): ApolloServerPlugin<TContext> {
  let seenGeneration = source.writeGeneration();
  return ApolloServerPluginResponseCache<TContext>({
    cache: store,
    shouldReadFromCache: async ({ schema, document }) =>
      document !== undefined && policies(schema, document).maxAge > 0,
    extraCacheKeyData: async () => {
      const generation = source.writeGeneration();
      // Answers of an older generation can never be found again: let them go at once rather than
      // leave them for the LRU to push out.
      if (generation !== seenGeneration) {
        seenGeneration = generation;
        store.clear();
      }
      return generation;
    },
    shouldWriteToCache: async ({ contextValue, overallCachePolicy }) => {
      const served = contextValue.staleness;
      if (served.report().stale) return false;
      const oldest = served.oldestReadAtMs();
      if (oldest === null) return true;
      const freshForSeconds = (oldest + store.ttlMs - Date.now()) / 1000;
      if (freshForSeconds <= 0) return false;
      // The plugin stores for the policy's maxAge, read right after this hook returns; the
      // Cache-Control header was set from the schema's hints before and keeps them.
      overallCachePolicy.restrict({ maxAge: freshForSeconds });
      return true;
    },
  });
}
