import { beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionKind } from '../../src/gateway/domain/records.ts';
import type { FeedFollower } from '../../src/gateway/read-model/feed-follower.ts';
import { createSoapRegisterClient } from '../../src/gateway/soap-client/create-soap-register-client.ts';
import { importCaller, type ImportCaller } from '../helpers/import-client.ts';
import { REAL } from '../helpers/import-fixtures.ts';
import { runRandomWrites, seededRandom } from '../helpers/random-writes.ts';
import { startTestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

let follower: FeedFollower;
let admin: ImportCaller;
let outsider: ImportCaller;

const { registry, gateway } = useTestStack({ gateway: { env: { CHANGE_FEED_POLL_INTERVAL_MS: '200' } } });
beforeAll(async () => {
  follower = await gateway.loadedFollower();
  admin = await importCaller(registry, 'admin');
  outsider = await importCaller(registry, 'privat-33178522');
});

/** Polls `check` until it holds, up to `withinMs`; returns how long that took. */
async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const EMAIL_OF =
  'query($n: InstitutionNumber!) { institution(number: $n) { ... on AssignmentUnit { email } } }';

describe('the live read model', () => {
  it('is chosen from the WSDL, loaded before /readyz says ready, and answers every read with no SOAP call', async () => {
    const ready = await fetch(gateway.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { mode: 'live', model: 'loaded' } });
    expect(follower.model().counts()).toEqual({
      DaycareInstitution: registry.store.daginstitutioner().length,
      AssignmentUnit: registry.store.anvisningsenheder().length,
      AlternativeAddress: registry.store.alternativAdresser().length,
    });
    gateway.metrics.reset();
    const result = await gateway.query(`{
      institution(number: "${REAL.privatUnit751}") { name unilogin { eligible reasons } }
      assignmentUnits(first: 5, filter: { municipalityCode: 101, nameContains: "boern" }) {
        totalCount edges { node { name daycareInstitution { name units { totalCount } } alternativeAddresses { name } } }
      }
      near: assignmentUnits(first: 3, filter: { near: { latitude: 55.6761, longitude: 12.5683, radiusMeters: 1500 } }) {
        edges { distanceMeters }
      }
      daycareInstitutions(first: 1, filter: { municipalityCode: 751 }) { totalCount }
      alternativeAddresses(first: 1) { totalCount }
    }`);
    expect(result.errors).toBeUndefined();
    // Only GetAendringer polls may reach the register meanwhile; no read goes there.
    const calls = Object.keys(gateway.metrics.byOperation()).filter((op) => op !== 'GetAendringer');
    expect(calls).toEqual([]);
  });

  it('a write through the gateway answers once the model has it: the next read sees it, nothing evicted', async () => {
    const cleared = gateway.cache;
    const before = follower.state().sequence;
    const written = await gateway.query(
      `mutation { updateAssignmentUnit(input: { number: "${REAL.privatUnit751}", email: "selv@example.dk" }) {
        assignmentUnit { email changeSequence updatedAt } userErrors { code } } }`,
      undefined,
      { user: 'admin' },
    );
    const payload = (written.data as { updateAssignmentUnit: { assignmentUnit: Record<string, unknown> } })
      .updateAssignmentUnit.assignmentUnit;
    expect(payload.email).toBe('selv@example.dk');
    expect(payload.changeSequence).toBeGreaterThan(before);
    expect(typeof payload.updatedAt).toBe('string');
    // Already in the model when the mutation answered, not a moment later.
    expect(follower.state().sequence).toBeGreaterThanOrEqual(Number(payload.changeSequence));
    expect(follower.model().get('AssignmentUnit', REAL.privatUnit751)?.email).toBe('selv@example.dk');
    const read = await gateway.query(EMAIL_OF, { n: REAL.privatUnit751 });
    expect(read.data).toEqual({ institution: { email: 'selv@example.dk' } });
    expect(gateway.cache).toBe(cleared);
  });

  it('a write through a second gateway is seen through the first within 2 s, and at once through itself', async () => {
    const second = await startTestGateway(registry);
    try {
      await (await second.follower())?.loaded();
      await second.query(
        `mutation { updateAssignmentUnit(input: { number: "${REAL.privatUnit751}", email: "anden@example.dk" }) { userErrors { code } } }`,
        undefined,
        { user: 'admin' },
      );
      expect((await second.query(EMAIL_OF, { n: REAL.privatUnit751 })).data).toEqual({
        institution: { email: 'anden@example.dk' },
      });
      const ms = await eventually(
        async () =>
          JSON.stringify((await gateway.query(EMAIL_OF, { n: REAL.privatUnit751 })).data).includes('anden@'),
        2000,
      );
      expect(ms).toBeLessThan(2000);
    } finally {
      await second.close();
    }
  });

  it('a write straight over SOAP is visible through GraphQL within 2 s', async () => {
    const svar = await admin.call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: REAL.privatUnit751, Email: 'soap@example.dk' },
    });
    expect(svar.status).toBe('OK');
    const ms = await eventually(
      async () =>
        JSON.stringify((await gateway.query(EMAIL_OF, { n: REAL.privatUnit751 })).data).includes('soap@'),
      2000,
    );
    expect(ms).toBeLessThan(2000);
  });

  it('after 500 random writes (every kind, every level, some refused) equals the register’s GetAll* record by record', async () => {
    // A second gateway starts while the writes run: its load overlaps them, then its feed follows.
    const [report, late] = await Promise.all([
      runRandomWrites({ admin, outsider }, 500, seededRandom(12)),
      new Promise((resolve) => setTimeout(resolve, 200)).then(() => startTestGateway(registry)),
    ]);
    const lateFollower = await late.follower();
    const operations = Object.keys(report.byOperation).sort();
    expect(operations).toHaveLength(11);
    expect(Object.values(report.byOperation).some((o) => o.refused > 0)).toBe(true);
    const refused = Object.values(report.byOperation).reduce((sum, o) => sum + o.refused, 0);
    expect(refused).toBeGreaterThan(20);
    expect(await follower.waitFor(report.lastSequence, 5000)).toBe(true);
    expect(follower.state().sequence).toBe(registry.store.changeSequence());
    expect(await lateFollower?.waitFor(report.lastSequence, 5000)).toBe(true);

    const client = createSoapRegisterClient({
      exportServiceUrl: `${registry.url}/ExportService`,
      ca: registry.ca,
      credentials: { userName: 'reader', password: 'reader' },
      timeoutMs: 30_000,
      resilience: { retry: null, breakerFailureThreshold: 5, breakerCoolDownMs: 1000, maxConcurrentCalls: 4 },
    });
    try {
      const lists: [InstitutionKind, Promise<readonly { number: string }[]>][] = [
        [
          'DaycareInstitution',
          client.list({ operation: 'GetAllDaginstitutioner' }).then((s) => s.daycareInstitutions),
        ],
        [
          'AssignmentUnit',
          client.list({ operation: 'GetAllAnvisningsEnheder' }).then((s) => s.assignmentUnits),
        ],
        [
          'AlternativeAddress',
          client.list({ operation: 'GetAllAlternativAdresser' }).then((s) => s.alternativeAddresses),
        ],
      ];
      for (const [level, pending] of lists) {
        const registered = await pending;
        for (const model of [follower.model(), lateFollower?.model()]) {
          expect(model?.all(level).length).toBe(registered.length);
          for (const record of registered) expect(model?.get(level, record.number)).toEqual(record);
        }
      }
    } finally {
      client.close();
      await late.close();
    }
  }, 120_000);
});
