import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { createCircuitBreaker } from './circuit-breaker.ts';
import { createCoalescer } from './coalesce.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';
import { isRetryable, withRetries } from './retry.ts';

const unavailable = (cause: object) => new AppError('UPSTREAM_UNAVAILABLE', 'down', { cause });

describe('retries', () => {
  it('retries timeouts, resets and 502/503/504 only', () => {
    expect(isRetryable(new AppError('UPSTREAM_TIMEOUT', 't', { cause: {} }))).toBe(true);
    expect(isRetryable(unavailable({ httpStatus: 503 }))).toBe(true);
    expect(isRetryable(unavailable({ code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryable(unavailable({ httpStatus: 500 }))).toBe(false);
    expect(isRetryable(unavailable({ httpStatus: 401 }))).toBe(false);
    expect(isRetryable(unavailable({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toBe(false);
    expect(isRetryable(unavailable({ circuit: 'open' }))).toBe(false);
    expect(isRetryable(new AppError('UPSTREAM_FAULT', 'f', { cause: { faultCode: 'soap:Server' } }))).toBe(
      false,
    );
  });

  it('backs off exponentially with full jitter, and gives up after the last retry', async () => {
    const waits: number[] = [];
    let attempts = 0;
    const policy = {
      retries: 2,
      baseDelayMs: 100,
      random: () => 0.5,
      sleep: async (ms: number) => void waits.push(ms),
    };
    const failing = withRetries(policy, async () => {
      attempts++;
      throw unavailable({ httpStatus: 503 });
    });
    await expect(failing).rejects.toThrow('down');
    expect(attempts).toBe(3);
    expect(waits).toEqual([50, 100]);
  });
});

describe('circuit breaker', () => {
  it('opens after N consecutive failures, half-opens after the cool-down, closes on success', async () => {
    let now = 0;
    const breaker = createCircuitBreaker({
      failureThreshold: 2,
      coolDownMs: 100,
      isFailure: () => true,
      now: () => now,
    });
    const fail = () => Promise.reject(new Error('x'));
    await expect(breaker.run(fail)).rejects.toThrow('x');
    await expect(breaker.run(fail)).rejects.toThrow('x');
    expect(breaker.state()).toBe('open');
    await expect(breaker.run(async () => 1)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    now = 100;
    expect(breaker.state()).toBe('half-open');
    await expect(breaker.run(fail)).rejects.toThrow('x');
    expect(breaker.state()).toBe('open');
    now = 200;
    expect(await breaker.run(async () => 1)).toBe(1);
    expect(breaker.state()).toBe('closed');
  });
});

describe('concurrency limit and coalescing', () => {
  it('keeps at most `max` in flight', async () => {
    const limit = createConcurrencyLimit(2);
    let peak = 0;
    const work = async () => {
      peak = Math.max(peak, limit.active());
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await Promise.all(Array.from({ length: 6 }, () => limit.run(work)));
    expect(peak).toBe(2);
    expect(limit.active()).toBe(0);
  });

  it('shares one promise among identical concurrent calls', async () => {
    const coalescer = createCoalescer();
    let calls = 0;
    const work = async () => ++calls;
    const [a, b] = await Promise.all([coalescer.run('k', work), coalescer.run('k', work)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await coalescer.run('k', work)).toBe(2);
  });
});
