import { describe, expect, it } from 'vitest';
import { createLruCache, type CacheStats } from './key-value-cache.ts';

describe('createLruCache stats', () => {
  it('counts hits, misses and capacity evictions', () => {
    const stats: CacheStats = { hits: 0, misses: 0, evictions: 0 };
    const cache = createLruCache<{ n: number }>({ maxEntries: 2, ttlMs: 60_000, stats });
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', { n: 1 });
    expect(cache.get('a')).toEqual({ n: 1 });
    cache.set('b', { n: 2 });
    cache.set('c', { n: 3 });
    cache.delete('b');
    expect(stats).toEqual({ hits: 1, misses: 1, evictions: 1 });
  });
});
