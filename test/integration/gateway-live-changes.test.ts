import { createClient, type Client } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FeedFollower } from '../../src/gateway/read-model/feed-follower.ts';
import { importCaller, type ImportCaller } from '../helpers/import-client.ts';
import { REAL } from '../helpers/import-fixtures.ts';
import { startTestGateway, type GraphqlResponse, type TestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

let follower: FeedFollower;
let admin: ImportCaller;

const { registry, gateway } = useTestStack({ gateway: { env: { CHANGE_FEED_POLL_INTERVAL_MS: '100' } } });
beforeAll(async () => {
  follower = await gateway.loadedFollower();
  admin = await importCaller(registry, 'admin');
});

const wsUrl = (of: TestGateway) => of.url.replace(/^http/, 'ws');
const wsClient = (of: TestGateway): Client =>
  createClient({ url: wsUrl(of), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });

/** `count` updates of real units straight over SOAP, 4 at a time; their sequences. */
async function burst(count: number, tag: string): Promise<number[]> {
  const units = ['G10662', 'G10432', 'G10433', 'G10434'];
  const sequences: number[] = [];
  for (let i = 0; i < count; i += 4) {
    const answers = await Promise.all(
      units.slice(0, Math.min(4, count - i)).map((number, j) =>
        admin.call('UpdateAnvisningsEnhed', {
          AnvisningsEnhed: { EnhedsNummer: number, Email: `${tag}${i + j}@example.dk` },
        }),
      ),
    );
    for (const svar of answers) {
      expect(svar.status).toBe('OK');
      sequences.push(svar.aendringsSekvens ?? 0);
    }
  }
  return sequences.sort((a, b) => a - b);
}

const SUBSCRIPTION = `subscription($after: Int, $filter: ChangeFilter) {
  institutionChanged(afterSequence: $after, filter: $filter) {
    sequence kind level number institution { number ... on AssignmentUnit { email } }
  }
}`;

interface Received {
  sequence: number;
  kind: string;
  level: string;
  number: string;
  institution: { number: string; email?: string };
}

/** Collects events of one subscription until `done` says so (or the deadline passes). */
async function collect(
  client: Client,
  variables: Record<string, unknown>,
  done: (events: Received[]) => boolean,
  withinMs = 10_000,
): Promise<Received[]> {
  const events: Received[] = [];
  const iterator = client.iterate<{ institutionChanged: Received }>({ query: SUBSCRIPTION, variables });
  const deadline = setTimeout(() => void iterator.return?.(), withinMs);
  try {
    for await (const result of iterator) {
      if (result.errors !== undefined) throw new Error(JSON.stringify(result.errors));
      const event = result.data?.institutionChanged;
      if (event !== undefined) events.push(event);
      if (done(events)) break;
    }
  } finally {
    clearTimeout(deadline);
  }
  return events;
}

describe('Subscription.institutionChanged over graphql-ws', () => {
  it('delivers every change of a write burst, in order, none twice', async () => {
    const client = wsClient(gateway);
    try {
      const from = follower.state().sequence;
      const writes = burst(40, 'burst');
      const events = await collect(client, { after: from }, (got) => got.length >= 40);
      const sequences = await writes;
      expect(events.map((e) => e.sequence)).toEqual(sequences);
      // Consecutive: nothing else was written meanwhile, so every sequence after `from` arrived.
      expect(sequences).toEqual(Array.from({ length: 40 }, (_, i) => from + 1 + i));
      expect(events.every((e) => e.kind === 'UPDATED' && e.level === 'ASSIGNMENT_UNIT')).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('after a dropped connection, resuming with the last sequence received misses nothing', async () => {
    const from = follower.state().sequence;
    const first = wsClient(gateway);
    const writes = burst(24, 'drop');
    const before = await collect(first, { after: from }, (got) => got.length >= 5);
    // The connection drops (no goodbye) while writes go on.
    first.terminate();
    const sequences = await writes;
    const last = before.at(-1)?.sequence ?? from;
    const second = wsClient(gateway);
    try {
      const after = await collect(
        second,
        { after: last },
        (got) => got.at(-1)?.sequence === sequences.at(-1),
      );
      expect([...before, ...after].map((e) => e.sequence)).toEqual(sequences);
    } finally {
      await second.dispose();
    }
  });

  it('filters by level, kind and municipality', async () => {
    const client = wsClient(gateway);
    try {
      const from = follower.state().sequence;
      await burst(4, 'filter');
      const events = await collect(
        client,
        { after: from, filter: { municipalityCode: 751, levels: ['ASSIGNMENT_UNIT'], kinds: ['UPDATED'] } },
        (got) => got.length >= 1,
        3000,
      );
      expect(events.map((e) => e.number)).toEqual([REAL.privatUnit751]);
    } finally {
      await client.dispose();
    }
  });

  it('keeps the query limits, serves only subscriptions, and caps connections', async () => {
    const client = wsClient(gateway);
    try {
      // Deeper than the 12 levels any query may nest.
      const nested = 'daycareInstitution { units { edges { node { '.repeat(3);
      const deep = `subscription { institutionChanged { institution { ... on AssignmentUnit { ${nested} name ${'} '.repeat(16)}`;
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: deep }, { next: () => {}, error: resolve, complete: () => resolve(null) });
      });
      expect(JSON.stringify(errors)).toMatch(/QUERY_TOO_COMPLEX|depth/i);
      const query = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: '{ institution(number: "G10662") { name } }' },
          { next: () => {}, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(JSON.stringify(query)).toMatch(/Only subscriptions/);
    } finally {
      await client.dispose();
    }

    const capped = await startTestGateway(registry, {
      env: { SUBSCRIPTION_MAX_CONNECTIONS: '1', SUBSCRIPTION_IDLE_TIMEOUT_MS: '300' },
    });
    try {
      const url = wsUrl(capped);
      const one = new WebSocket(url, 'graphql-transport-ws');
      await new Promise((resolve) => one.once('open', resolve));
      const refused = await new Promise<number>((resolve) => {
        const two = new WebSocket(url, 'graphql-transport-ws');
        two.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        two.once('open', () => resolve(101));
      });
      expect(refused).toBe(503);
      // The first one, idle (no subscription), is closed by the idle timeout.
      const code = await new Promise<number>((resolve) => one.once('close', (c) => resolve(c)));
      expect(code).toBe(4408);
    } finally {
      await capped.close();
    }
  });
});

describe('Query.changes', () => {
  const CHANGES = `query($after: String, $first: Int, $filter: ChangeFilter) {
    changes(after: $after, first: $first, filter: $filter) {
      edges { cursor node { sequence kind level number institution { number } } }
      pageInfo { hasNextPage endCursor }
      latestSequence
    }
  }`;
  interface Page {
    changes: {
      edges: { cursor: string; node: { sequence: number; number: string; level: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      latestSequence: number;
    };
  }

  it('pages through every change with cursors that a restarted gateway continues from', async () => {
    await burst(8, 'page');
    const all: number[] = [];
    let after: string | null = null;
    let hasNext = true;
    let pages = 0;
    while (hasNext) {
      // Half-way, the integrator's gateway restarts: the cursor is a sequence and stays valid.
      const via = pages === 2 ? await startTestGateway(registry) : gateway;
      const result: GraphqlResponse<Page> = await via.query<Page>(CHANGES, { after, first: 7 });
      if (via !== gateway) await via.close();
      expect(result.errors).toBeUndefined();
      const page: Page['changes'] | undefined = result.data?.changes;
      if (page === undefined || page === null) throw new Error('no page');
      all.push(...page.edges.map((e) => e.node.sequence));
      after = page.pageInfo.endCursor;
      hasNext = page.pageInfo.hasNextPage;
      pages += 1;
    }
    const latest = registry.store.changeSequence();
    expect(all).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
  });

  it('filters, and refuses a cursor that is not one', async () => {
    const result = await gateway.query<Page>(CHANGES, {
      first: 1000,
      filter: { municipalityCode: '751', levels: ['ASSIGNMENT_UNIT'] },
    });
    const numbers = new Set(result.data?.changes.edges.map((e) => e.node.number));
    expect([...numbers]).toEqual([REAL.privatUnit751]);
    const bad = await gateway.query(CHANGES, { after: 'bm90IGEgY3Vyc29y' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
