import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAYGROUND_EXAMPLES } from '../playground/examples.ts';
import type { ReadinessReport } from './health-routes.ts';
import { createWarmUp, warmUpQueries, type WarmUp } from './warm-up.ts';

/** A stand-in `/graphql` that records what it is sent and answers with `answer`. */
async function graphqlEndpoint(answer: (body: { query: string }) => unknown) {
  const received: { query: string; variables: unknown; requestId: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as { query: string; variables: unknown };
      received.push({ ...body, requestId: req.headers['x-request-id'] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, received, close: () => server.close() };
}

const waitFor = async (condition: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

let stopAll: (() => void)[] = [];
afterEach(() => {
  for (const stop of stopAll) stop();
  stopAll = [];
});

function started(
  operations: Parameters<typeof createWarmUp>[0],
  own: () => ReadinessReport,
  url: string,
): WarmUp {
  const warmUp = createWarmUp(operations, async () => own());
  warmUp.start(url);
  stopAll.push(() => warmUp.stop());
  return warmUp;
}

describe('warm-up before ready', () => {
  it('takes the playground examples that are queries, with their variables', () => {
    const queries = warmUpQueries(PLAYGROUND_EXAMPLES);
    const subscriptions = PLAYGROUND_EXAMPLES.length - queries.length;
    expect(queries.length).toBeGreaterThan(0);
    expect(subscriptions).toBe(1);
    expect(queries.map((q) => q.query)).not.toContainEqual(expect.stringMatching(/^subscription /m));
    expect(queries[0]?.variables).toEqual(JSON.parse(PLAYGROUND_EXAMPLES[0]?.variables ?? ''));
  });

  it('waits for the gateway to be able to serve, runs each operation once, then says ready', async () => {
    const endpoint = await graphqlEndpoint(() => ({ data: { ok: true } }));
    stopAll.push(endpoint.close);
    let registerUp = false;
    const operations = [
      { query: '{ a }', variables: {} },
      { query: 'query B($n: Int) { b(n: $n) }', variables: { n: 1 } },
    ];
    const warmUp = started(
      operations,
      () => ({ ready: registerUp, checks: { wsdl: registerUp ? 'loaded' : 'register unreachable' } }),
      endpoint.url,
    );

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await warmUp.readiness()).toEqual({
      ready: false,
      checks: { wsdl: 'register unreachable', warmUp: 'waiting' },
    });
    expect(endpoint.received).toEqual([]);

    registerUp = true;
    await waitFor(async () => (await warmUp.readiness()).ready);
    expect(await warmUp.readiness()).toEqual({ ready: true, checks: { wsdl: 'loaded', warmUp: 'done' } });
    expect(endpoint.received).toEqual(operations.map((o) => ({ ...o, requestId: 'warm-up' })));

    // Ready from then on as the gateway's own checks say; the warm-up is not run again.
    registerUp = false;
    expect((await warmUp.readiness()).ready).toBe(false);
    registerUp = true;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(endpoint.received).toHaveLength(operations.length);
  });

  it('reports a failed operation and then follows the gateway’s own readiness', async () => {
    const endpoint = await graphqlEndpoint((body) =>
      body.query.includes('broken') ? { errors: [{ message: 'register went away' }] } : { data: {} },
    );
    stopAll.push(endpoint.close);
    const operations = [
      { query: '{ broken }', variables: {} },
      { query: '{ never }', variables: {} },
    ];
    const warmUp = started(operations, () => ({ ready: true, checks: {} }), endpoint.url);

    await waitFor(async () => (await warmUp.readiness()).ready);
    expect(await warmUp.readiness()).toEqual({
      ready: true,
      checks: { warmUp: 'failed: register went away' },
    });
    // Stops at the first failure: the rest would most likely fail the same way.
    expect(endpoint.received.map((r) => r.query)).toEqual(['{ broken }']);
  });

  it('never warms up once stopped', async () => {
    const endpoint = await graphqlEndpoint(() => ({ data: {} }));
    stopAll.push(endpoint.close);
    let up = false;
    const warmUp = started(
      [{ query: '{ a }', variables: {} }],
      () => ({ ready: up, checks: {} }),
      endpoint.url,
    );
    warmUp.stop();
    up = true;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(endpoint.received).toEqual([]);
    expect((await warmUp.readiness()).checks).toEqual({ warmUp: 'waiting' });
  });
});
