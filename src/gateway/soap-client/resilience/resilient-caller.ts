import { isAppError } from '../../errors.ts';
import type { SoapCaller } from '../soap-caller.ts';
import type { CircuitState } from '../../ports/circuit-state.ts';
import { createCircuitBreaker } from './circuit-breaker.ts';
import { createCoalescer } from './coalesce.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';
import { withRetries, type RetryPolicy } from './retry.ts';

/** The resilience of one service's calls. */
export interface ResiliencePolicy {
  /** Reads only: a write is never retried, since it may have been committed. */
  retry: RetryPolicy | null;
  /** Identical concurrent calls share one upstream call (reads only: a write is never shared). */
  coalesce: boolean;
  breakerFailureThreshold: number;
  breakerCoolDownMs: number;
  maxConcurrentCalls: number;
}

/** A SoapCaller with a circuit breaker whose state can be read. */
export interface ResilientCaller extends SoapCaller {
  circuitState(): CircuitState;
}

/** The register failed to answer (as opposed to answering with a fault about the request). */
const isUpstreamFailure = (error: unknown): boolean =>
  isAppError(error) && (error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_TIMEOUT');

/**
 * Wraps a SoapCaller: coalescing, then retries, each attempt through the breaker and then the
 * concurrency cap, so that a queued attempt holds no slot while it backs off.
 */
export function createResilientCaller(caller: SoapCaller, policy: ResiliencePolicy): ResilientCaller {
  const breaker = createCircuitBreaker({
    failureThreshold: policy.breakerFailureThreshold,
    coolDownMs: policy.breakerCoolDownMs,
    isFailure: isUpstreamFailure,
  });
  const limit = createConcurrencyLimit(policy.maxConcurrentCalls);
  const coalescer = createCoalescer();

  return {
    call(operation, args, map, options) {
      const attempt = () => breaker.run(() => limit.run(() => caller.call(operation, args, map, options)));
      const retried = () => (policy.retry === null ? attempt() : withRetries(policy.retry, attempt));
      // A call with its own credentials is the caller's alone: never shared with another's.
      if (!policy.coalesce || options?.authorization !== undefined) return retried();
      return coalescer.run(`${operation}:${JSON.stringify(args)}`, retried);
    },
    operations: () => caller.operations(),
    close: () => caller.close(),
    circuitState: () => breaker.state(),
  };
}
