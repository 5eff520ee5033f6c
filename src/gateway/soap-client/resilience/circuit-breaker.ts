import { AppError } from '../../errors.ts';
import type { CircuitState } from '../../ports/circuit-state.ts';

/** When a breaker opens and how long it stays open. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  coolDownMs: number;
  /** Which errors count against the register (a SOAP fault or a refused caller does not). */
  isFailure(error: unknown): boolean;
  now?: () => number;
}

/** A circuit breaker for one upstream service. */
export interface CircuitBreaker {
  /** Runs `work` unless the circuit is open; a fast failure is UPSTREAM_UNAVAILABLE. */
  run<T>(work: () => Promise<T>): Promise<T>;
  state(): CircuitState;
}

/** A consecutive-failure circuit breaker with a single half-open probe. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | null = null;
  let probing = false;

  const state = (): CircuitState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= options.coolDownMs ? 'half-open' : 'open';
  };

  return {
    state,
    async run(work) {
      const current = state();
      // While a probe is out, every other call fails fast as if the circuit were still open.
      if (current === 'open' || (current === 'half-open' && probing)) {
        throw new AppError('UPSTREAM_UNAVAILABLE', 'The register is unavailable.', {
          cause: { circuit: 'open' },
        });
      }
      const probe = current === 'half-open';
      if (probe) probing = true;
      try {
        const result = await work();
        failures = 0;
        openedAt = null;
        return result;
      } catch (error) {
        if (options.isFailure(error)) {
          failures++;
          if (probe || failures >= options.failureThreshold) openedAt = now();
        } else if (probe) {
          // The register answered (with a fault of the request's own): it is up again.
          failures = 0;
          openedAt = null;
        }
        throw error;
      } finally {
        if (probe) probing = false;
      }
    },
  };
}
