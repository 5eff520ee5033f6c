import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createClient } from '@keyv/redis';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { M } from '../helpers/gateway-writes.ts';
import { REAL } from '../helpers/import-fixtures.ts';
import { startNginx, NGINX, type Nginx } from '../helpers/start-nginx.ts';
import { startRedis, REDIS_SERVER, type RedisServer } from '../helpers/start-redis.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { basicAuth, startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

// Several gateways (replicas) in front of one register, their shared state in a real redis-server,
// one of the tests through a real nginx.
const hasServers = existsSync(REDIS_SERVER) && existsSync(NGINX);
if (!hasServers && process.env.CI)
  throw new Error('CI needs redis-server and nginx: run .ci/install-system-deps');

const PREFIX = 'dtr-test';
const LIMITS = { GATEWAY_LOGIN_FAILURES_PER_USER: '4', GATEWAY_LOGIN_FAILURES_PER_GATEWAY: '10' };

let registry: TestRegistry;
let redis: RedisServer;
let replicas: TestGateway[] = [];

const startReplica = (env: NodeJS.ProcessEnv = {}) =>
  startTestGateway(registry, {
    env: {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: PREFIX,
      CHANGE_FEED_POLL_INTERVAL_MS: '200',
      ...LIMITS,
      ...env,
    },
  });

const replica = (i: number): TestGateway => {
  const found = replicas[i];
  if (found === undefined) throw new Error(`no replica ${i}`);
  return found;
};

beforeAll(async () => {
  if (!hasServers) return;
  [registry, redis] = await Promise.all([startTestRegistry(), startRedis({ debugCommands: true })]);
  replicas = await Promise.all([startReplica(), startReplica(), startReplica()]);
  // Live mode: each replica has loaded the register and follows its change feed.
  await Promise.all(replicas.map((r) => r.query('{ institution(number: "G10662") { number } }')));
});
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.close()));
  await redis?.stop();
  await registry?.close();
});

/** A POST with a whole body of our choosing (APQ's extensions); the answer's JSON. */
const post = async (url: string, body: unknown) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    ...((await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    }),
  };
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string, variables: Record<string, unknown>, query?: string) => ({
  ...(query !== undefined && { query }),
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

/** What a client that speaks APQ does: the hash alone, and the text too if the hash is unknown. */
const askPersisted = async (url: string, query: string, variables: Record<string, unknown>) => {
  const hash = sha256(query);
  const first = await post(url, persisted(hash, variables));
  if (first.errors?.[0]?.extensions?.code !== 'PERSISTED_QUERY_NOT_FOUND') return first;
  return post(url, persisted(hash, variables, query));
};

const base = (url: string) => url.replace(/\/graphql$/, '');
const metric = async (url: string, name: string): Promise<number> => {
  const text = await (await fetch(`${base(url)}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? Number.NaN : Number(line.split(' ')[1]);
};
const readiness = async (url: string) => {
  const response = await fetch(`${base(url)}/readyz`);
  return {
    httpStatus: response.status,
    ...((await response.json()) as { checks: Record<string, string> }),
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const EMAIL_OF = `query($n: InstitutionNumber!) { institution(number: $n) { number ... on AssignmentUnit { email } } }`;

describe.skipIf(!hasServers)('several gateways sharing Redis', () => {
  it('a query persisted through one replica is answered by the others from its hash alone', async () => {
    const query = `query Persisted($n: InstitutionNumber!) { institution(number: $n) { number name } }`;
    const hash = sha256(query);
    // Unknown everywhere at first: the protocol's answer, not a failure.
    const unknown = await post(replica(1).url, persisted(hash, { n: 'G10662' }));
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post(replica(0).url, persisted(hash, { n: 'G10662' }, query));
    expect(registered.errors).toBeUndefined();
    for (const i of [1, 2]) {
      const answered = await post(replica(i).url, persisted(hash, { n: 'G13047' }));
      expect(answered.errors).toBeUndefined();
      expect(answered.data).toMatchObject({ institution: { number: 'G13047' } });
    }

    // A gateway without Redis (the embedded default) keeps its own: the hash is unknown there.
    const alone = await startTestGateway(registry);
    try {
      const there = await post(alone.url, persisted(hash, { n: 'G10662' }));
      expect(there.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await alone.close();
    }
  });

  it('uses Redis, not its fallback, while Redis is up', async () => {
    for (const r of replicas) {
      expect((await readiness(r.url)).checks.sharedState).toBe('redis');
      expect(await metric(r.url, 'gateway_redis_fallbacks_total')).toBe(0);
    }
  });

  it('keeps every key under the prefix, each with a TTL', async () => {
    await replica(0).query(EMAIL_OF, { n: 'G13047' });
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((key) => !key.startsWith(`${PREFIX}:`))).toEqual([]);
      expect(keys.some((key) => key.startsWith(`${PREFIX}:apq:`))).toBe(true);
      expect(keys.some((key) => key.startsWith(`${PREFIX}:fqc:`))).toBe(true);
      const ttls = await Promise.all(keys.map((key) => client.pTTL(key)));
      // -1 would be a key without a TTL (-2: expired in between).
      expect(ttls.filter((ttl) => ttl === -1)).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('an answer computed by one replica is served by the others from Redis', async () => {
    const query = `query Shared($n: InstitutionNumber!) { institution(number: $n) { number name status } }`;
    const hits = () => Promise.all(replicas.map((r) => metric(r.url, 'gateway_response_cache_hits_total')));
    const before = await hits();
    expect((await replica(0).query(query, { n: 'G18063' })).errors).toBeUndefined();
    await replica(1).query(query, { n: 'G18063' });
    await replica(2).query(query, { n: 'G18063' });
    const after = await hits();
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([0, 1, 1]);
  });

  it('reads its writes across replicas: the writer at once, the others within the feed interval', async () => {
    const n = REAL.privatUnit751;
    // Every replica has the old answer in the shared response cache first.
    for (const r of replicas) await r.query(EMAIL_OF, { n });
    const email = `ryw-${Date.now()}@hoejvang.dk`;
    const written = await replica(0).query(
      M.updateAssignmentUnit,
      { input: { number: n, email } },
      { user: 'admin' },
    );
    expect(written.errors).toBeUndefined();
    const atOnce = await replica(0).query<{ institution: { email: string } }>(EMAIL_OF, { n });
    expect(atOnce.data?.institution.email).toBe(email);

    const started = Date.now();
    const seenAfterMs = await Promise.all(
      [1, 2].map(async (i) => {
        for (;;) {
          const read = await replica(i).query<{ institution: { email: string } }>(EMAIL_OF, { n });
          if (read.data?.institution.email === email) return Date.now() - started;
          if (Date.now() - started > 10_000) return Number.POSITIVE_INFINITY;
          await sleep(50);
        }
      }),
    );
    // The poll interval is 200 ms; generous for two busy cores.
    for (const ms of seenAfterMs) expect(ms).toBeLessThan(5000);
  });

  it('a slow Redis fails no request: the process answers within the command deadline', async () => {
    const query = `query Slow($n: InstitutionNumber!) { institution(number: $n) { number name } }`;
    const fallbacksBefore = await metric(replica(1).url, 'gateway_redis_fallbacks_total');
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      // Redis answers nothing for 3 s (it is busy, not gone: the connection stays up).
      const sleeping = client.sendCommand(['DEBUG', 'SLEEP', '3']);
      await sleep(100);
      const answers = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const started = Date.now();
          const answer = await askPersisted(replica(i % 3).url, query, { n: 'G13047' });
          return { answer, ms: Date.now() - started };
        }),
      );
      await sleeping;
      for (const { answer, ms } of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toMatchObject({ institution: { number: 'G13047' } });
        // Not waited out: the deadline is 250 ms (generous for two busy cores).
        expect(ms).toBeLessThan(2500);
      }
    } finally {
      client.destroy();
    }
    expect(await metric(replica(1).url, 'gateway_redis_fallbacks_total')).toBeGreaterThan(fallbacksBefore);
    // Back to Redis once it answers again.
    const deadline = Date.now() + 10_000;
    while ((await readiness(replica(1).url)).checks.sharedState !== 'redis' && Date.now() < deadline)
      await sleep(100);
    expect((await readiness(replica(1).url)).checks.sharedState).toBe('redis');
  });

  it('30 wrong passwords spread over 3 replicas: the register sees no more than the fleet-wide limit', async () => {
    for (const r of replicas) r.metrics.reset();
    const users = ['kommune-101', 'privat-33178522', 'reader', 'ukendt-1', 'ukendt-2', 'ukendt-3'];
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        replica(i % 3).query(
          M.updateAssignmentUnit,
          { input: { number: REAL.privatUnit751, email: 'x@kk.dk' } },
          { authorization: basicAuth(users[i % users.length] ?? '', `guess-${i}`) },
        ),
      ),
    );
    const codes = guesses.map((g) => g.errors?.map((e) => e.extensions?.code).join() ?? 'ok');
    const reachedRegister = replicas
      .map((r) => r.metrics.byOperation().UpdateAnvisningsEnhed ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(reachedRegister).toBe(Number(LIMITS.GATEWAY_LOGIN_FAILURES_PER_GATEWAY));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(20);
    // A fresh replica joining the fleet knows of the failures too.
    const late = await startReplica();
    try {
      const held = await late.query(
        M.updateAssignmentUnit,
        { input: { number: REAL.privatUnit751, email: 'x@kk.dk' } },
        { user: 'kommune-101' },
      );
      expect(held.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(late.metrics.byOperation().UpdateAnvisningsEnhed ?? 0).toBe(0);
    } finally {
      await late.close();
    }
  });
});

describe.skipIf(!hasServers)('Redis killed and restarted under load, through nginx', () => {
  let nginx: Nginx;
  beforeAll(async () => {
    if (!hasServers) return;
    nginx = await startNginx(replicas.map((r) => new URL(r.url).host));
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  it('carries subscriptions (WebSocket upgrade): a write through one replica reaches a subscriber through nginx', async () => {
    const latest = await replica(0).query<{ changes: { latestSequence: number } }>(
      '{ changes(first: 1) { latestSequence } }',
    );
    const after = latest.data?.changes.latestSequence;
    expect(after).toBeTypeOf('number');
    const email = `ws-${Date.now()}@hoejvang.dk`;
    const written = await replica(0).query(
      M.updateAssignmentUnit,
      { input: { number: REAL.privatUnit751, email } },
      { user: 'admin' },
    );
    expect(written.errors).toBeUndefined();
    const client = createWsClient({
      url: nginx.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
    try {
      // From the sequence before the write: the replica nginx picks replays it if it came first.
      const iterator = client.iterate<{
        institutionChanged: { number: string; institution: { email?: string } };
      }>({
        query: `subscription($after: Int) { institutionChanged(afterSequence: $after) {
          number institution { ... on AssignmentUnit { email } } } }`,
        variables: { after },
      });
      const deadline = setTimeout(() => void iterator.return?.(), 10_000);
      let seen: string | undefined;
      try {
        for await (const result of iterator) {
          expect(result.errors).toBeUndefined();
          const event = result.data?.institutionChanged;
          if (event?.number === REAL.privatUnit751 && event.institution.email === email) {
            seen = event.institution.email;
            break;
          }
        }
      } finally {
        clearTimeout(deadline);
      }
      expect(seen).toBe(email);
    } finally {
      await client.dispose();
    }
  });

  it('fails no GraphQL request, says so in /readyz and /metrics, and goes back to Redis', async () => {
    const query = `query Load($n: InstitutionNumber!) { institution(number: $n) { number name } }`;
    const numbers = ['G10662', 'G13047', 'G18063', 'G10432'];
    const failures: string[] = [];
    let requests = 0;
    let running = true;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const n = numbers[(i + w) % numbers.length] ?? 'G10662';
        try {
          // Half as an APQ client sends them, half with the text.
          const answer =
            i % 2 === 0
              ? await askPersisted(nginx.url, query, { n })
              : await post(nginx.url, { query, variables: { n } });
          if (answer.status !== 200 || answer.errors !== undefined)
            failures.push(`${answer.status} ${JSON.stringify(answer.errors)}`);
        } catch (error) {
          failures.push(String(error));
        }
        requests += 1;
      }
    };
    const outagesBefore = await metric(replica(0).url, 'gateway_redis_outages_total');
    const load = Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));
    const during: Awaited<ReturnType<typeof readiness>>[] = [];
    let upDuring = Number.NaN;
    try {
      await sleep(700);
      await redis.kill();
      await sleep(1000);
      during.push(...(await Promise.all(replicas.map((r) => readiness(r.url)))));
      upDuring = await metric(replica(0).url, 'gateway_redis_up');
      await redis.restart();
      // node-redis reconnects with a backoff of at most 2 s.
      const deadline = Date.now() + 10_000;
      while ((await readiness(replica(0).url)).checks.sharedState !== 'redis' && Date.now() < deadline)
        await sleep(100);
      await sleep(700);
    } finally {
      running = false;
      await load;
    }

    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(50);
    for (const ready of during) {
      expect(ready.httpStatus).toBe(200);
      expect(ready.checks.sharedState).toMatch(/^in-process \(Redis unavailable since /);
    }
    expect(upDuring).toBe(0);
    for (const r of replicas) {
      expect((await readiness(r.url)).checks.sharedState).toBe('redis');
      expect(await metric(r.url, 'gateway_redis_up')).toBe(1);
    }
    expect(await metric(replica(0).url, 'gateway_redis_outages_total')).toBe(outagesBefore + 1);
    expect(await metric(replica(0).url, 'gateway_redis_fallbacks_total')).toBeGreaterThan(0);
    // Redis is used again: a query persisted now is known at another replica.
    const fresh = `query AfterOutage($n: InstitutionNumber!) { institution(number: $n) { number } }`;
    await post(replica(0).url, persisted(sha256(fresh), { n: 'G10662' }, fresh));
    const elsewhere = await post(replica(2).url, persisted(sha256(fresh), { n: 'G10662' }));
    expect(elsewhere.errors).toBeUndefined();
  });
});
