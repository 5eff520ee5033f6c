import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, importCaller, type ImportCaller } from '../helpers/import-client.ts';
import { daginstitution, REAL, unit } from '../helpers/import-fixtures.ts';
import { startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
});
afterAll(async () => {
  await registry?.close();
});

const KUN_VALIDERING = '<KunValidering xmlns="urn:dagtilbudsregister:import:v1">true</KunValidering>';

/** One call with the dry-run header, the caller's other calls without it. */
async function dryRun(caller: ImportCaller, operation: string, args: object) {
  caller.client.addSoapHeader(KUN_VALIDERING);
  try {
    return await caller.call(operation, args);
  } finally {
    caller.client.clearSoapHeaders();
  }
}

const numberValue = (nummer: string | undefined) => Number(nummer?.replace(/\D/g, ''));
const registerState = () => ({
  sequence: registry.store.changeSequence(),
  daginstitutioner: registry.store.daginstitutioner().length,
  anvisningsenheder: registry.store.anvisningsenheder().length,
});

describe('a dry run (KunValidering) is the whole write, rolled back by the store', () => {
  it('answers OK without numbers, and consumes neither a change sequence nor an institution number', async () => {
    const kommune = await importCaller(registry, 'kommune-101');
    const args = { Daginstitution: daginstitution(), AnvisningsEnhed: unit() };
    const first = await kommune.call('InsertDaginstitution', args);
    expect(first.status).toBe('OK');
    const before = registerState();
    for (let i = 0; i < 3; i += 1) {
      const dry = await dryRun(kommune, 'InsertDaginstitution', args);
      expect(dry).toMatchObject({ status: 'OK', fejl: [] });
      expect([dry.nummer, dry.anvisningsenhedsNummer, dry.aendringsSekvens]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
    expect(registerState()).toEqual(before);
    // The next real write gets the numbers right after the first write's: the dry runs issued none.
    const next = await kommune.call('InsertDaginstitution', args);
    expect(numberValue(next.nummer)).toBe(numberValue(first.anvisningsenhedsNummer) + 1);
    expect(numberValue(next.anvisningsenhedsNummer)).toBe(numberValue(first.anvisningsenhedsNummer) + 2);
    expect(next.aendringsSekvens).toBe(before.sequence + 2);
  });

  it('checks the rights as the write does: refused for a record out of the caller’s reach', async () => {
    const kommune = await importCaller(registry, 'kommune-101');
    const args = { AnvisningsEnhed: unit({ DagInstitutionsNummer: REAL.privat751 }) };
    const before = registerState();
    const dry = await dryRun(kommune, 'InsertAnvisningsEnhed', args);
    const real = await kommune.call('InsertAnvisningsEnhed', args);
    expect(codes(dry)).toEqual(['INGEN_ADGANG']);
    expect(codes(real)).toEqual(codes(dry));
    expect(registerState()).toEqual(before);
  });

  it('runs the structure rules the write runs in its transaction, with the same errors', async () => {
    const admin = await importCaller(registry, 'admin');
    const args = { DagInstitutionsNummer: REAL.kommunal101 };
    const before = registerState();
    const dry = await dryRun(admin, 'DeleteDaginstitution', args);
    const real = await admin.call('DeleteDaginstitution', args);
    expect(codes(dry)).toEqual(['HAR_AKTIVE_BOERN']);
    expect(dry.fejl).toEqual(real.fejl);
    expect(registerState()).toEqual(before);
  });
});
