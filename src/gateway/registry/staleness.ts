/** What one request was served from the cache past its TTL, because the register failed. */
export interface StalenessReport {
  stale: boolean;
  /** The age of the oldest stale answer served, in ms since it was read from the register; 0 if none. */
  maxAgeMs: number;
}

/** A per-request note of stale answers served (owned by the request's context, never shared). */
export interface StalenessRecorder {
  /** Notes that the cached answer under `key` was served `ageMs` after it was read. */
  markStale(key: string, ageMs: number): void;
  report(): StalenessReport;
}

/** A fresh recorder for one request. */
export function createStalenessRecorder(): StalenessRecorder {
  let stale = false;
  let maxAgeMs = 0;
  return {
    markStale(_key, ageMs) {
      stale = true;
      maxAgeMs = Math.max(maxAgeMs, ageMs);
    },
    report: () => ({ stale, maxAgeMs }),
  };
}

/** A recorder that keeps nothing: for reads that belong to no request. */
export const IGNORE_STALENESS: StalenessRecorder = {
  markStale() {},
  report: () => ({ stale: false, maxAgeMs: 0 }),
};
