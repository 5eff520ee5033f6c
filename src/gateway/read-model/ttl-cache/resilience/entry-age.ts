import { isAppError } from '../../../errors.ts';
import type { CacheEntry } from '../cache-entry.ts';

/** How long a cached answer is fresh, and how long past that it may still stand in for the register. */
export interface FreshnessPolicy {
  ttlMs: number;
  /** 0: an expired answer is never served. */
  staleIfErrorMs: number;
  now?: () => number;
}

/**
 * A cache entry with the time it was read from the register. The time travels inside the entry, so
 * that a shared store (Redis) keeps it too; the store's own TTL must be `ttlMs + staleIfErrorMs`.
 */
type StampedEntry = CacheEntry & { storedAtMs?: number };

/** Stamps, and judges the age of, cache entries. */
export interface EntryAge {
  /** The entry with the time it was read. */
  stamp(entry: CacheEntry): CacheEntry;
  /** Whether an entry is within its TTL (an unstamped one is: the store's TTL alone governs it). */
  isFresh(entry: CacheEntry): boolean;
  /** The entry's age if it may stand in for the register after `error`; null if it may not. */
  staleAge(entry: CacheEntry, error: unknown): number | null;
  /** When the entry was read from the register (epoch ms); null for an unstamped one. */
  readAt(entry: CacheEntry): number | null;
}

/**
 * Only a register that did not answer is stood in for: a SOAP fault or a refused request is an
 * answer about the request, which older data would hide.
 */
const isOutage = (error: unknown): boolean =>
  isAppError(error) && (error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_TIMEOUT');

const storedAt = (entry: StampedEntry): number | null =>
  typeof entry.storedAtMs === 'number' ? entry.storedAtMs : null;

/** Entry ages under a freshness policy. */
export function createEntryAge(policy: FreshnessPolicy): EntryAge {
  const now = policy.now ?? Date.now;
  return {
    stamp: (entry) => ({ ...entry, storedAtMs: now() }),
    isFresh(entry) {
      const at = storedAt(entry);
      return at === null || now() - at < policy.ttlMs;
    },
    staleAge(entry, error) {
      const at = storedAt(entry);
      if (at === null || !isOutage(error)) return null;
      const age = now() - at;
      return age <= policy.ttlMs + policy.staleIfErrorMs ? age : null;
    },
    readAt: storedAt,
  };
}

/** Every entry fresh, none stood in for: the store's TTL alone decides (no freshness policy given). */
export const STORE_TTL_ONLY: EntryAge = {
  stamp: (entry) => entry,
  isFresh: () => true,
  staleAge: () => null,
  readAt: () => null,
};
