import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import { describe, expect, it } from 'vitest';
import type { RedisAttempt, SharedRedis, SharedRedisReport } from './redis-connection.ts';
import { FallbackKeyValueCache } from './redis-key-value-cache.ts';
import { SharedResponseStore } from './shared-response-store.ts';

/** A SharedRedis whose availability the test switches; the "Redis" behind it is an in-memory cache. */
const fakeRedis = () => {
  const state = { up: true };
  const report: SharedRedisReport = { state: 'up', downSinceMs: null, fallbacks: 0, outages: 0 };
  const redis: SharedRedis = {
    client: undefined as never,
    keyPrefix: 'test:',
    async attempt<T>(operation: (client: SharedRedis['client']) => Promise<T>): Promise<RedisAttempt<T>> {
      if (!state.up) {
        report.fallbacks += 1;
        return { ok: false };
      }
      return { ok: true, value: await operation(redis.client) };
    },
    report: () => report,
    close: () => {},
  };
  return { redis, state };
};

/** A KeyValueCache that records the TTLs it was given. */
const recording = () => {
  const inner = new InMemoryLRUCache<string>();
  const ttls: (number | null | undefined)[] = [];
  const cache: KeyValueCache<string> & { ttls: typeof ttls; keys: string[] } = {
    ttls,
    keys: [],
    get: (key) => inner.get(key),
    set: async (key, value, options?: KeyValueCacheSetOptions) => {
      ttls.push(options?.ttl);
      cache.keys.push(key);
      await inner.set(key, value, options);
    },
    delete: (key) => inner.delete(key),
  };
  return cache;
};

/** A FallbackKeyValueCache over a switchable Redis, its shared side recorded, capped at a minute. */
const fallbackCache = () => {
  const { redis, state } = fakeRedis();
  const shared = recording();
  const cache = new FallbackKeyValueCache({ redis, shared, local: new InMemoryLRUCache(), maxTtlMs: 60_000 });
  return { cache, shared, redis, state };
};

describe('FallbackKeyValueCache', () => {
  it('gives every key a TTL in whole seconds, at most the cap, and stores nothing due within a second', async () => {
    const { cache, shared } = fallbackCache();
    await cache.set('none', 'v');
    await cache.set('long', 'v', { ttl: 3600 });
    await cache.set('fraction', 'v', { ttl: 12.7 });
    await cache.set('soon', 'v', { ttl: 0.4 });
    expect(shared.ttls).toEqual([60, 60, 12]);
    expect(await cache.get('soon')).toBeUndefined();
  });

  it('stores and answers in the process while Redis is down, and still finds that when it is back', async () => {
    const { cache, shared, redis, state } = fallbackCache();
    await cache.set('before', 'in redis');
    state.up = false;
    expect(await cache.get('before')).toBeUndefined();
    await cache.set('during', 'in the process');
    expect(await cache.get('during')).toBe('in the process');
    expect(shared.keys).toEqual(['before']);
    state.up = true;
    expect(await cache.get('before')).toBe('in redis');
    expect(await cache.get('during')).toBe('in the process');
    expect(redis.report().fallbacks).toBe(3);
  });
});

describe('SharedResponseStore', () => {
  const store = (generation: { value: number | string }) => {
    const { redis, state } = fakeRedis();
    const shared = recording();
    const responses = new SharedResponseStore({
      maxBytes: 1_000_000,
      ttlMs: 30_000,
      redis,
      shared,
      generation: () => generation.value,
    });
    return { responses, shared, state };
  };

  it('shares answers across replicas until a TTL-mode replica writes, then keeps its own', async () => {
    const generation = { value: 0 as number | string };
    const a = store(generation);
    await a.responses.set('fqc:k', 'answer', { ttl: 300 });
    // Capped at the shared cache's TTL.
    expect(a.shared.ttls).toEqual([30]);
    expect(a.shared.keys).toEqual(['fqc:k']);
    generation.value = 1;
    await a.responses.set('fqc:k2', 'after my write', { ttl: 10 });
    expect(a.shared.keys[1]).toMatch(/^[0-9a-f-]{36}:fqc:k2$/);
    // Live mode's generations (the register's sequence) are the same on every replica: shared.
    generation.value = 'live:1:42';
    await a.responses.set('fqc:k3', 'live', { ttl: 10 });
    expect(a.shared.keys[2]).toBe('fqc:k3');
  });

  it('falls back to its in-process LRU while Redis is down, counting hits and misses of both', async () => {
    const s = store({ value: 'live:1:1' });
    await s.responses.set('k', 'in redis', { ttl: 10 });
    expect(await s.responses.get('k')).toBe('in redis');
    s.state.up = false;
    expect(await s.responses.get('k')).toBeUndefined();
    await s.responses.set('k', 'local', { ttl: 10 });
    expect(await s.responses.get('k')).toBe('local');
    expect(s.responses.report()).toMatchObject({ hits: 2, misses: 1, entries: 1 });
    // A new generation empties only the process's part.
    s.responses.clear();
    expect(await s.responses.get('k')).toBeUndefined();
    s.state.up = true;
    expect(await s.responses.get('k')).toBe('in redis');
  });
});
