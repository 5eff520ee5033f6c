import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, gateway } = useTestStack({ registry: { changeFeed: false }, gateway: {} });

/** Runs a query from a cold (or the current) cache and returns the SOAP calls it made, by operation. */
const callsOf = async (target: TestGateway, query: string, variables?: Record<string, unknown>) => {
  target.metrics.reset();
  const response = await target.query(query, variables);
  expect(response.errors).toBeUndefined();
  return { calls: target.metrics.byOperation(), total: target.metrics.total(), data: response.data };
};

const PAGE = `query($first: Int) {
  assignmentUnits(first: $first) {
    edges { node {
      number name unilogin { eligible reasons }
      daycareInstitution { number name ownership { code text } }
      alternativeAddresses { number name address { street } unilogin { eligible } }
    } }
  }
}`;

describe('batching: SOAP calls per operation', () => {
  it('a page of 100 units with parents, alternative addresses and eligibility: 3 calls cold, 0 warm', async () => {
    gateway.clearCaches();
    const cold = await callsOf(gateway, PAGE, { first: 100 });
    expect(cold.calls).toEqual({
      GetAllAnvisningsEnheder: 1,
      GetDaginstitutionerByNumre: 1,
      GetAllAlternativAdresser: 1,
    });
    // Warm records and lists alone, without the whole answer: still no call.
    gateway.responseCache?.clear();
    expect((await callsOf(gateway, PAGE, { first: 100 })).total).toBe(0);
  });

  it('whatever the page size: 500 units cost the same 3 calls', async () => {
    gateway.clearCaches();
    expect((await callsOf(gateway, PAGE, { first: 500 })).total).toBe(3);
  });

  it('many look-ups in one operation are one batch call per level', async () => {
    gateway.clearCaches();
    const numbers = ['G10662', 'G13047', 'G18062', 'D10041', 'G23042'];
    const aliased = numbers.map((n, i) => `u${i}: institution(number: "${n}") { number }`).join(' ');
    const { calls } = await callsOf(
      gateway,
      `{ ${aliased} all: institutions(numbers: ${JSON.stringify(numbers)}) { number } }`,
    );
    expect(calls).toEqual({ GetAnvisningsEnhederByNumre: 1 });
  });

  it('a number of another level costs one call per level tried, then none: its level is cached', async () => {
    gateway.clearCaches();
    const query = `{ institution(number: "G30504") { __typename number } }`;
    expect((await callsOf(gateway, query)).calls).toEqual({
      GetAnvisningsEnhederByNumre: 1,
      GetDaginstitutionerByNumre: 1,
      GetAlternativAdresserByNumre: 1,
    });
    expect((await callsOf(gateway, query)).total).toBe(0);
    expect((await callsOf(gateway, `{ institution(number: "G99999") { number } }`)).total).toBe(3);
    expect((await callsOf(gateway, `{ institution(number: "G99999") { number } }`)).total).toBe(0);
  });

  it('a record read in a list is not read again by number', async () => {
    gateway.clearCaches();
    await callsOf(gateway, `{ daycareInstitutions(first: 1) { totalCount } }`);
    const { total, data } = await callsOf(gateway, `{ institution(number: "G30306") { number } }`);
    expect(data).toEqual({ institution: { number: 'G30306' } });
    expect(total).toBe(0);
  });

  it('a filter reads its most selective list, or a whole level already cached', async () => {
    gateway.clearCaches();
    const byCvr = `{ assignmentUnits(filter: { cvrNumber: "33178522" }) { totalCount } }`;
    expect((await callsOf(gateway, byCvr)).calls).toEqual({ GetAnvisningsEnhederByCvrnummer: 1 });
    const byKommune = `{ daycareInstitutions(filter: { municipalityCode: 210 }) { totalCount } }`;
    expect((await callsOf(gateway, byKommune)).calls).toEqual({ GetDagtilbudByAdmKommuneNummer: 1 });
    await callsOf(gateway, `{ assignmentUnits(first: 0) { totalCount } }`);
    const byOtherCvr = `{ assignmentUnits(filter: { cvrNumber: "29189641" }) { totalCount } }`;
    expect((await callsOf(gateway, byOtherCvr)).total).toBe(0);
  });
});

describe('against a register without the batch extension', () => {
  let fallback: TestGateway;
  beforeAll(async () => {
    fallback = await startTestGateway(registry, { useExtensions: false });
  });
  afterAll(() => fallback?.close());

  it('N look-ups make N calls of STIL’s own operation (bounded fan-out), 1 with the extension', async () => {
    const numbers = [
      'G10662',
      'G13047',
      'G18062',
      'D10041',
      'G23042',
      'G16882',
      'G17224',
      'G17226',
      'G11406',
      'G15618',
    ];
    const query = `query($n: [InstitutionNumber!]!) { institutions(numbers: $n) { number } }`;
    const withFallback = await callsOf(fallback, query, { n: numbers });
    expect(withFallback.calls).toEqual({ GetAnvisningsEnhederByNummer: numbers.length });
    gateway.clearCaches();
    const withExtension = await callsOf(gateway, query, { n: numbers });
    expect(withExtension.calls).toEqual({ GetAnvisningsEnhederByNumre: 1 });
    expect(withFallback.data).toEqual(withExtension.data);
  });
});

describe('the shared cache', () => {
  let shortLived: TestGateway;
  beforeAll(async () => {
    shortLived = await startTestGateway(registry, { env: { CACHE_TTL_MS: '300' } });
  });
  afterAll(() => shortLived?.close());

  it('expires after CACHE_TTL_MS: within it no call, after it the register is asked again', async () => {
    const query = `{ institution(number: "G10662") { name } codes(table: OWNERSHIP) { code } }`;
    expect((await callsOf(shortLived, query)).total).toBe(2);
    expect((await callsOf(shortLived, query)).total).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await callsOf(shortLived, query)).calls).toEqual({
      GetAnvisningsEnhederByNumre: 1,
      GetEjerformer: 1,
    });
  });
});

describe('HTTP caching', () => {
  const get = (query: string) =>
    fetch(`${gateway.url}?query=${encodeURIComponent(query)}`, {
      // Apollo's CSRF prevention: a GET must carry a header a browser form cannot send.
      headers: { 'apollo-require-preflight': 'true' },
    });

  it('a GET query carries a cache-control header from the schema’s hints', async () => {
    const response = await get(`{ institution(number: "G10662") { name unilogin { eligible } } }`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
    expect(await response.json()).toEqual({
      data: { institution: { name: 'Den Private Børnehave Højvang', unilogin: { eligible: true } } },
    });
    const codes = await get(`{ municipalities { code } codes(table: LEGAL_BASIS) { text } }`);
    expect(codes.headers.get('cache-control')).toBe('max-age=3600, public');
  });

  it('a GET without the preflight header is refused (CSRF prevention)', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });
});
