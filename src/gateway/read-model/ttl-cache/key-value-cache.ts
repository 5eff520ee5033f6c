import { LRUCache } from 'lru-cache';

/**
 * The shared cache's small interface (get/set/delete), so that a shared store such as Redis can
 * replace the in-process LRU without touching its users.
 */
export interface KeyValueCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  clear(): void;
}

/** Counts of the shared cache's look-ups and capacity evictions since start, for /metrics. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries pushed out to make room (not expired, deleted or replaced ones). */
  evictions: number;
}

/** A bounded in-process LRU whose entries expire `ttlMs` after they were stored. */
export function createLruCache<V extends object>(options: {
  maxEntries: number;
  ttlMs: number;
  /** Counted into as the cache is used; omitted: not counted. */
  stats?: CacheStats;
}): KeyValueCache<V> {
  const stats = options.stats;
  const lru = new LRUCache<string, V>({
    max: options.maxEntries,
    ttl: options.ttlMs,
    ...(stats !== undefined && {
      disposeAfter: (_value: V, _key: string, reason: LRUCache.DisposeReason) => {
        if (reason === 'evict') stats.evictions += 1;
      },
    }),
  });
  return {
    get: (key) => {
      const value = lru.get(key);
      if (stats !== undefined) {
        if (value === undefined) stats.misses += 1;
        else stats.hits += 1;
      }
      return value;
    },
    set: (key, value) => {
      lru.set(key, value);
    },
    delete: (key) => {
      lru.delete(key);
    },
    clear: () => lru.clear(),
  };
}
