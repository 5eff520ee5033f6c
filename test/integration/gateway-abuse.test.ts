import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../src/gateway/graphql/query-limits.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// Queries built to hurt: each is refused before any SOAP call, with a clear code and no internals.

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { gateway } = useTestStack({ registry: { changeFeed: false }, gateway: {} });

const post = (body: string) =>
  fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

const refusedAsTooComplex = async (query: string) => {
  gateway.metrics.reset();
  const response = await gateway.query(query);
  expect(response.data ?? null).toBeNull();
  expect(new Set(response.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['QUERY_TOO_COMPLEX']));
  expect(gateway.metrics.total()).toBe(0);
  return response;
};

describe('abusive queries', () => {
  it('refuses a query nested deeper than the limit', async () => {
    const nested = (depth: number): string =>
      depth === 0
        ? 'number'
        : `... on AssignmentUnit { daycareInstitution { units { edges { node { ${nested(depth - 1)} } } } } }`;
    await refusedAsTooComplex(`{ institution(number: "G10662") { ${nested(4)} } }`);
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: institution(number: "G10662") { name }`,
    );
    await refusedAsTooComplex(`{ ${aliases.join(' ')} }`);
  });

  it('refuses a wide query over the cost limit', async () => {
    const fields =
      'number name status email phone cvrNumber pNumber address { street houseNumber postalCode city location { latitude longitude } } unilogin { eligible reasons }';
    const wide = Array.from(
      { length: 14 },
      (_, i) =>
        `u${i}: assignmentUnits(first: 500) { edges { node { ${fields} daycareInstitution { number name units { edges { node { ${fields} } } } } } } }`,
    );
    await refusedAsTooComplex(`{ ${wide.join(' ')} }`);
  });

  it('refuses 500 × 500 × 500 nested pages whose sizes come as variables (the cost is computed after them)', async () => {
    gateway.metrics.reset();
    const response = await gateway.query(
      `query($a: Int, $b: Int, $c: Int) { daycareInstitutions(first: $a) { edges { node { number
        units(first: $b) { edges { node { number name daycareInstitution { units(first: $c) { edges { node { number name } } } } } } } } } } }`,
      { a: 500, b: 500, c: 500 },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors?.[0]?.message).toMatch(/costs \d+, more than the limit of 50000/);
    expect(gateway.metrics.total()).toBe(0);
  });

  it('answers the documented 500-unit page with a list card, the page size literal or a variable', async () => {
    const card =
      'number name status institutionType { code text } address { street houseNumber postalCode city } cvrNumber pNumber';
    for (const [query, variables] of [
      [`{ assignmentUnits(first: 500) { edges { node { ${card} } } } }`, undefined],
      [`query($n: Int) { assignmentUnits(first: $n) { edges { node { ${card} } } } }`, { n: 500 }],
    ] as const) {
      const response = await gateway.query<{ assignmentUnits: { edges: unknown[] } }>(query, variables);
      expect(response.errors).toBeUndefined();
      expect(response.data?.assignmentUnits.edges).toHaveLength(500);
    }
  });

  it('answers a page size over the limit with BAD_USER_INPUT, as docs/gateway-api.md says, not QUERY_TOO_COMPLEX', async () => {
    for (const [query, variables] of [
      ['{ assignmentUnits(first: 100000) { edges { node { number } } } }', undefined],
      ['query($n: Int) { assignmentUnits(first: $n) { edges { node { number } } } }', { n: 100_000 }],
    ] as const) {
      const response = await gateway.query(query, variables);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/first must be at most 500; got 100000/);
    }
  });

  it('refuses a document over the token limit', async () => {
    const tokens = Array.from({ length: QUERY_LIMITS.maxTokens }, () => '__typename').join(' ');
    const response = await refusedAsTooComplex(`{ ${tokens} }`);
    expect(response.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('refuses a huge list of numbers in the variables', async () => {
    gateway.metrics.reset();
    const numbers = Array.from(
      { length: 20_000 },
      (_, i) => `G${String(10_000 + (i % 89_999)).padStart(5, '0')}`,
    );
    const response = await gateway.query(
      'query($n: [InstitutionNumber!]!) { institutions(numbers: $n) { number } }',
      {
        n: numbers,
      },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.metrics.total()).toBe(0);
  });

  it('refuses an oversized body with 413 and a huge string variable within it as bad input', async () => {
    const oversized = await post(
      JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    expect(oversized.status).toBe(413);
    const longName = await gateway.query(
      'query($q: String) { assignmentUnits(filter: { nameContains: $q }) { totalCount } }',
      {
        q: 'æ'.repeat(200_000),
      },
    );
    expect(longName.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(longName.errors?.[0]?.message).toMatch(/at most 132 characters/);
  });

  it('refuses batched HTTP requests (they would multiply every limit)', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
  });

  it('does not suggest field names to someone probing the schema', async () => {
    const response = await gateway.query('{ institution(number: "G10662") { nam } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('answers automatic persisted queries: unknown hash, then registered, then by hash alone', async () => {
    const query = '{ institution(number: "G10662") { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = (await (await post(JSON.stringify({ extensions }))).json()) as {
      errors: { extensions: { code: string } }[];
    };
    expect(unknown.errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(JSON.stringify({ query, extensions }))).status).toBe(200);
    const byHash = (await (await post(JSON.stringify({ extensions }))).json()) as {
      data: { institution: { name: string } };
    };
    expect(byHash.data.institution.name).toBe('Den Private Børnehave Højvang');
  });

  it('never shows a stack trace or an internal path in any of these answers', async () => {
    const response = await post('{"query": "{ institution(number: \\"G10662\\") { name } ", "variables": 7}');
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|\/work\//);
  });
});
