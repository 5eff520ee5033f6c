import { createHmac, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { LRUCache } from 'lru-cache';
import { parseBasicAuthorization, type BasicCredentials } from '../../http/basic-credentials.ts';
import { QueueFullError, type FairQueue, type FairQueueLimits } from './fair-queue.ts';
import type { FailureThrottle } from './failure-throttle.ts';
import type { Identity } from './identity.ts';
import type { UserDirectory } from './user-directory.ts';

/** What the register answers a request's `Authorization` header. */
export type LoginResult =
  | { kind: 'accepted'; identity: Identity }
  /** No credentials (every Basic client starts so), malformed ones, or wrong ones: 401. */
  | { kind: 'refused' }
  /** Too many failed logins from this address or for this user name: 429 with Retry-After. */
  | { kind: 'blocked'; retryAfterMs: number }
  /** Too many logins waiting for their hash: 503, try again shortly. */
  | { kind: 'busy' };

/** Decides a request's login: throttle, recent successes, then the (queued) password check. */
export interface LoginCheck {
  check(authorization: string | undefined, client: string): Promise<LoginResult>;
}

const REMEMBER_SUCCESS_MS = 5 * 60_000;

/**
 * One scrypt (N = 16384, r = 8) takes ~40 ms of one core and 16 MiB. Running hashes on all but one
 * core keeps a core for the event loop, so that guessing cannot slow anyone else's answers. At
 * most 64 waiting from one address (a gateway's calls in flight fit) and 1024 in all keep memory
 * bounded; filling the whole queue takes 16 addresses.
 */
export function defaultHashQueueLimits(): FairQueueLimits {
  return { maxRunning: Math.max(1, availableParallelism() - 1), maxWaiting: 1024, maxWaitingPerKey: 64 };
}

/**
 * The register's login, in the order that keeps it cheap and fair:
 *
 * 1. a client address or user name over its failure limit is refused before any hashing;
 * 2. credentials accepted and used within the last minutes are accepted again without hashing
 *    (kept as an HMAC under a key that lives only in this process, never as text), so a busy
 *    client does not pay scrypt on every call; only the right password can hit this, so it tells
 *    a guesser nothing;
 * 3. everything else waits for a turn in the hash queue (bounded, taking turns between client
 *    addresses), where the throttle is asked again: a burst of guesses from one address is hashed
 *    only up to its limit, not all at once before the first failure is counted. Identical
 *    credentials from one address waiting at the same time share one hash and one outcome (a
 *    repeated wrong guess tells nothing new, so it counts once).
 *
 * A failure counts against the address and the user name; a success clears only the user name's.
 */
export function createLoginCheck(options: {
  users: UserDirectory;
  throttle: FailureThrottle;
  queue: FairQueue;
}): LoginCheck {
  const { users, throttle, queue } = options;
  const key = randomBytes(32);
  const recent = new LRUCache<string, Identity>({
    max: 1000,
    ttl: REMEMBER_SUCCESS_MS,
    // A caller in use stays remembered: a gateway's own identity never queues behind guessers.
    updateAgeOnGet: true,
  });
  const pending = new Map<string, Promise<LoginResult>>();
  const digestOf = (...parts: string[]) =>
    createHmac('sha256', key).update(parts.join('\0')).digest('base64');

  const verify = (client: string, credentials: BasicCredentials, authorization: string) => {
    const waitingKey = digestOf(client, authorization);
    const shared = pending.get(waitingKey);
    if (shared !== undefined) return shared;
    const started = queue
      .run(client, async (): Promise<LoginResult> => {
        // The wait may have been long enough for this address's or name's limit to be reached.
        const retryAfterMs = await throttle.blockedForMs(client, credentials.userName);
        if (retryAfterMs > 0) return { kind: 'blocked', retryAfterMs };
        const identity = await users.authenticate(credentials);
        // Counted before the slot is given up, so the next login in the queue sees this one.
        if (identity === null) {
          await throttle.recordFailure(client, credentials.userName);
          return { kind: 'refused' };
        }
        await throttle.recordSuccess(credentials.userName);
        return { kind: 'accepted', identity };
      })
      .catch((error: unknown): LoginResult => {
        if (error instanceof QueueFullError) return { kind: 'busy' };
        throw error;
      })
      .finally(() => pending.delete(waitingKey));
    pending.set(waitingKey, started);
    return started;
  };

  return {
    async check(authorization, client) {
      if (authorization === undefined) return { kind: 'refused' };
      const credentials = parseBasicAuthorization(authorization);
      const retryAfterMs = await throttle.blockedForMs(client, credentials?.userName ?? null);
      if (retryAfterMs > 0) return { kind: 'blocked', retryAfterMs };
      if (credentials === null) {
        await throttle.recordFailure(client, null);
        return { kind: 'refused' };
      }
      const rememberedKey = digestOf(authorization);
      const remembered = recent.get(rememberedKey);
      if (remembered !== undefined) {
        await throttle.recordSuccess(credentials.userName);
        return { kind: 'accepted', identity: remembered };
      }
      const result = await verify(client, credentials, authorization);
      if (result.kind === 'accepted') recent.set(rememberedKey, result.identity);
      return result;
    },
  };
}
