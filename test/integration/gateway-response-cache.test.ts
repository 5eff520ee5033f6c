import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M } from '../helpers/gateway-writes.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

let withoutResponseCache: TestGateway;

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, gateway } = useTestStack({
  registry: { changeFeed: false },
  gateway: { env: { CACHE_TTL_MS: String(3600_000) } },
});
beforeAll(async () => {
  withoutResponseCache = await startTestGateway(registry, {
    env: { CACHE_TTL_MS: String(3600_000), RESPONSE_CACHE_MAX_BYTES: '0' },
  });
});
afterAll(async () => {
  await withoutResponseCache?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const UNIT = `query($n: InstitutionNumber!) { institution(number: $n) { number name unilogin { eligible reasons } } }`;

/** One query's answer, its Age header and the SOAP calls it made. */
const ask = async (target: TestGateway, query: string, variables?: Record<string, unknown>) => {
  target.metrics.reset();
  const response = await target.query(query, variables);
  expect(response.errors).toBeUndefined();
  return { data: response.data, age: response.headers.get('age'), calls: target.metrics.total() };
};

describe('the response cache', () => {
  it('answers a repeated query whole: no execution, so no call even with the records forgotten', async () => {
    const first = await ask(gateway, UNIT, { n: 'G10662' });
    expect(first.calls).toBe(1);
    expect(first.age).toBeNull();
    gateway.cache.clear();
    const again = await ask(gateway, UNIT, { n: 'G10662' });
    expect(again).toMatchObject({ data: first.data, calls: 0, age: '0' });
    // Other variables are another question: executed, and the forgotten records read again.
    const other = await ask(gateway, UNIT, { n: 'G13047' });
    expect(other.calls).toBe(1);
    expect(other.age).toBeNull();
  });

  it('never stores what may not be cached: a query without hints is executed every time', async () => {
    const lookups = () => {
      const report = gateway.responseCache?.report();
      return { hits: report?.hits, misses: report?.misses };
    };
    const before = lookups();
    await ask(gateway, '{ __typename }');
    await ask(gateway, '{ __typename }');
    // Not even looked up: its policy (maxAge 0) is known from the document.
    expect(lookups()).toEqual(before);
  });

  it('forgets every answer at a committed write, and keeps them at a refused one', async () => {
    const before = await ask(gateway, UNIT, { n: 'G10662' });
    const refused = await gateway.query(
      M.updateAssignmentUnit,
      { input: { number: 'G10662', name: 'Ikke min' } },
      { user: 'kommune-101' },
    );
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await ask(gateway, UNIT, { n: 'G10662' })).age).not.toBeNull();

    const changed = await gateway.query(
      M.updateAssignmentUnit,
      { input: { number: 'G10662', name: 'Højvang Børnehus' } },
      { user: 'admin' },
    );
    expect(changed.errors).toBeUndefined();
    const after = await ask(gateway, UNIT, { n: 'G10662' });
    expect(after.age).toBeNull();
    expect(after.data).toEqual({
      institution: { ...(before.data?.institution as object), name: 'Højvang Børnehus' },
    });
  });

  it('keeps an answer no longer than the oldest record in it stays fresh', async () => {
    const shortLived = await startTestGateway(registry, { env: { CACHE_TTL_MS: '600' } });
    try {
      const NAME = `{ institution(number: "G18063") { name } }`;
      const STATUS = `{ institution(number: "G18063") { status } }`;
      expect((await ask(shortLived, NAME)).calls).toBe(1);
      await sleep(400);
      // Made from the record read 400 ms ago: fresh for 200 ms more, and stored no longer.
      expect((await ask(shortLived, STATUS)).calls).toBe(0);
      expect((await ask(shortLived, STATUS)).age).not.toBeNull();
      await sleep(300);
      const again = await ask(shortLived, STATUS);
      expect(again.age).toBeNull();
      expect(again.calls).toBe(1);
    } finally {
      await shortLived.close();
    }
  });

  it('is switched off by RESPONSE_CACHE_MAX_BYTES=0', async () => {
    await ask(withoutResponseCache, UNIT, { n: 'G18062' });
    withoutResponseCache.cache.clear();
    const again = await ask(withoutResponseCache, UNIT, { n: 'G18062' });
    expect(again.calls).toBe(1);
    expect(again.age).toBeNull();
    expect(withoutResponseCache.responseCache).toBeNull();
  });
});
