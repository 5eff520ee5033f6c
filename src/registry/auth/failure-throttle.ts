import { LRUCache } from 'lru-cache';

/**
 * Slows down password guessing: after `maxFailures` failed logins from one client address within
 * `windowMs`, that address is refused (HTTP 429) until the window has passed. Bounded memory.
 */
export interface FailureThrottle {
  /** Milliseconds until the client may try again, or 0 when it may try now. */
  blockedForMs(client: string): number;
  recordFailure(client: string): void;
  recordSuccess(client: string): void;
}

/** A throttle kept in a bounded in-process LRU (one register process). */
export function createFailureThrottle(options: {
  maxFailures: number;
  windowMs: number;
  maxClients?: number;
}): FailureThrottle {
  const failures = new LRUCache<string, { count: number; since: number }>({
    max: options.maxClients ?? 10_000,
    ttl: options.windowMs,
  });
  return {
    blockedForMs(client) {
      const entry = failures.get(client);
      if (entry === undefined || entry.count < options.maxFailures) return 0;
      return Math.max(0, entry.since + options.windowMs - Date.now());
    },
    recordFailure(client) {
      const entry = failures.get(client);
      if (entry === undefined) failures.set(client, { count: 1, since: Date.now() });
      // Keep the window's start, so a blocked client is let in again when it ends.
      else
        failures.set(
          client,
          { count: entry.count + 1, since: entry.since },
          { ttl: Math.max(1, entry.since + options.windowMs - Date.now()) },
        );
    },
    recordSuccess(client) {
      failures.delete(client);
    },
  };
}
