import { describe, expect, it } from 'vitest';
import type { Fault } from '../helpers/fault-proxy.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// The gateway behind a proxy that misbehaves per request: it must stay up, answer with the right
// code, and recover when the register does. Short TTL and timeout so each case reaches the register.

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { proxy, gateway } = useTestStack({
  registry: { changeFeed: false },
  faultProxy: true,
  // One attempt per case and a breaker that never opens: each case must reach the register.
  gateway: {
    env: {
      SOAP_TIMEOUT_MS: '800',
      CACHE_TTL_MS: '1',
      CACHE_STALE_IF_ERROR_MS: '0',
      SOAP_READ_RETRIES: '0',
      BREAKER_FAILURE_THRESHOLD: '1000',
    },
  },
});

const byNumber = (number: string) => gateway.query(`{ institution(number: "${number}") { number name } }`);
let next = 0;
// A number per case, so that no cached answer or remembered miss hides the register's behaviour.
const NUMBERS = [
  'G18062',
  'G18063',
  'G18168',
  'G20271',
  'G10432',
  'G10662',
  'G13957',
  'G15934',
  'G10664',
  'G23042',
];
const fresh = () => NUMBERS[next++ % NUMBERS.length] ?? 'G18062';

/** Breaks only the SOAP calls (the WSDL was loaded while the register was well). */
const onCalls = (fault: Fault) => (req: { path: string }) =>
  req.path.includes('?') ? { kind: 'pass' as const } : fault;

describe('the gateway when the register misbehaves', () => {
  it('answers normally through a healthy proxy (and loads the WSDL through it)', async () => {
    proxy.setFault({ kind: 'pass' });
    const answer = await byNumber(fresh());
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.institution).toMatchObject({ name: expect.any(String) });
  });

  it.each([
    ['does not answer in time', { kind: 'hang' }, 'UPSTREAM_TIMEOUT'],
    ['answers 503', { kind: 'status', status: 503 }, 'UPSTREAM_UNAVAILABLE'],
    ['answers 500 with an HTML page', { kind: 'status', status: 500 }, 'UPSTREAM_UNAVAILABLE'],
    ['resets the connection', { kind: 'reset' }, 'UPSTREAM_UNAVAILABLE'],
    ['answers a SOAP fault', { kind: 'soapFault' }, 'UPSTREAM_FAULT'],
    ['answers malformed XML', { kind: 'malformed' }, 'UPSTREAM_FAULT'],
  ] as const)('when the register %s: %s, no stack, no envelope', async (_, fault, code) => {
    proxy.setFault(onCalls(fault as Fault));
    const answer = await byNumber(fresh());
    expect(answer.status).toBe(200);
    expect(answer.data?.institution ?? null).toBeNull();
    expect(answer.errors?.map((e) => e.extensions?.code)).toContain(code);
    const text = JSON.stringify(answer.errors);
    expect(text).not.toMatch(/Envelope|at .*\.ts:\d+|Basic /);
  });

  it('answers a truncated body with an upstream error', async () => {
    proxy.setFault(onCalls({ kind: 'truncated' }));
    const answer = await byNumber(fresh());
    expect(answer.errors?.[0]?.extensions?.code).toMatch(/^UPSTREAM_/);
  });

  it('keeps the rest of the page when one field fails', async () => {
    // Only the look-ups by number fail; the code table still answers.
    proxy.setFault((req) =>
      /Nummer|Numre/.test(req.soapAction ?? '') ? { kind: 'status', status: 503 } : { kind: 'pass' },
    );
    const answer = await gateway.query<{ institution: unknown; codes: { code: number }[] }>(
      `{ institution(number: "${fresh()}") { name } codes(table: OWNERSHIP) { code text } }`,
    );
    expect(answer.data?.institution).toBeNull();
    expect(answer.data?.codes.map((c) => c.code)).toContain(1);
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['institution'], 'UPSTREAM_UNAVAILABLE'],
    ]);
  });

  it('recovers as soon as the register does', async () => {
    proxy.setFault({ kind: 'pass' });
    const answer = await byNumber(fresh());
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.institution).toMatchObject({ number: expect.any(String) });
  });
});
