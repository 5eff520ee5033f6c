import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FeedFollower } from '../../src/gateway/read-model/feed-follower.ts';
import { importCaller } from '../helpers/import-client.ts';
import { daginstitution, REAL, unit } from '../helpers/import-fixtures.ts';
import { startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

let restored: TestRegistry;
let follower: FeedFollower;

const { registry, proxy, gateway } = useTestStack({
  faultProxy: true,
  gateway: {
    env: {
      CHANGE_FEED_POLL_INTERVAL_MS: '100',
      SOAP_TIMEOUT_MS: '1000',
      SOAP_READ_RETRIES: '0',
      BREAKER_COOL_DOWN_MS: '200',
    },
  },
});
beforeAll(async () => {
  // The same register as it was before any write: what a restore from an older backup serves.
  restored = await startTestRegistry();
  follower = await gateway.loadedFollower();
});
afterAll(async () => {
  await restored.close();
});

const until = async (check: () => boolean, withinMs: number) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const NAME_OF = 'query($n: InstitutionNumber!) { institution(number: $n) { name } }';

describe('read your own writes', () => {
  it('a mutation answers only after the model has applied its sequence, even when the feed is slow', async () => {
    // Every feed call takes 400 ms more than the write and its read-back.
    proxy.setFault(({ soapAction }) =>
      soapAction?.endsWith('GetAendringer') === true ? { kind: 'delay', ms: 400 } : { kind: 'pass' },
    );
    try {
      const written = await gateway.query<{
        updateAssignmentUnit: { assignmentUnit: { changeSequence: number } };
      }>(
        `mutation { updateAssignmentUnit(input: { number: "${REAL.privatUnit751}", email: "langsom@example.dk" }) {
          assignmentUnit { changeSequence } userErrors { code } } }`,
        undefined,
        { user: 'admin' },
      );
      const sequence = written.data?.updateAssignmentUnit.assignmentUnit.changeSequence ?? Infinity;
      expect(follower.state().sequence).toBeGreaterThanOrEqual(sequence);
    } finally {
      proxy.setFault({ kind: 'pass' });
    }
  });
});

describe('the live model when the register fails', () => {
  it('keeps serving while the register is down and says how old it is; catches up from the feed when it is back', async () => {
    proxy.setFault({ kind: 'status', status: 503 });
    await until(() => follower.state().failing, 3000);
    const down = await gateway.query(NAME_OF, { n: REAL.privatUnit751 });
    expect(down.errors).toBeUndefined();
    expect(down.data).toEqual({ institution: { name: 'Den Private Børnehave Højvang' } });
    const staleness = down.extensions?.staleness as { stale: boolean; sequence: number; maxAgeMs: number };
    expect(staleness).toMatchObject({ stale: true, sequence: follower.state().sequence });
    expect(staleness.maxAgeMs).toBeGreaterThan(0);

    // Meanwhile the register changes (its own maintenance, straight at it).
    const admin = await importCaller(registry, 'admin');
    const svar = await admin.call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: REAL.privatUnit751, EnhedsNavn: 'Højvang efter nedbrud' },
    });
    expect(svar.status).toBe('OK');

    gateway.metrics.reset();
    proxy.setFault({ kind: 'pass' });
    await until(() => follower.state().sequence >= (svar.aendringsSekvens ?? 0), 5000);
    const back = await gateway.query(NAME_OF, { n: REAL.privatUnit751 });
    expect(back.data).toEqual({ institution: { name: 'Højvang efter nedbrud' } });
    expect(back.extensions?.staleness).toBeUndefined();
    // Caught up from the feed, not by loading the register again.
    expect(follower.state().loads).toBe(1);
    expect(gateway.metrics.byOperation().GetAllAnvisningsEnheder).toBeUndefined();
  });

  it('a register whose sequence went backwards (a restore) makes it load the whole register again', async () => {
    const admin = await importCaller(registry, 'admin');
    const created = await admin.call('InsertDaginstitution', {
      Daginstitution: daginstitution({ daginstitutionsNavn: 'Findes kun før gendannelsen' }),
      AnvisningsEnhed: unit(),
    });
    expect(created.status).toBe('OK');
    const number = created.nummer ?? '';
    await until(() => follower.model().get('DaycareInstitution', number) !== undefined, 5000);
    const loadsBefore = follower.state().loads;
    expect(registry.store.changeSequence()).toBeGreaterThan(restored.store.changeSequence());

    // A subscriber open across the restore is told: the sequences it holds now mean other changes.
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { institutionChanged { sequence } }' },
        { next: () => {}, error: resolve, complete: () => resolve('completed') },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    proxy.setTarget(restored.url);
    await until(() => follower.state().loads > loadsBefore, 10_000);
    expect(JSON.stringify(await ended)).toContain('UPSTREAM_FAULT');
    await client.dispose();
    expect(follower.state().sequence).toBe(restored.store.changeSequence());
    expect((await gateway.query(NAME_OF, { n: number })).data).toEqual({ institution: null });
    expect(follower.model().counts().DaycareInstitution).toBe(restored.store.daginstitutioner().length);
  });
});
