import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

/** A count in a window: failures (fixed windows) or logins in flight. */
export interface WindowCount {
  count: number;
  /** Until the window ends; 0 when nothing is counted. */
  msBeforeNext: number;
}

/** Counts failed logins per key in fixed windows (rate-limiter-flexible's windows). */
export interface FailureCounter {
  get(key: string): Promise<WindowCount>;
  add(key: string): Promise<void>;
}

/** Counts logins still waiting for the register's answer, per key. */
export interface InFlightCounter {
  /** Counts one more and answers the count with it (atomic: two callers never get the same). */
  add(key: string): Promise<number>;
  remove(key: string): Promise<void>;
}

/** Where a guard keeps its counts: in the process, or shared by every replica (shared-state/). */
export interface LoginCounters {
  failures(name: string, windowMs: number): FailureCounter;
  inFlight(name: string): InFlightCounter;
  /** Whether other processes count too: their settling is then seen by polling, not by an event. */
  shared: boolean;
}

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** Failures counted in a window that has not ended (a late timer may leave an ended one behind). */
export const toWindowCount = (res: RateLimiterRes | null): WindowCount =>
  res !== null && res.msBeforeNext > 0
    ? { count: res.consumedPoints, msBeforeNext: res.msBeforeNext }
    : { count: 0, msBeforeNext: 0 };

/** A failure counter in the process (rate-limiter-flexible's memory limiter). */
export function memoryFailureCounter(name: string, windowMs: number): FailureCounter {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: NO_LIMIT, duration: windowMs / 1000 });
  return {
    get: async (key) => toWindowCount(await limiter.get(key)),
    add: async (key) => {
      await limiter.penalty(key);
    },
  };
}

/** Logins in flight in the process: no window, they end when the register answers. */
export function memoryInFlightCounter(): InFlightCounter {
  const counts = new Map<string, number>();
  return {
    add: async (key) => {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count;
    },
    remove: async (key) => {
      const left = (counts.get(key) ?? 1) - 1;
      if (left <= 0) counts.delete(key);
      else counts.set(key, left);
    },
  };
}

/** The embedded default: every count in this process. */
export const IN_PROCESS_LOGIN_COUNTERS: LoginCounters = {
  failures: memoryFailureCounter,
  inFlight: () => memoryInFlightCounter(),
  shared: false,
};
