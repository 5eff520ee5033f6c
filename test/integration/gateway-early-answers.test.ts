import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M } from '../helpers/gateway-writes.ts';
import { startRedis, type RedisServer } from '../helpers/start-redis.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

// A response-cache hit answered by the HTTP layer (http/early-answer.ts) against the same hit
// answered by Apollo's pipeline: two gateways on one register and one Redis (so one response store),
// the first with early answers, the second with RESPONSE_CACHE_EARLY=false. Raw node:http, so that
// compressed bodies are compared as sent.

let registry: TestRegistry;
let redis: RedisServer;
let early: TestGateway;
let apollo: TestGateway;
let inProcess: TestGateway;

beforeAll(async () => {
  [registry, redis] = await Promise.all([startTestRegistry(), startRedis()]);
  const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'dtr-early', CHANGE_FEED_POLL_INTERVAL_MS: '100' };
  [early, apollo, inProcess] = await Promise.all([
    startTestGateway(registry, { env }),
    startTestGateway(registry, { env: { ...env, RESPONSE_CACHE_EARLY: 'false' } }),
    startTestGateway(registry),
  ]);
});
afterAll(async () => {
  await Promise.all([early?.close(), apollo?.close(), inProcess?.close()]);
  await redis?.stop();
  await registry?.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

interface Shape {
  method: 'GET' | 'POST';
  /** The search of a GET, with its `?`. */
  search?: string;
  body?: string;
  headers?: Record<string, string>;
}

const send = (gateway: TestGateway, shape: Shape): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const url = new URL(gateway.url);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${shape.search ?? ''}`,
        method: shape.method,
        headers: {
          ...(shape.method === 'POST' && { 'content-type': 'application/json' }),
          ...(shape.method === 'GET' && { 'apollo-require-preflight': 'true' }),
          ...shape.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(shape.body);
  });

/** How many answers the gateway's HTTP layer gave from the response cache, from its /metrics. */
const earlyAnswers = async (gateway: TestGateway): Promise<number> => {
  const text = await (await fetch(new URL('/metrics', gateway.url))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('gateway_graphql_early_answers_total'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
};

/** The answer's headers as compared: all but the ones that differ by nature (and Age, compared apart). */
const comparable = (answer: RawAnswer) =>
  Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => !['date', 'x-request-id', 'age'].includes(name)),
  );

/**
 * Stores `shape`'s answer (through Apollo), then asks for it through both paths and checks that
 * the early one answered it early and that both are the same, byte for byte.
 */
const bothWays = async (shape: Shape, warm: Shape = shape) => {
  const warmed = await send(apollo, warm);
  expect(warmed.status).toBe(200);
  // The plugin stores in the background: wait until Apollo answers it from the store.
  await expect.poll(async () => (await send(apollo, warm)).headers.age, { timeout: 5000 }).toBeDefined();
  // Answered early, as soon as the shared store answers: on a loaded machine a Redis call may
  // time out, and the store then falls back to the process's own part, which has no such answer.
  let fromEarly: RawAnswer | undefined;
  await expect
    .poll(
      async () => {
        const before = await earlyAnswers(early);
        fromEarly = await send(early, shape);
        return (await earlyAnswers(early)) - before;
      },
      { timeout: 5000 },
    )
    .toBe(1);
  const fromApollo = await send(apollo, shape);
  if (fromEarly === undefined) throw new Error('no early answer');
  expect(fromEarly.status).toBe(fromApollo.status);
  expect(fromEarly.body.equals(fromApollo.body)).toBe(true);
  expect(comparable(fromEarly)).toEqual(comparable(fromApollo));
  // Age is whole seconds since the answer was stored, read a moment apart.
  expect(Math.abs(Number(fromEarly.headers.age) - Number(fromApollo.headers.age))).toBeLessThanOrEqual(1);
  expect(fromEarly.headers['x-request-id']).toBeDefined();
  return { fromEarly, fromApollo };
};

const UNIT = 'query Unit($n: InstitutionNumber!) { institution(number: $n) { number name } }';
const PAGE =
  '{ assignmentUnits(first: 30) { edges { node { number name address { street postalCode city } } } } }';

describe('a response-cache hit answered before Apollo', () => {
  it('is the same POST answer, with variables', async () => {
    const { fromEarly } = await bothWays({
      method: 'POST',
      body: JSON.stringify({ query: UNIT, variables: { n: 'G10662' } }),
    });
    expect(fromEarly.headers['cache-control']).toBe('max-age=60, public');
    expect(fromEarly.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(fromEarly.body.toString())).toMatchObject({
      data: { institution: { number: 'G10662' } },
    });
  });

  it('is the same GET answer, with its ETag, and the same 304 for If-None-Match', async () => {
    const search = `?${new URLSearchParams({ query: UNIT, variables: JSON.stringify({ n: 'G13047' }) })}`;
    const { fromEarly } = await bothWays({ method: 'GET', search });
    const etag = fromEarly.headers.etag;
    expect(etag).toMatch(/^"/);
    const revalidated = await bothWays(
      { method: 'GET', search, headers: { 'if-none-match': String(etag) } },
      { method: 'GET', search },
    );
    expect(revalidated.fromEarly.status).toBe(304);
    expect(revalidated.fromEarly.body.length).toBe(0);
  });

  it('is the same compressed answer, gzip and brotli', async () => {
    const body = JSON.stringify({ query: PAGE });
    for (const encoding of ['gzip', 'br']) {
      const { fromEarly } = await bothWays({
        method: 'POST',
        body,
        headers: { 'accept-encoding': encoding },
      });
      expect(fromEarly.headers['content-encoding']).toBe(encoding);
      expect(fromEarly.headers.vary).toMatch(/Accept-Encoding/);
    }
  });

  it('is the same for a persisted query: registered with its text, then a GET by its hash alone', async () => {
    const query = '{ institution(number: "G10662") { number name unilogin { eligible } } }';
    const extensions = {
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
    };
    await bothWays({ method: 'POST', body: JSON.stringify({ query, extensions }) });
    const byHash = {
      method: 'GET' as const,
      search: `?${new URLSearchParams({ extensions: JSON.stringify(extensions) })}`,
    };
    const { fromEarly } = await bothWays(byHash);
    expect(JSON.parse(fromEarly.body.toString())).toMatchObject({
      data: { institution: { number: 'G10662' } },
    });
  });

  it('is the same with a chosen operation, an Origin and another Accept', async () => {
    const query = `${UNIT} query Other { municipalities { code } }`;
    const { fromEarly } = await bothWays({
      method: 'POST',
      body: JSON.stringify({ query, operationName: 'Unit', variables: { n: 'G10662' } }),
      headers: {
        origin: 'https://app.example.dk',
        accept: 'application/graphql-response+json, application/json',
      },
    });
    expect(fromEarly.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(fromEarly.headers['access-control-allow-origin']).toBe('*');
  });

  it('is counted by the GraphQL metrics like any operation', async () => {
    const operations = async () => {
      const text = await (await fetch(new URL('/metrics', early.url))).text();
      return Number(
        /gateway_graphql_operations_total\{operation="Unit",outcome="ok"\} (\d+)/.exec(text)?.[1] ?? 0,
      );
    };
    const before = await operations();
    await bothWays({ method: 'POST', body: JSON.stringify({ query: UNIT, variables: { n: 'G10662' } }) });
    expect(await operations()).toBe(before + 1);
  });

  it('is served from the in-process store too, and never for a request with Authorization', async () => {
    const shape: Shape = {
      method: 'POST',
      body: JSON.stringify({ query: UNIT, variables: { n: 'G10662' } }),
    };
    await send(inProcess, shape);
    const before = await earlyAnswers(inProcess);
    const hit = await send(inProcess, shape);
    expect(hit.headers.age).toBeDefined();
    expect(await earlyAnswers(inProcess)).toBe(before + 1);
    // With credentials it is Apollo's: still the stored answer (public data), but not early.
    const withCredentials = await send(inProcess, {
      ...shape,
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expect(withCredentials.headers.age).toBeDefined();
    expect(withCredentials.body.equals(hit.body)).toBe(true);
    expect(await earlyAnswers(inProcess)).toBe(before + 1);
  });

  it('misses after a write: the new sequence is a new key, executed, then early again', async () => {
    const shape: Shape = {
      method: 'POST',
      body: JSON.stringify({ query: UNIT, variables: { n: 'G10662' } }),
    };
    await send(early, shape);
    await expect.poll(async () => (await send(early, shape)).headers.age, { timeout: 5000 }).toBeDefined();
    const changed = await early.query(
      M.updateAssignmentUnit,
      { input: { number: 'G10662', name: 'Tidlig Børnehus' } },
      { user: 'admin' },
    );
    expect(changed.errors).toBeUndefined();
    const before = await earlyAnswers(early);
    const after = await send(early, shape);
    expect(after.headers.age).toBeUndefined();
    expect(JSON.parse(after.body.toString())).toMatchObject({
      data: { institution: { name: 'Tidlig Børnehus' } },
    });
    expect(await earlyAnswers(early)).toBe(before);
    await expect.poll(async () => (await send(early, shape)).headers.age, { timeout: 5000 }).toBeDefined();
    expect(await earlyAnswers(early)).toBeGreaterThan(before);
  });
});
