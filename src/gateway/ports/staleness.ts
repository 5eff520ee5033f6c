/** What one request was served from the cache past its TTL, because the register failed. */
export interface StalenessReport {
  stale: boolean;
  /** The age of the oldest stale answer served, in ms since it was read from the register; 0 if none. */
  maxAgeMs: number;
  /** The live read model's change sequence, when it served while it could not reach the register. */
  sequence?: number;
}

/**
 * A per-request note of how old the register data it was served is (owned by the request's
 * context, never shared): the stale answers, and when the oldest answer was read from the register.
 */
export interface StalenessRecorder {
  /** Notes that the cached answer under `key` was served `ageMs` after it was read. */
  markStale(key: string, ageMs: number): void;
  /**
   * Notes that the live read model served while its feed failed: it is at change `sequence`, which
   * it last confirmed with the register `ageMs` ago.
   */
  markModelStale(sequence: number, ageMs: number): void;
  /** Notes that an answer served was read from the register at `readAtMs` (epoch ms). */
  markRead(readAtMs: number): void;
  report(): StalenessReport;
  /** When the oldest answer served was read from the register; null if none was noted. */
  oldestReadAtMs(): number | null;
}

/** A fresh recorder for one request. */
export function createStalenessRecorder(): StalenessRecorder {
  let stale = false;
  let maxAgeMs = 0;
  let oldest: number | null = null;
  let sequence: number | undefined;
  return {
    markStale(_key, ageMs) {
      stale = true;
      maxAgeMs = Math.max(maxAgeMs, ageMs);
    },
    markModelStale(at, ageMs) {
      stale = true;
      maxAgeMs = Math.max(maxAgeMs, ageMs);
      sequence = at;
    },
    markRead(readAtMs) {
      oldest = oldest === null ? readAtMs : Math.min(oldest, readAtMs);
    },
    report: () => ({ stale, maxAgeMs, ...(sequence !== undefined && { sequence }) }),
    oldestReadAtMs: () => oldest,
  };
}

/** A recorder that keeps nothing: for reads that belong to no request. */
export const IGNORE_STALENESS: StalenessRecorder = {
  markStale() {},
  markModelStale() {},
  markRead() {},
  report: () => ({ stale: false, maxAgeMs: 0 }),
  oldestReadAtMs: () => null,
};
