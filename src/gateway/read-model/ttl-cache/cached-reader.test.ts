import { describe, expect, it } from 'vitest';
import { createCallMetrics } from '../../soap-client/call-metrics.ts';
import type { CacheEntry } from './cache-entry.ts';
import { createCachedReader } from './cached-reader.ts';
import { createLruCache } from './key-value-cache.ts';
import { RequestLoaders } from '../../loaders/loaders.ts';
import type { InstitutionKind, InstitutionOf, RegisterSlice } from '../../domain/records.ts';
import type { ListRequest, RegisterClient } from '../../ports/register-client.ts';
import { testRecords } from '../../../../test/fixtures/domain-records.ts';

const units = [
  testRecords.unit({ number: 'G10001', daycareInstitutionNumber: 'G20001' }),
  testRecords.unit({ number: 'G10002', daycareInstitutionNumber: 'G20001' }),
  testRecords.unit({ number: 'G10003', daycareInstitutionNumber: 'G20002' }),
];
const daycares = [testRecords.daycare({ number: 'G20001' }), testRecords.daycare({ number: 'G20002' })];
const alternatives = [testRecords.alternative({ number: 'G30001', assignmentUnitNumber: 'G10002' })];

/** A RegisterClient over fixed records that counts its calls as the SOAP client does. */
function fakeClient(): RegisterClient & { batches: string[][] } {
  const metrics = createCallMetrics();
  const batches: string[][] = [];
  const records: { [K in InstitutionKind]: readonly InstitutionOf<K>[] } = {
    DaycareInstitution: daycares,
    AssignmentUnit: units,
    AlternativeAddress: alternatives,
  };
  const empty: RegisterSlice = { daycareInstitutions: [], assignmentUnits: [], alternativeAddresses: [] };
  return {
    metrics,
    batches,
    async byNumbers<K extends InstitutionKind>(level: K, numbers: readonly string[]) {
      metrics.record(`${level}ByNumbers`);
      batches.push([...numbers]);
      const all: readonly InstitutionOf<K>[] = records[level];
      return all.filter((r) => numbers.includes(r.number));
    },
    async list(request: ListRequest) {
      metrics.record(request.operation);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (request.operation === 'GetAllAnvisningsEnheder') return { ...empty, assignmentUnits: units };
      if (request.operation === 'GetAllAlternativAdresser')
        return { ...empty, alternativeAddresses: alternatives };
      if (request.operation === 'GetAllDaginstitutioner') return { ...empty, daycareInstitutions: daycares };
      throw new Error(`unexpected ${request.operation}`);
    },
    async codeTable() {
      metrics.record('codes');
      return [{ code: 1, text: 'Kommunal' }];
    },
    usesBatchExtension: async () => true,
    offersChangeFeed: async () => false,
    changes: async () => ({ latestSequence: 0, changes: [] }),
    close: () => undefined,
  };
}

const setUp = () => {
  const client = fakeClient();
  const cache = createLruCache<CacheEntry>({ maxEntries: 1000, ttlMs: 60_000 });
  return { client, cache, reader: createCachedReader(client, cache) };
};

describe('cached reader', () => {
  it('looks up only the numbers the cache lacks, and remembers the ones that do not exist', async () => {
    const { client, reader } = setUp();
    const first = await reader.byNumbers('AssignmentUnit', ['G10001', 'G99999']);
    expect([...first]).toEqual([
      ['G10001', units[0]],
      ['G99999', null],
    ]);
    await reader.byNumbers('AssignmentUnit', ['G10001', 'G99999', 'G10002']);
    expect(client.batches).toEqual([['G10001', 'G99999'], ['G10002']]);
    expect(reader.peek('AssignmentUnit', 'G99999')).toBeNull();
    expect(reader.peek('AssignmentUnit', 'G10003')).toBeUndefined();
  });

  it('a list read caches its records by number, and concurrent reads share one call', async () => {
    const { client, reader } = setUp();
    const request = { operation: 'GetAllAnvisningsEnheder' } as const;
    await Promise.all([reader.list(request), reader.list(request), reader.list(request)]);
    expect(client.metrics.byOperation()).toEqual({ GetAllAnvisningsEnheder: 1 });
    expect(reader.hasList(request)).toBe(true);
    expect(reader.peek('any', 'G10003')).toBe(units[2]);
    await reader.byNumbers('AssignmentUnit', ['G10003']);
    expect(client.metrics.total()).toBe(1);
  });

  it('caches code tables', async () => {
    const { client, reader } = setUp();
    await reader.codeTable('OWNERSHIP');
    await reader.codeTable('OWNERSHIP');
    expect(client.metrics.total()).toBe(1);
  });
});

describe('cached reader after a write', () => {
  it('forget() deletes the numbers at every level, their cached children, and every list', async () => {
    const { client, cache, reader } = setUp();
    await reader.list({ operation: 'GetAllAnvisningsEnheder' });
    await reader.byNumbers('DaycareInstitution', ['G20001', 'G20002', 'G29999']);
    reader.forget(['G20001', 'G29999']);
    expect(reader.hasList({ operation: 'GetAllAnvisningsEnheder' })).toBe(false);
    expect(reader.peek('DaycareInstitution', 'G20001')).toBeUndefined();
    expect(reader.peek('DaycareInstitution', 'G29999')).toBeUndefined();
    // G20001's units, from the cached list; G20002 and its unit were not touched.
    expect(reader.peek('AssignmentUnit', 'G10001')).toBeUndefined();
    expect(reader.peek('AssignmentUnit', 'G10002')).toBeUndefined();
    expect(reader.peek('AssignmentUnit', 'G10003')).toEqual(units[2]);
    expect(reader.peek('DaycareInstitution', 'G20002')).toEqual(daycares[1]);
    expect(cache.get('record:DaycareInstitution:G20002')).toBeDefined();
    client.metrics.reset();
    await reader.list({ operation: 'GetAllAnvisningsEnheder' });
    expect(client.metrics.byOperation()).toEqual({ GetAllAnvisningsEnheder: 1 });
  });

  it('a read that started before forget() does not store its answer', async () => {
    const { reader } = setUp();
    const request = { operation: 'GetAllAnvisningsEnheder' } as const;
    const started = reader.list(request);
    reader.forget(['G10001']);
    await started;
    expect(reader.hasList(request)).toBe(false);
    expect(reader.peek('AssignmentUnit', 'G10001')).toBeUndefined();
  });

  it('refresh() reads from the register even when the cache has the record, and stores it', async () => {
    const { client, reader } = setUp();
    await reader.byNumbers('AssignmentUnit', ['G10001']);
    client.batches.length = 0;
    expect((await reader.refresh('AssignmentUnit', ['G10001'])).get('G10001')).toEqual(units[0]);
    expect(client.batches).toEqual([['G10001']]);
    expect(reader.peek('AssignmentUnit', 'G10001')).toEqual(units[0]);
  });
});

describe('per-request loaders', () => {
  it('answer one result per key, in key order, null for a missing one, in one batch', async () => {
    const { client, reader } = setUp();
    const loaders = new RequestLoaders(reader);
    const answers = await Promise.all(
      ['G10003', 'G99999', 'G10001', 'G10003'].map((n) => loaders.assignmentUnit.load(n)),
    );
    expect(answers.map((a) => a?.number ?? null)).toEqual(['G10003', null, 'G10001', 'G10003']);
    expect(client.batches).toEqual([['G10003', 'G99999', 'G10001']]);
  });

  it('find a number at any level: one batch per level tried, then straight from the cache', async () => {
    const { client, reader } = setUp();
    const loaders = new RequestLoaders(reader);
    expect((await loaders.find('any', 'G30001'))?.kind).toBe('AlternativeAddress');
    expect(client.metrics.byOperation()).toEqual({
      AssignmentUnitByNumbers: 1,
      DaycareInstitutionByNumbers: 1,
      AlternativeAddressByNumbers: 1,
    });
    // Synchronous now: no promise to wait for.
    expect(new RequestLoaders(reader).find('any', 'G30001')).toMatchObject({ number: 'G30001' });
  });

  it('children of many parents read the whole level once; of one parent, that parent’s list', async () => {
    const { client, reader } = setUp();
    const loaders = new RequestLoaders(reader);
    const [a, b, none] = await Promise.all(
      ['G20001', 'G20002', 'G29999'].map((n) => loaders.assignmentUnitsByDaycareInstitution.load(n)),
    );
    expect(a?.map((u) => u.number)).toEqual(['G10001', 'G10002']);
    expect(b?.map((u) => u.number)).toEqual(['G10003']);
    expect(none).toEqual([]);
    expect(client.metrics.byOperation()).toEqual({ GetAllAnvisningsEnheder: 1 });
  });

  it('a failed batch puts the error in every key’s own slot', async () => {
    const { client, reader } = setUp();
    client.byNumbers = async () => {
      throw new Error('register down');
    };
    const loaders = new RequestLoaders(reader);
    const settled = await Promise.allSettled([
      loaders.daycareInstitution.load('G20001'),
      loaders.daycareInstitution.load('G20002'),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
