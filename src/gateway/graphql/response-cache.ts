import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { LRUCache } from 'lru-cache';

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

  /**
   * The answer under `key` without counting a look-up: the HTTP layer's early look-up
   * (http/early-answer.ts), which counts a hit itself when it serves one and leaves a miss to be
   * counted by the plugin's look-up that follows in Apollo's pipeline.
   */
  async peek(key: string): Promise<string | undefined> {
    return this.#lru.get(key);
  }

  /** Counts a hit found by peek() and served. */
  countHit(): void {
    this.#stats.hits += 1;
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
