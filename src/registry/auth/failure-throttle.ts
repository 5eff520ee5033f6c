import { createHash } from 'node:crypto';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

/** How many failed logins the register takes, and over what window. */
export interface FailureLimits {
  /** Failed logins from one client address in a window; then the address is refused. */
  maxFailures: number;
  /** Failed logins for one user name, from any address, in a window; then the name is refused. */
  maxFailuresPerUser: number;
  windowMs: number;
}

/**
 * The defaults: 20 failures per address and 10 per user name a minute. Per name it is lower, as a
 * name is what a guesser aims at; per address it leaves room for a gateway's many callers.
 */
export const DEFAULT_FAILURE_LIMITS: Readonly<FailureLimits> = Object.freeze({
  maxFailures: 20,
  maxFailuresPerUser: 10,
  windowMs: 60_000,
});

/**
 * Slows down password guessing with two counters of failed logins (fixed windows,
 * rate-limiter-flexible, in memory): one per client address and one per user name. Either one
 * over its limit refuses the login (HTTP 429) until its window ends, whatever the password.
 *
 * A success clears only the counter of the user name that logged in, never the address's: a
 * guesser who knows one password (or holds one account) cannot reset its own address's count by
 * logging in between guesses, and guessing one name from many addresses still meets the name's
 * counter. The price: anyone can hold back a user name for a window by guessing at it.
 */
export interface FailureThrottle {
  /** Milliseconds until this login may be tried, or 0 now; no user name: the address alone. */
  blockedForMs(client: string, userName: string | null): Promise<number>;
  recordFailure(client: string, userName: string | null): Promise<void>;
  recordSuccess(userName: string): Promise<void>;
}

/** A throttle for one register process. */
export function createFailureThrottle(limits: FailureLimits): FailureThrottle {
  const duration = limits.windowMs / 1000;
  const perAddress = new RateLimiterMemory({ keyPrefix: 'address', points: limits.maxFailures, duration });
  const perUser = new RateLimiterMemory({
    keyPrefix: 'user',
    points: limits.maxFailuresPerUser,
    duration,
  });
  // Names come from the caller (up to a header's size); a digest bounds what each key keeps.
  const userKey = (userName: string) => createHash('sha256').update(userName).digest('base64url');
  const wait = (res: RateLimiterRes | null, max: number) =>
    res !== null && res.consumedPoints >= max ? Math.max(0, res.msBeforeNext) : 0;

  return {
    async blockedForMs(client, userName) {
      const [address, user] = await Promise.all([
        perAddress.get(client),
        userName === null ? null : perUser.get(userKey(userName)),
      ]);
      return Math.max(wait(address, limits.maxFailures), wait(user, limits.maxFailuresPerUser));
    },
    async recordFailure(client, userName) {
      await Promise.all([
        perAddress.penalty(client),
        userName === null ? null : perUser.penalty(userKey(userName)),
      ]);
    },
    async recordSuccess(userName) {
      await perUser.delete(userKey(userName));
    },
  };
}
