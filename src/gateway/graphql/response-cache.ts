import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import type { DocumentCachePolicies } from './cache-policy.ts';
import type { GatewayContext } from './context.ts';

/** What the plugin reads of a request's context. */
type WithStaleness = BaseContext & Pick<GatewayContext, 'staleness'>;

/** How the whole-response store is bounded. */
export interface ResponseStoreOptions {
  /** Its size as Apollo's LRU counts it: characters of stored JSON (about bytes). */
  maxBytes: number;
  /**
   * The shared cache's TTL: an answer is kept no longer than the oldest record it was made from
   * would be, and never longer than this, whatever its `@cacheControl` maxAge.
   */
  ttlMs: number;
}

/** What an entry costs the LRU besides its key and value, roughly, in the same units. */
const ENTRY_OVERHEAD = 200;

/** Counts of the response store's look-ups since start, for /metrics. */
export interface ResponseStoreStats {
  hits: number;
  misses: number;
}

/**
 * Where whole answers are kept: a bounded in-process LRU (Apollo's own) that stores each answer for
 * the shorter of its hint's maxAge and the TTL cap.
 */
export class ResponseStore implements KeyValueCache<string> {
  readonly stats: ResponseStoreStats = { hits: 0, misses: 0 };
  readonly ttlMs: number;
  readonly #inner: InMemoryLRUCache<string>;

  constructor(options: ResponseStoreOptions) {
    this.#inner = new InMemoryLRUCache<string>({
      maxSize: options.maxBytes,
      // Keys (a 64-character hash behind a prefix) and the LRU's own bookkeeping count too, so that
      // many small answers (`{ institution: null }` for made-up numbers) cannot outgrow the bound.
      sizeCalculation: (value: string, key: string) => value.length + key.length + ENTRY_OVERHEAD,
    });
    this.ttlMs = options.ttlMs;
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.#inner.get(key);
    if (value === undefined) this.stats.misses += 1;
    else this.stats.hits += 1;
    return value;
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    // The plugin's ttl is the answer's maxAge in seconds, never 0 for what it stores.
    const ttl = Math.min(options?.ttl ?? Infinity, this.ttlMs / 1000);
    return this.#inner.set(key, value, { ttl });
  }

  delete(key: string): Promise<boolean | void> {
    return this.#inner.delete(key);
  }

  /** Forgets every answer (a benchmark's or a test's cold start). */
  clear(): void {
    this.#inner.clear();
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
 * LRU lets them go), including one that was still being computed when the write committed. Writes
 * through another gateway instance or straight at the register are seen when the TTL runs out.
 */
export function responseCachePlugin<TContext extends WithStaleness>(
  store: ResponseStore,
  source: { writeGeneration(): number },
  policies: DocumentCachePolicies,
): ApolloServerPlugin<TContext> {
  return ApolloServerPluginResponseCache<TContext>({
    cache: store,
    shouldReadFromCache: async ({ schema, document }) =>
      document !== undefined && policies(schema, document).maxAge > 0,
    extraCacheKeyData: async () => source.writeGeneration(),
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
