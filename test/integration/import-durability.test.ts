import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codes, importCaller } from '../helpers/import-client.ts';
import { daginstitution, unit } from '../helpers/import-fixtures.ts';
import { spawnRegistry, type SpawnedRegistry } from '../helpers/spawn-registry.ts';
import { openSqliteStore } from '../../src/registry/store/sqlite-store.ts';

// Real processes on a real database file: what survives a restart and a kill.

const dirs: string[] = [];
const running: SpawnedRegistry[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-durability-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => (r.process.exitCode === null ? r.stop() : undefined)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const start = async (dir: string, env: Record<string, string> = {}) => {
  const registry = await spawnRegistry(dir, env);
  running.push(registry);
  return registry;
};
const readStore = <T>(dir: string, read: (store: ReturnType<typeof openSqliteStore>) => T): T => {
  const store = openSqliteStore({ path: join(dir, 'registry.sqlite') });
  try {
    return read(store);
  } finally {
    store.close();
  }
};

describe('numbers and writes survive restarts and crashes', () => {
  it('never reuses a closed number, also after a restart', async () => {
    const dir = freshDir();
    const first = await start(dir);
    const kommune = await importCaller(first, 'kommune-101');
    const created = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    const extra = await kommune.call('InsertAnvisningsEnhed', {
      AnvisningsEnhed: unit({ DagInstitutionsNummer: created.nummer, EnhedsNavn: 'Lukkes' }),
    });
    expect((await kommune.call('DeleteAnvisningsEnhed', { EnhedsNummer: extra.nummer })).status).toBe('OK');
    await first.stop();

    const second = await start(dir);
    const again = await (
      await importCaller(second, 'kommune-101')
    ).call('InsertAnvisningsEnhed', {
      AnvisningsEnhed: unit({ DagInstitutionsNummer: created.nummer, EnhedsNavn: 'Efter genstart' }),
    });
    expect(again.status).toBe('OK');
    expect(Number(again.nummer?.slice(1))).toBeGreaterThan(Number(extra.nummer?.slice(1)));
    await second.stop();
    const closed = readStore(dir, (s) => s.anvisningsenheder({ numre: [extra.nummer ?? ''] })[0]);
    expect(closed).toMatchObject({ aktivitetsstatus: 'Nedlagt', enhedsNavn: 'Lukkes' });
  });

  it('a process killed in the middle of a write leaves the store as it was before', async () => {
    const dir = freshDir();
    // First start seeds the file; then one write that dies between its two records.
    const seeding = await start(dir);
    await seeding.stop();
    const before = readStore(dir, (s) => ({
      sequence: s.changeSequence(),
      parents: s.daginstitutioner().length,
      units: s.anvisningsenheder().length,
    }));
    const doomed = await start(dir, { REGISTRY_FAULT_KILL_IN_WRITE: 'InsertDaginstitution' });
    const kommune = await importCaller(doomed, 'kommune-101');
    await expect(
      kommune.call('InsertDaginstitution', {
        Daginstitution: daginstitution({ daginstitutionsNavn: 'Halvskrevet' }),
        AnvisningsEnhed: unit(),
      }),
    ).rejects.toThrow();
    expect(await doomed.exited).toBe('SIGKILL');

    const after = readStore(dir, (s) => ({
      sequence: s.changeSequence(),
      parents: s.daginstitutioner().length,
      units: s.anvisningsenheder().length,
      halfWritten: s.daginstitutioner({ navnIndeholder: 'Halvskrevet' }).length,
    }));
    expect(after).toEqual({ ...before, halfWritten: 0 });

    // And the register carries on from there.
    const revived = await start(dir);
    const svar = await (
      await importCaller(revived, 'kommune-101')
    ).call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    expect(codes(svar)).toEqual([]);
    // Two records, two sequences; the answer names the write's last.
    expect(svar.aendringsSekvens).toBe(before.sequence + 2);
  });
});
