import { createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';
import type { CallerCredentials } from './caller-credentials.ts';

/** How many failed logins the gateway passes on to the register, and over what window. */
export interface FailedLoginLimits {
  /** Failed logins per user name in a window; more are refused without asking the register. */
  perUser: number;
  /**
   * Failed logins of all callers together in a window. Keep it below the register's own limit per
   * client address (20 a minute for the embedded one): every caller reaches the register from the
   * gateway's one address, so above it the register would refuse everyone's writes.
   */
  perGateway: number;
  windowMs: number;
}

/** How long a login the register accepted still counts as known-good when the gateway is under attack. */
const VERIFIED_FOR_MS = 24 * 3600_000;
const MAX_VERIFIED = 10_000;

/**
 * Keeps password guessing through the gateway's mutations from locking everyone out of the register.
 *
 * The register refuses a client address after repeated failed logins, and to the register every
 * caller of the gateway is the gateway. So the gateway counts failed logins itself (the register's
 * 401 to a caller's credentials) and stops passing them on: per user name beyond `perUser`, and for
 * everyone beyond `perGateway`. Credentials the register accepted recently always go through, so
 * that guessing cannot lock their owner out either. They are remembered as a keyed hash (HMAC with
 * a key that lives only in this process), never as text.
 */
export class FailedLoginGuard {
  readonly #perUser: RateLimiterMemory;
  readonly #perGateway: RateLimiterMemory;
  readonly #limits: FailedLoginLimits;
  readonly #verified = new LRUCache<string, true>({ max: MAX_VERIFIED, ttl: VERIFIED_FOR_MS });
  readonly #hmacKey = randomBytes(32);

  constructor(limits: FailedLoginLimits) {
    this.#limits = limits;
    const duration = limits.windowMs / 1000;
    this.#perUser = new RateLimiterMemory({ keyPrefix: 'user', points: limits.perUser, duration });
    this.#perGateway = new RateLimiterMemory({ keyPrefix: 'gateway', points: limits.perGateway, duration });
  }

  /** Throws UNAUTHENTICATED, with the seconds to wait, when this caller's login may not go to the register now. */
  async assertMayTry(caller: CallerCredentials): Promise<void> {
    // Accepted before: nobody's guessing, not even at this user name, holds these credentials back.
    if (this.#verified.has(this.#digest(caller))) return;
    const user = await this.#perUser.get(caller.userName());
    if (user !== null && user.consumedPoints >= this.#limits.perUser) {
      throw refused(
        `Too many failed logins for this user name; try again in ${seconds(user.msBeforeNext)} s.`,
        user.msBeforeNext,
      );
    }
    const all = await this.#perGateway.get('all');
    if (all !== null && all.consumedPoints >= this.#limits.perGateway) {
      throw refused(
        `Too many failed logins through this gateway; only logins the register accepted before are passed on. ` +
          `Try again in ${seconds(all.msBeforeNext)} s.`,
        all.msBeforeNext,
      );
    }
  }

  /** The register refused these credentials (401). */
  async failed(caller: CallerCredentials): Promise<void> {
    this.#verified.delete(this.#digest(caller));
    await Promise.all([this.#perUser.penalty(caller.userName()), this.#perGateway.penalty('all')]);
  }

  /** The register accepted these credentials (whatever it then said of the write). */
  async succeeded(caller: CallerCredentials): Promise<void> {
    this.#verified.set(this.#digest(caller), true);
    await this.#perUser.delete(caller.userName());
  }

  #digest(caller: CallerCredentials): string {
    return createHmac('sha256', this.#hmacKey).update(caller.authorization()).digest('base64');
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const refused = (message: string, msBeforeNext: number) =>
  new AppError('UNAUTHENTICATED', message, {
    extensions: { retryAfterSeconds: String(seconds(msBeforeNext)) },
  });
