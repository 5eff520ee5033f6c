import { isAppError } from '../../errors.ts';

/** How often and how patiently a read is tried again. */
export interface RetryPolicy {
  /** Tries after the first; 0 disables retries. */
  retries: number;
  /** The backoff ceiling of the first retry; it doubles per retry (full jitter below it). */
  baseDelayMs: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

// 502/503/504 say the register (or what is in front of it) is briefly away; other statuses do not.
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Whether a failed read is worth another try: a timeout, a network failure or a 502/503/504; never
 * a SOAP fault, a 4xx or the circuit breaker's own fast failure.
 */
export function isRetryable(error: unknown): boolean {
  if (!isAppError(error)) return false;
  const cause = typeof error.cause === 'object' && error.cause !== null ? error.cause : {};
  if ('circuit' in cause) return false;
  if (error.code === 'UPSTREAM_TIMEOUT') return true;
  if (error.code !== 'UPSTREAM_UNAVAILABLE') return false;
  const status = 'httpStatus' in cause ? cause.httpStatus : undefined;
  if (typeof status === 'number') return RETRYABLE_STATUSES.has(status);
  // No HTTP status: the connection itself failed (reset, refused), not a TLS or credentials problem.
  const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
  return code !== '' && !/CERT|SSL|TLS/.test(code);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt`, retrying retryable failures with exponential backoff and full jitter. */
export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  const random = policy.random ?? Math.random;
  const sleep = policy.sleep ?? defaultSleep;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= policy.retries || !isRetryable(error)) throw error;
      await sleep(Math.floor(random() * policy.baseDelayMs * 2 ** retry));
    }
  }
}
