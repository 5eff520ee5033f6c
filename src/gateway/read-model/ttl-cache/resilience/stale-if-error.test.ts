import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.ts';
import { createCallMetrics } from '../../../soap-client/call-metrics.ts';
import type { CacheEntry } from '../cache-entry.ts';
import { createCachedReader } from '../cached-reader.ts';
import { createLruCache } from '../key-value-cache.ts';
import type { InstitutionKind, InstitutionOf } from '../../../domain/records.ts';
import type { RegisterClient } from '../../../ports/register-client.ts';
import { createStalenessRecorder } from '../../../ports/staleness.ts';
import { testRecords } from '../../../../../test/fixtures/domain-records.ts';

const unit = testRecords.unit({ number: 'G10001' });
const codes = [{ code: 1, text: 'Kommunal' }];

/** A client whose answers can be switched to a given failure. */
function switchableClient(): RegisterClient & { failWith: Error | null } {
  const self = {
    failWith: null as Error | null,
    metrics: createCallMetrics(),
    async byNumbers<K extends InstitutionKind>(level: K, numbers: readonly string[]) {
      if (self.failWith !== null) throw self.failWith;
      const found: InstitutionOf<K>[] = [];
      for (const r of [unit])
        if (r.kind === level && numbers.includes(r.number)) found.push(r as InstitutionOf<K>);
      return found;
    },
    async list() {
      if (self.failWith !== null) throw self.failWith;
      return { daycareInstitutions: [], assignmentUnits: [unit], alternativeAddresses: [] };
    },
    async codeTable() {
      if (self.failWith !== null) throw self.failWith;
      return codes;
    },
    usesBatchExtension: async () => true,
    offersChangeFeed: async () => false,
    changes: async () => ({ latestSequence: 0, changes: [] }),
    close: () => undefined,
  };
  return self;
}

const setUp = () => {
  let nowMs = 1_000_000;
  const client = switchableClient();
  const cache = createLruCache<CacheEntry>({ maxEntries: 100, ttlMs: 60_000 });
  const reader = createCachedReader(client, cache, {
    ttlMs: 1000,
    staleIfErrorMs: 5000,
    now: () => nowMs,
  });
  return { client, reader, advance: (ms: number) => (nowMs += ms) };
};

const outage = new AppError('UPSTREAM_UNAVAILABLE', 'The register is unavailable.');

describe('stale-if-error', () => {
  it('serves expired records, lists and code tables while the register is down, and notes it', async () => {
    const { client, reader, advance } = setUp();
    await reader.byNumbers('AssignmentUnit', ['G10001', 'G99999']);
    await reader.list({ operation: 'GetAllAnvisningsEnheder' });
    await reader.codeTable('OWNERSHIP');
    advance(1500);
    expect(reader.peek('AssignmentUnit', 'G10001')).toBeUndefined();
    client.failWith = outage;
    const recorder = createStalenessRecorder();
    const view = reader.withStaleness(recorder);
    const found = await view.byNumbers('AssignmentUnit', ['G10001', 'G99999']);
    expect([...found]).toEqual([
      ['G10001', unit],
      ['G99999', null],
    ]);
    expect((await view.list({ operation: 'GetAllAnvisningsEnheder' })).assignmentUnits).toEqual([unit]);
    expect(await view.codeTable('OWNERSHIP')).toEqual(codes);
    expect(recorder.report()).toEqual({ stale: true, maxAgeMs: 1500 });
    // Another request's recorder saw nothing.
    expect(createStalenessRecorder().report()).toEqual({ stale: false, maxAgeMs: 0 });
  });

  it('fails past the maximum staleness, for a SOAP fault, and when any number lacks a stand-in', async () => {
    const { client, reader, advance } = setUp();
    await reader.byNumbers('AssignmentUnit', ['G10001']);
    advance(1500);
    const recorder = createStalenessRecorder();
    const view = reader.withStaleness(recorder);
    client.failWith = new AppError('UPSTREAM_FAULT', 'The register refused the request.');
    await expect(view.byNumbers('AssignmentUnit', ['G10001'])).rejects.toThrow('refused');
    client.failWith = outage;
    await expect(view.byNumbers('AssignmentUnit', ['G10001', 'G10002'])).rejects.toBe(outage);
    expect(recorder.report().stale).toBe(false);
    advance(5000);
    await expect(view.byNumbers('AssignmentUnit', ['G10001'])).rejects.toBe(outage);
  });
});
