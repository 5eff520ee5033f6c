import { createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';
import type { CallerCredentials } from './caller-credentials.ts';

/** How many failed logins the gateway passes on to the register, and over what window. */
export interface FailedLoginLimits {
  /** Failed (and unsettled) logins per user name in a window; more are held back. */
  perUser: number;
  /**
   * Failed (and unsettled) logins of all callers together in a window. Keep it below the register's
   * own limit per client address (20 a minute for the embedded one): every caller reaches the
   * register from the gateway's one address, and above that limit the register refuses all of the
   * gateway's calls, reads too, for the rest of its window.
   */
  perGateway: number;
  windowMs: number;
}

/** How a login the register was asked about came out. */
export type LoginOutcome =
  /** The register answered the call (OK, FEJL or INGEN_ADGANG): it accepted the credentials. */
  | 'accepted'
  /** The register answered 401. */
  | 'refused'
  /** No answer about the credentials (timeout, unavailable, 429 …): counts as neither. */
  | 'unknown';

/** One login on its way to the register; `end` it exactly once. */
export interface LoginAttempt {
  end(outcome: LoginOutcome): void;
}

/** How long a login the register accepted still counts as known-good. */
const VERIFIED_FOR_MS = 24 * 3600_000;
const MAX_VERIFIED = 10_000;
const GATEWAY_KEY = 'all';
/** Logins that may wait for those in flight to settle; more are held back at once. */
const MAX_WAITING = 1000;

/**
 * Keeps password guessing through the gateway's mutations from making the register refuse the
 * gateway itself.
 *
 * The register refuses a client address after repeated failed logins, and to the register every
 * caller of the gateway is the gateway. So the gateway counts failed logins itself (the register's
 * 401 to a caller's credentials, rate-limiter-flexible's fixed windows) and holds back logins that
 * would go over a limit: per user name beyond `perUser`, for everyone beyond `perGateway`. Only
 * failures count; but a login that would go over a limit if the logins still waiting for the
 * register's answer failed waits for them to settle, so that a burst of parallel guesses cannot slip
 * past before the first failure is known, and a burst of correct logins is not refused for
 * failures that never come (the first accepted one makes the rest known-good).
 *
 * Credentials the register accepted in the last day go through beyond the gateway-wide limit, so
 * that guessing at other names cannot lock out callers who have written through this gateway
 * before. They are remembered as a keyed hash (HMAC with a key that lives only in this process),
 * never as text. A user name's own limit holds them back too, and a login held back by the
 * gateway-wide limit counts against its name: if the right password went through where wrong ones
 * are held back without asking the register, the answer would tell a guesser the password at any
 * rate. The price: anyone can hold back a user name for the rest of a window by guessing at it,
 * and beyond the gateway-wide limit every caller not known-good; without the guard, the register
 * would refuse everyone.
 */
export class FailedLoginGuard {
  readonly #limits: FailedLoginLimits;
  readonly #failuresPerUser: RateLimiterMemory;
  readonly #failuresPerGateway: RateLimiterMemory;
  readonly #inFlightPerUser = new Map<string, number>();
  #inFlight = 0;
  readonly #waiting = new Set<() => void>();
  readonly #verified = new LRUCache<string, true>({ max: MAX_VERIFIED, ttl: VERIFIED_FOR_MS });
  readonly #hmacKey = randomBytes(32);

  constructor(limits: FailedLoginLimits) {
    this.#limits = limits;
    const duration = limits.windowMs / 1000;
    this.#failuresPerUser = new RateLimiterMemory({ keyPrefix: 'user', points: limits.perUser, duration });
    this.#failuresPerGateway = new RateLimiterMemory({
      keyPrefix: 'gateway',
      points: limits.perGateway,
      duration,
    });
  }

  /**
   * Lets one login go to the register, or throws TOO_MANY_REQUESTS (with `retryAfterSeconds`) when
   * failed logins have reached a limit. A login that would reach a limit only if the logins still
   * in flight fail waits until one of them settles, then is decided again: it is neither refused
   * for failures that have not happened nor let past a limit that they may reach.
   */
  async begin(caller: CallerCredentials): Promise<LoginAttempt> {
    const digest = this.#digest(caller);
    const user = caller.userName();
    for (;;) {
      const [userFailures, allFailures] = await Promise.all([
        this.#failuresPerUser.get(user),
        this.#failuresPerGateway.get(GATEWAY_KEY),
      ]);
      // From here to the count below nothing awaits: parallel logins see each other in flight.
      const knownGood = this.#verified.has(digest);
      const userFailed = failed(userFailures);
      const allFailed = failed(allFailures);
      if (!knownGood && allFailed >= this.#limits.perGateway) {
        // Counted against the name: else a guesser could try passwords here at any speed and tell
        // the right one (known-good, let through) from the rest (held back).
        void this.#failuresPerUser.penalty(user);
        throw heldBack(
          'Too many failed logins through this gateway; only logins the register accepted before go through now',
          allFailures,
        );
      }
      // Known-good credentials too, for the same reason: the answer must not tell the password.
      if (userFailed >= this.#limits.perUser) {
        throw heldBack('Too many failed logins for this user name', userFailures);
      }
      if (knownGood) return this.#attempt(digest, user, false);
      const userInFlight = this.#inFlightPerUser.get(user) ?? 0;
      if (
        userFailed + userInFlight < this.#limits.perUser &&
        allFailed + this.#inFlight < this.#limits.perGateway
      ) {
        this.#inFlightPerUser.set(user, userInFlight + 1);
        this.#inFlight += 1;
        return this.#attempt(digest, user, true);
      }
      // Bounded: the logins in flight settle within the SOAP timeout, and so few may wait at once.
      if (this.#waiting.size >= MAX_WAITING) {
        throw heldBack('Too many logins waiting for the register through this gateway', allFailures);
      }
      await new Promise<void>((resolve) => this.#waiting.add(resolve));
    }
  }

  #attempt(digest: string, user: string, counted: boolean): LoginAttempt {
    let ended = false;
    return {
      end: (outcome) => {
        if (ended) return;
        ended = true;
        if (counted) {
          const left = (this.#inFlightPerUser.get(user) ?? 1) - 1;
          if (left === 0) this.#inFlightPerUser.delete(user);
          else this.#inFlightPerUser.set(user, left);
          this.#inFlight -= 1;
        }
        if (outcome === 'accepted') this.#verified.set(digest, true);
        if (outcome === 'refused') {
          this.#verified.delete(digest);
          // Both are in-memory and settle at once; nothing to wait for.
          void this.#failuresPerUser.penalty(user);
          void this.#failuresPerGateway.penalty(GATEWAY_KEY);
        }
        // Every waiting login decides again, on the counts as they are now.
        const waiting = [...this.#waiting];
        this.#waiting.clear();
        for (const wake of waiting) wake();
      },
    };
  }

  #digest(caller: CallerCredentials): string {
    return createHmac('sha256', this.#hmacKey).update(caller.authorization()).digest('base64');
  }
}

/** Failures counted in a window that has not ended (a late timer may leave an ended one behind). */
const failed = (res: RateLimiterRes | null): number =>
  res !== null && res.msBeforeNext > 0 ? res.consumedPoints : 0;

const heldBack = (reason: string, failures: RateLimiterRes | null) => {
  // With no failure counted yet, the logins in flight decide: a second is a fair wait.
  const seconds = Math.max(1, Math.ceil((failures?.msBeforeNext ?? 0) / 1000));
  return new AppError('TOO_MANY_REQUESTS', `${reason}; try again in ${seconds} s.`, {
    extensions: { retryAfterSeconds: String(seconds) },
  });
};
