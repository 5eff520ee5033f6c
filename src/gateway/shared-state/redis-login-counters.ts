import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import {
  memoryFailureCounter,
  memoryInFlightCounter,
  toWindowCount,
  type FailureCounter,
  type InFlightCounter,
  type LoginCounters,
} from '../login-guard/login-counters.ts';
import type { SharedRedis } from './redis-connection.ts';

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

// One more login in flight, atomically; the key outlives the window only while logins keep coming,
// so that the places of a replica that died with logins in flight come free again.
const ADD_IN_FLIGHT = `local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return n`;
// One fewer, never below 0 (the key may have expired while its logins were in flight).
const REMOVE_IN_FLIGHT = `local n = redis.call('DECR', KEYS[1])
if n <= 0 then redis.call('DEL', KEYS[1]) end
return n`;

/**
 * The login guard's counts in Redis, for the whole fleet: failures in rate-limiter-flexible's Redis
 * limiter (fixed windows, whole seconds), logins in flight in a counter with a TTL. While Redis is
 * down or slow each replica counts in its own process (the same counters as without Redis), so the
 * limits then hold per replica: a fleet of N lets up to N times as many failures through until
 * Redis is back. Every key is under the gateway's prefix and expires.
 */
export function createRedisLoginCounters(redis: SharedRedis, inFlightTtlMs: number): LoginCounters {
  return {
    shared: true,
    failures: (name, windowMs) => {
      const limiter = new RateLimiterRedis({
        storeClient: redis.client,
        useRedisPackage: true,
        keyPrefix: `${redis.keyPrefix}login:${name}`,
        points: NO_LIMIT,
        duration: Math.max(1, Math.ceil(windowMs / 1000)),
      });
      const local = memoryFailureCounter(name, windowMs);
      return {
        get: async (key) => {
          const found = await redis.attempt(() => limiter.get(key));
          return found.ok ? toWindowCount(found.value) : local.get(key);
        },
        add: async (key) => {
          // penalty() rejects with the limiter's answer only when points run out: never here.
          const added = await redis.attempt(() =>
            limiter.penalty(key).catch((error: unknown) => {
              if (error instanceof RateLimiterRes) return error;
              throw error;
            }),
          );
          if (!added.ok) await local.add(key);
        },
      } satisfies FailureCounter;
    },
    inFlight: (name) => {
      const key = (k: string) => `${redis.keyPrefix}login:${name}:${k}`;
      const local = memoryInFlightCounter();
      // Where each place was taken, so that it is given back there (Redis may come back meanwhile).
      const takenLocally = new Map<string, number>();
      return {
        add: async (k) => {
          const added = await redis.attempt((client) =>
            client.eval(ADD_IN_FLIGHT, { keys: [key(k)], arguments: [String(inFlightTtlMs)] }),
          );
          if (added.ok) return Number(added.value);
          takenLocally.set(k, (takenLocally.get(k) ?? 0) + 1);
          return local.add(k);
        },
        remove: async (k) => {
          const mine = takenLocally.get(k) ?? 0;
          if (mine > 0) {
            if (mine === 1) takenLocally.delete(k);
            else takenLocally.set(k, mine - 1);
            return local.remove(k);
          }
          await redis.attempt((client) => client.eval(REMOVE_IN_FLIGHT, { keys: [key(k)] }));
        },
      } satisfies InFlightCounter;
    },
  };
}
