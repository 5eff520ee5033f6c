import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// Request ids, metrics, graceful shutdown and the introspection switch, with the register behind a
// proxy that records what reached it.

const logLines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
    done();
  },
});

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, proxy, gateway } = useTestStack({
  registry: { changeFeed: false },
  faultProxy: true,
  gateway: { logger: pino({ level: 'debug' }, sink) },
});

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
const byNumber = (number: string) => `{ institution(number: "${number}") { number name } }`;
/** The SOAP calls (not WSDL or XSD reads, which are shared) the register got since `from`. */
const soapCallsSince = (from: number) => proxy.seen.slice(from).filter((req) => req.soapAction !== undefined);

describe('request ids', () => {
  it('echoes a sane X-Request-Id, logs it and sends it on every SOAP call of the request', async () => {
    const from = proxy.seen.length;
    const response = await post(gateway.url, byNumber('G18062'), { 'X-Request-Id': 'test-123' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('test-123');
    expect(await response.json()).toMatchObject({ data: { institution: { number: 'G18062' } } });
    const calls = soapCallsSince(from);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.requestId).toBe('test-123');
    expect(logLines).toContainEqual(expect.objectContaining({ requestId: 'test-123', msg: 'request' }));
  });

  it('replaces an unsafe id with a new UUID', async () => {
    const response = await post(gateway.url, '{ __typename }', { 'X-Request-Id': 'bad id!' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('metrics', () => {
  const scrape = async () => (await fetch(new URL('/metrics', gateway.url))).text();
  const counter = (metrics: string, name: string) =>
    Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);

  it('shows the caches’ misses and hits, the upstream call and the breaker state', async () => {
    const before = await scrape();
    expect((await gateway.query(byNumber('G18063'))).status).toBe(200);
    // Another question about the same record: the shared cache has it, the response cache does not.
    expect((await gateway.query(`{ institution(number: "G18063") { status } }`)).status).toBe(200);
    // The same question again: answered whole.
    expect((await gateway.query(byNumber('G18063'))).status).toBe(200);
    const metrics = await scrape();
    expect(metrics).toMatch(/^gateway_cache_misses_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^gateway_cache_hits_total [1-9]\d*$/m);
    for (const [name, added] of [
      ['gateway_response_cache_misses_total', 2],
      ['gateway_response_cache_hits_total', 1],
    ] as const)
      expect(counter(metrics, name) - counter(before, name)).toBe(added);
    expect(counter(metrics, 'gateway_response_cache_entries')).toBeGreaterThan(0);
    expect(counter(metrics, 'gateway_response_cache_size')).toBeGreaterThan(0);
    expect(metrics).toMatch(/^gateway_cache_evictions_total 0$/m);
    expect(metrics).toMatch(/^gateway_upstream_calls_total\{operation="\w+",outcome="ok"\} [1-9]\d*$/m);
    expect(metrics).toMatch(
      /^gateway_upstream_call_duration_seconds_count\{operation="\w+",outcome="ok"\} [1-9]\d*$/m,
    );
    expect(metrics).toMatch(/^gateway_circuit_state\{service="export"\} 0$/m);
    expect(metrics).toMatch(/^gateway_circuit_state\{service="import"\} 0$/m);
  });
});

describe('graceful shutdown', () => {
  it('lets a query in flight finish and turns new requests away', async () => {
    // A gateway of its own: cold cache, so the query must wait for the slowed register.
    const closing = await startTestGateway({ url: proxy.url, ca: registry.ca });
    proxy.setFault({ kind: 'delay', ms: 500 });
    try {
      const from = proxy.seen.length;
      const slow = closing.query(byNumber('G18168'));
      while (proxy.seen.length === from) await new Promise((resolve) => setTimeout(resolve, 5));
      const closed = closing.close();
      const turnedAway = await post(closing.url, '{ __typename }');
      expect(turnedAway.status).toBe(503);
      const answer = await slow;
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ institution: { number: 'G18168', name: expect.any(String) } });
      await closed;
    } finally {
      proxy.setFault({ kind: 'pass' });
    }
  });
});

describe('the introspection switch', () => {
  it('refuses introspection when GATEWAY_INTROSPECTION is false', async () => {
    const closed = await startTestGateway(registry, { env: { GATEWAY_INTROSPECTION: 'false' } });
    try {
      const refused = await closed.query('{ __schema { types { name } } }');
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
      const allowed = await gateway.query('{ __schema { types { name } } }');
      expect(allowed.errors).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});
