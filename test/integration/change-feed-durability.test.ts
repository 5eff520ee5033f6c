import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFeedPage, readWholeFeed, type FeedEntry } from '../helpers/change-feed.ts';
import { httpsRequest } from '../helpers/https-request.ts';
import { codes, importCaller } from '../helpers/import-client.ts';
import { ADRESSE_101, P, daginstitution, unit } from '../helpers/import-fixtures.ts';
import { createTestSoapClient } from '../helpers/soap-client.ts';
import { spawnRegistry, type SpawnedRegistry } from '../helpers/spawn-registry.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';

// Real register processes on one database file: the feed is the same after a restart, and a
// register started without the feed (REGISTRY_CHANGE_FEED=off) still records every change.

const dirs: string[] = [];
const running: SpawnedRegistry[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => (r.process.exitCode === null ? r.stop() : undefined)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const start = async (dir: string, env: Record<string, string> = {}) => {
  const registry = await spawnRegistry(dir, env);
  running.push(registry);
  return registry;
};
const feedOf = async (registry: SpawnedRegistry): Promise<FeedEntry[]> =>
  readWholeFeed(await createTestSoapClient(registry, 'ExportService', 'reader'), 0);
const wsdlOf = async (registry: SpawnedRegistry) =>
  (
    await httpsRequest(`${registry.url}/ExportService?wsdl`, {
      ca: registry.ca,
      headers: { authorization: basicAuth('reader') },
    })
  ).body;

describe('the change feed across restarts', () => {
  it('is the same after a restart, keeps what a register without the feed recorded, and carries on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-feed-'));
    dirs.push(dir);

    const first = await start(dir);
    const writer = await importCaller(first, 'admin');
    const created = await writer.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    const alternative = await writer.call('InsertAlternativAdresse', {
      AlternativAdresse: {
        EnhedsNummer: created.anvisningsenhedsNummer,
        Navn: 'Skoven',
        Adresse: ADRESSE_101,
        PNummer: P.koebenhavn[1],
      },
    });
    const closed = await writer.call('DeleteAlternativAdresse', {
      AlternativAdresseNummer: alternative.nummer,
    });
    expect([created, alternative, closed].flatMap(codes)).toEqual([]);
    const before = await feedOf(first);
    // A fresh database's feed starts at 1; seeding is not a change.
    expect(before.map((e) => e.aendringsSekvens)).toEqual([1, 2, 3, 4]);
    expect(closed.aendringsSekvens).toBe(4);
    await first.stop();

    // Without the feed: not offered, but the writes are recorded all the same.
    const withoutFeed = await start(dir, { REGISTRY_CHANGE_FEED: 'off' });
    expect(await wsdlOf(withoutFeed)).not.toContain('GetAendringer');
    const updated = await (
      await importCaller(withoutFeed, 'admin')
    ).call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: created.anvisningsenhedsNummer, Email: 'uden@kk.dk' },
    });
    expect(updated).toMatchObject({ status: 'OK', aendringsSekvens: 5 });
    await withoutFeed.stop();

    const again = await start(dir);
    expect(await wsdlOf(again)).toContain('<wsdl:operation name="GetAendringer">');
    const after = await feedOf(again);
    // The changes before the restarts are there unchanged, field for field, records as they are now.
    const withoutRecord = (e: FeedEntry) => [
      e.aendringsSekvens,
      e.aendringsType,
      e.tidspunkt,
      e.niveau,
      e.nummer,
    ];
    expect(after.slice(0, 4).map(withoutRecord)).toEqual(before.map(withoutRecord));
    expect(after.slice(0, 2).map((e) => e.record)).toEqual([before[0]?.record, after[4]?.record]);
    expect(after[4]).toMatchObject({
      aendringsSekvens: 5,
      aendringsType: 'Aendret',
      niveau: 'AnvisningsEnhed',
      nummer: created.anvisningsenhedsNummer,
      record: { Email: 'uden@kk.dk', aendringsSekvens: 5, aendretTidspunkt: after[4]?.tidspunkt },
    });
    const next = await (
      await importCaller(again, 'admin')
    ).call('DeleteAnvisningsEnhed', { EnhedsNummer: created.anvisningsenhedsNummer });
    expect(next).toMatchObject({ status: 'OK', aendringsSekvens: 6 });
    const reader = await createTestSoapClient(again, 'ExportService', 'reader');
    const page = await readFeedPage(reader, 5, 10);
    expect(page.senesteSekvens).toBe(6);
    expect(page.entries.map((e) => [e.aendringsSekvens, e.aendringsType])).toEqual([[6, 'Nedlagt']]);
  }, 120_000);

  it('refuses to start with a value of REGISTRY_CHANGE_FEED it does not know', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-feed-'));
    dirs.push(dir);
    await expect(start(dir, { REGISTRY_CHANGE_FEED: 'maybe' })).rejects.toThrow(
      /REGISTRY_CHANGE_FEED must be "on" or "off"; got "maybe"/,
    );
  });
});
