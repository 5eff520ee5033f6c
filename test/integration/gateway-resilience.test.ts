import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../helpers/fault-proxy.ts';
import { ADDRESS_751, M } from '../helpers/gateway-writes.ts';
import { P } from '../helpers/import-fixtures.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// Retries, circuit breaker, concurrency cap, coalescing and stale-if-error, through a proxy that
// misbehaves per request. Each case has a gateway of its own, configured with short delays.

const gateways: TestGateway[] = [];

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, proxy } = useTestStack({ registry: { changeFeed: false }, faultProxy: true });
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
});

/** A gateway behind the proxy, its WSDL already loaded through a healthy proxy. */
const gatewayWith = async (env: NodeJS.ProcessEnv): Promise<TestGateway> => {
  const gateway = await startTestGateway({ url: proxy.url, ca: registry.ca }, { env });
  gateways.push(gateway);
  proxy.setFault({ kind: 'pass' });
  expect((await gateway.query('{ codes(table: OWNERSHIP) { code } }')).errors).toBeUndefined();
  return gateway;
};

/** Assignment units: each one SOAP call on a cold cache (the first level looked at). */
const UNITS = ['G18062', 'G18063', 'G18168', 'G20271', 'G10432', 'G10662', 'G13957', 'G15934', 'G10664'];
let next = 0;
const fresh = () => UNITS[next++ % UNITS.length] ?? 'G18062';

const byNumber = (gateway: TestGateway, number: string) =>
  gateway.query<{ institution: { number: string; name: string } | null }>(
    `{ institution(number: "${number}") { number name } }`,
  );

/** The SOAP calls (not WSDL downloads) the proxy has seen from index `since` on. */
const callsSince = (since: number) => proxy.seen.slice(since).filter((r) => r.soapAction !== undefined);

/** Breaks the SOAP calls only, so that no WSDL download counts. */
const onCalls = (fault: Fault) => (req: { path: string }) =>
  req.path.includes('?') ? { kind: 'pass' as const } : fault;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('retries of reads', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({ SOAP_READ_RETRIES: '2', SOAP_RETRY_BASE_DELAY_MS: '10' });
  });

  it('a read that fails once with 503 succeeds on its retry', async () => {
    let failed = false;
    proxy.setFault((req) => {
      if (req.path.includes('?') || failed) return { kind: 'pass' };
      failed = true;
      return { kind: 'status', status: 503 };
    });
    const since = proxy.seen.length;
    const answer = await byNumber(gateway, fresh());
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.institution).toMatchObject({ name: expect.any(String) as unknown });
    expect(callsSince(since).map((r) => r.fault)).toEqual(['status', 'pass']);
  });

  it('a SOAP fault is not retried', async () => {
    proxy.setFault(onCalls({ kind: 'soapFault' }));
    const since = proxy.seen.length;
    const answer = await byNumber(gateway, fresh());
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_FAULT']);
    expect(callsSince(since)).toHaveLength(1);
  });
});

describe('the circuit breaker', () => {
  it('opens after N failures, fails fast, and closes on a successful probe after the cool-down', async () => {
    const gateway = await gatewayWith({
      SOAP_READ_RETRIES: '0',
      BREAKER_FAILURE_THRESHOLD: '3',
      BREAKER_COOL_DOWN_MS: '300',
    });
    proxy.setFault(onCalls({ kind: 'status', status: 503 }));
    for (let i = 0; i < 3; i++) {
      const failed = await byNumber(gateway, fresh());
      expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    }
    expect(gateway.circuitStates()).toEqual({ export: 'open', import: 'closed' });

    const since = proxy.seen.length;
    const fast = await byNumber(gateway, fresh());
    expect(fast.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(callsSince(since)).toHaveLength(0);

    proxy.setFault({ kind: 'pass' });
    await sleep(350);
    expect(gateway.circuitStates().export).toBe('half-open');
    const probe = await byNumber(gateway, fresh());
    expect(probe.errors).toBeUndefined();
    expect(callsSince(since)).toHaveLength(1);
    expect(gateway.circuitStates().export).toBe('closed');
  });
});

describe('coalescing and the concurrency cap', () => {
  it('two concurrent identical reads on a cold cache make one SOAP call', async () => {
    const gateway = await gatewayWith({});
    proxy.setFault(onCalls({ kind: 'delay', ms: 100 }));
    const since = proxy.seen.length;
    const number = fresh();
    const answers = await Promise.all([byNumber(gateway, number), byNumber(gateway, number)]);
    for (const answer of answers) expect(answer.data?.institution?.number).toBe(number);
    expect(callsSince(since)).toHaveLength(1);
  });

  it('never has more than the cap of calls in flight', async () => {
    const gateway = await gatewayWith({ SOAP_MAX_CONCURRENT_CALLS: '2' });
    const DELAY_MS = 150;
    const starts: number[] = [];
    proxy.setFault((req) => {
      if (req.path.includes('?')) return { kind: 'pass' };
      starts.push(Date.now());
      return { kind: 'delay', ms: DELAY_MS };
    });
    const answers = await Promise.all(UNITS.slice(0, 6).map((number) => byNumber(gateway, number)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(starts).toHaveLength(6);
    // Each call lasts at least DELAY_MS at the proxy, so calls started closer than that overlapped.
    const overlapping = starts.map((t) => starts.filter((u) => u <= t && t - u < DELAY_MS).length);
    expect(Math.max(...overlapping)).toBe(2);
  });
});

describe('stale-if-error', () => {
  it('serves an expired answer while the register fails, and says so', async () => {
    const gateway = await gatewayWith({
      CACHE_TTL_MS: '200',
      CACHE_STALE_IF_ERROR_MS: '60000',
      SOAP_READ_RETRIES: '0',
    });
    const number = fresh();
    const first = await byNumber(gateway, number);
    expect(first.errors).toBeUndefined();
    expect(first.extensions?.staleness).toBeUndefined();
    await sleep(250);

    proxy.setFault(onCalls({ kind: 'status', status: 503 }));
    const since = proxy.seen.length;
    const stale = await byNumber(gateway, number);
    expect(callsSince(since)).toHaveLength(1);
    expect(stale.errors).toBeUndefined();
    expect(stale.data).toEqual(first.data);
    expect(stale.extensions?.staleness).toEqual({ stale: true, maxAgeMs: expect.any(Number) as unknown });
    const { maxAgeMs } = stale.extensions?.staleness as { maxAgeMs: number };
    expect(maxAgeMs).toBeGreaterThanOrEqual(200);

    // Without a cached answer, the failure shows.
    const cold = await byNumber(gateway, fresh());
    expect(cold.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);

    // The stale answer was not kept as a whole response: once the register answers, it is asked.
    proxy.setFault({ kind: 'pass' });
    const recoveredSince = proxy.seen.length;
    const recovered = await byNumber(gateway, number);
    expect(callsSince(recoveredSince)).toHaveLength(1);
    expect(recovered.data).toEqual(first.data);
    expect(recovered.extensions?.staleness).toBeUndefined();
  });
});

describe('writes', () => {
  it('a mutation through a failing register is attempted exactly once', async () => {
    const gateway = await gatewayWith({ SOAP_READ_RETRIES: '2', SOAP_RETRY_BASE_DELAY_MS: '10' });
    // The WSDL and its XSD pass: only the write itself fails.
    proxy.setFault((req) =>
      req.soapAction !== undefined && req.path.includes('ImportService')
        ? { kind: 'status', status: 503 }
        : { kind: 'pass' },
    );
    const since = proxy.seen.length;
    const response = await gateway.query(
      M.createAlternativeAddress,
      {
        input: {
          assignmentUnitNumber: 'G10662',
          alternativeAddress: { name: 'x', address: ADDRESS_751, pNumber: P.privat33178522[2] },
        },
      },
      { user: 'admin' },
    );
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    await sleep(100);
    const writes = callsSince(since).filter((r) => r.path.includes('ImportService'));
    expect(writes.map((r) => r.soapAction)).toEqual([
      'urn:dagtilbudsregister:import:v1/InsertAlternativAdresse',
    ]);
  });
});

describe('a write whose answer is lost', () => {
  it('was committed all the same: the next read shows it, from neither cache', async () => {
    const gateway = await gatewayWith({ CACHE_TTL_MS: String(3600_000) });
    const UNIT_EMAIL = `{ institution(number: "G10662") { ... on AssignmentUnit { email } } }`;
    const before = await gateway.query<{ institution: { email: string | null } }>(UNIT_EMAIL);
    expect(before.errors).toBeUndefined();
    // The write reaches the register, which commits it; its answer is cut off on the way back.
    proxy.setFault((req) =>
      req.soapAction !== undefined && req.path.includes('ImportService')
        ? { kind: 'truncated' }
        : { kind: 'pass' },
    );
    const lost = await gateway.query(
      M.updateAssignmentUnit,
      { input: { number: 'G10662', email: 'tabt-svar@hoejvang.dk' } },
      { user: 'admin' },
    );
    expect(lost.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_FAULT']);
    proxy.setFault({ kind: 'pass' });
    const after = await gateway.query<{ institution: { email: string | null } }>(UNIT_EMAIL);
    expect(after.data?.institution.email).toBe('tabt-svar@hoejvang.dk');
  });
});
