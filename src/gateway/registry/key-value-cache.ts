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

/** A bounded in-process LRU whose entries expire `ttlMs` after they were stored. */
export function createLruCache<V extends object>(options: {
  maxEntries: number;
  ttlMs: number;
}): KeyValueCache<V> {
  const lru = new LRUCache<string, V>({ max: options.maxEntries, ttl: options.ttlMs });
  return {
    get: (key) => lru.get(key),
    set: (key, value) => {
      lru.set(key, value);
    },
    delete: (key) => {
      lru.delete(key);
    },
    clear: () => lru.clear(),
  };
}
