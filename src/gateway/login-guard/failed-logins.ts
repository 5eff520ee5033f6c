import { createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.ts';
import type { CallerCredentials } from '../ports/caller-credentials.ts';
import {
  IN_PROCESS_LOGIN_COUNTERS,
  type FailureCounter,
  type InFlightCounter,
  type LoginCounters,
  type WindowCount,
} from './login-counters.ts';

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
/** With counts shared by replicas, a waiting login looks again this often (ms, plus jitter). */
const SHARED_RECHECK_MS = 25;

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
 *
 * With `counters` shared through Redis (several replicas), failures and logins in flight are
 * counted for the fleet, so the limits hold for all replicas together; "perGateway" then means
 * per fleet. A login takes its place among those in flight first and checks after (the count is
 * atomic), so two replicas never both take the last place.
 */
export class FailedLoginGuard {
  readonly #limits: FailedLoginLimits;
  readonly #counters: LoginCounters;
  readonly #failuresPerUser: FailureCounter;
  readonly #failuresPerGateway: FailureCounter;
  readonly #inFlightPerUser: InFlightCounter;
  readonly #inFlight: InFlightCounter;
  readonly #waiting = new Set<() => void>();
  readonly #verified = new LRUCache<string, true>({ max: MAX_VERIFIED, ttl: VERIFIED_FOR_MS });
  readonly #hmacKey = randomBytes(32);

  constructor(limits: FailedLoginLimits, counters: LoginCounters = IN_PROCESS_LOGIN_COUNTERS) {
    this.#limits = limits;
    this.#counters = counters;
    this.#failuresPerUser = counters.failures('user', limits.windowMs);
    this.#failuresPerGateway = counters.failures('gateway', limits.windowMs);
    this.#inFlightPerUser = counters.inFlight('user-in-flight');
    this.#inFlight = counters.inFlight('in-flight');
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
      // Take a place among the logins in flight first, then read the failures: the counts are
      // atomic, so parallel logins (on any replica) see each other, a place is never taken twice,
      // and a failure counted before its place was given back is never missed.
      const [userInFlight, allInFlight] = await Promise.all([
        this.#inFlightPerUser.add(user),
        this.#inFlight.add(GATEWAY_KEY),
      ]);
      const [userFailures, allFailures] = await Promise.all([
        this.#failuresPerUser.get(user),
        this.#failuresPerGateway.get(GATEWAY_KEY),
      ]);
      const giveBack = () => void this.#leave(user);
      const knownGood = this.#verified.has(digest);
      if (!knownGood && allFailures.count >= this.#limits.perGateway) {
        giveBack();
        // Counted against the name: else a guesser could try passwords here at any speed and tell
        // the right one (known-good, let through) from the rest (held back).
        void this.#failuresPerUser.add(user);
        throw heldBack(
          'Too many failed logins through this gateway; only logins the register accepted before go through now',
          allFailures,
        );
      }
      // Known-good credentials too, for the same reason: the answer must not tell the password.
      if (userFailures.count >= this.#limits.perUser) {
        giveBack();
        throw heldBack('Too many failed logins for this user name', userFailures);
      }
      if (knownGood) {
        giveBack();
        return this.#attempt(digest, user, false);
      }
      // The counts in flight include this login.
      if (
        userFailures.count + userInFlight <= this.#limits.perUser &&
        allFailures.count + allInFlight <= this.#limits.perGateway
      ) {
        return this.#attempt(digest, user, true);
      }
      giveBack();
      // Bounded: the logins in flight settle within the SOAP timeout, and so few may wait at once.
      if (this.#waiting.size >= MAX_WAITING) {
        throw heldBack('Too many logins waiting for the register through this gateway', allFailures);
      }
      await this.#settled();
    }
  }

  /** Gives a place in flight back. */
  #leave(user: string): Promise<void> {
    return Promise.all([this.#inFlightPerUser.remove(user), this.#inFlight.remove(GATEWAY_KEY)]).then(
      () => {},
    );
  }

  /**
   * Until a login of this process settles; with shared counts also until a short, jittered while
   * has passed (another replica's logins settle without telling this one).
   */
  #settled(): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = () => {
        clearTimeout(timer);
        this.#waiting.delete(wake);
        resolve();
      };
      this.#waiting.add(wake);
      if (this.#counters.shared) timer = setTimeout(wake, SHARED_RECHECK_MS * (1 + Math.random()));
    });
  }

  #attempt(digest: string, user: string, counted: boolean): LoginAttempt {
    let ended = false;
    return {
      end: (outcome) => {
        if (ended) return;
        ended = true;
        if (outcome === 'accepted') this.#verified.set(digest, true);
        // A failure is counted before its place in flight is given back, so that no one in between
        // sees neither. In the process both settle at once; in Redis within a round trip.
        const failure =
          outcome === 'refused'
            ? Promise.all([this.#failuresPerUser.add(user), this.#failuresPerGateway.add(GATEWAY_KEY)]).then(
                () => {},
              )
            : Promise.resolve();
        if (outcome === 'refused') this.#verified.delete(digest);
        void failure
          .then(() => (counted ? this.#leave(user) : undefined))
          .then(() => {
            // Every waiting login decides again, on the counts as they are now.
            const waiting = [...this.#waiting];
            for (const wake of waiting) wake();
          });
      },
    };
  }

  #digest(caller: CallerCredentials): string {
    return createHmac('sha256', this.#hmacKey).update(caller.authorization()).digest('base64');
  }
}

const heldBack = (reason: string, failures: WindowCount) => {
  // With no failure counted yet, the logins in flight decide: a second is a fair wait.
  const seconds = Math.max(1, Math.ceil(failures.msBeforeNext / 1000));
  return new AppError('TOO_MANY_REQUESTS', `${reason}; try again in ${seconds} s.`, {
    extensions: { retryAfterSeconds: String(seconds) },
  });
};
