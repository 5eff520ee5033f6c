import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_SQL } from './schema.sql.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { testChange, testDaginstitution } from './test-records.ts';

const daginstitution = testDaginstitution;
const change = testChange;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the change sequence in the SQLite store', () => {
  it('pages changes oldest first, each with its record as it is now, and the latest sequence', () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      store.write((w) => {
        const stamp = w.recordChange(change('G00001', 'InsertDaginstitution', '2026-12-01T10:00:00.000Z'));
        expect(stamp).toEqual({ aendringsSekvens: 1, aendretTidspunkt: '2026-12-01T10:00:00.000Z' });
        w.putDaginstitution({ ...daginstitution('G00001', 'Første'), ...stamp });
      });
      store.write((w) => {
        const stamp = w.recordChange(change('G00001', 'UpdateDaginstitution', '2026-12-01T10:00:01.000Z'));
        w.putDaginstitution({ ...daginstitution('G00001', 'Anden'), ...stamp });
      });
      const page = store.changePage(0, 1);
      expect(page.latestSequence).toBe(2);
      expect(page.changes).toHaveLength(1);
      expect(page.changes[0]).toMatchObject({
        sekvens: 1,
        operation: 'InsertDaginstitution',
        tidspunkt: '2026-12-01T10:00:00.000Z',
        current: {
          niveau: 'daginstitution',
          record: {
            daginstitutionsNavn: 'Anden',
            aendringsSekvens: 2,
            aendretTidspunkt: '2026-12-01T10:00:01.000Z',
          },
        },
      });
      expect(store.changePage(1, 1000).changes.map((c) => c.sekvens)).toEqual([2]);
      expect(store.changePage(2, 1000)).toEqual({ latestSequence: 2, changes: [] });
    } finally {
      store.close();
    }
  });

  it('a rolled-back write takes no sequence number: the sequence has no gaps', () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      expect(() =>
        store.write((w) => {
          w.recordChange(change('G00001', 'InsertDaginstitution', '2026-12-01T10:00:00.000Z'));
          throw new Error('refused half-way');
        }),
      ).toThrow('refused half-way');
      expect(store.changeSequence()).toBe(0);
      const next = store.write((w) =>
        w.recordChange(change('G00002', 'InsertDaginstitution', '2026-12-01T10:00:00.000Z')),
      );
      expect(next.aendringsSekvens).toBe(1);
    } finally {
      store.close();
    }
  });

  it('adds aendret_tidspunkt to a database file made before it existed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-store-'));
    dirs.push(dir);
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    old.exec(SCHEMA_SQL.replaceAll('  aendret_tidspunkt TEXT,\n', ''));
    old
      .prepare(
        `INSERT INTO daginstitution (nummer, navn, navn_soeg, ejerform_kode, lovgrundlag_kode, adm_kommune_kode,
           aktivitetsstatus, oprettet_tidspunkt) VALUES ('G00001', 'Gammel', 'gammel', 1, 1, 101, 'Aktiv', '2026-03-27T00:00:00+01:00')`,
      )
      .run();
    expect((old.pragma('table_info(daginstitution)') as { name: string }[]).map((c) => c.name)).not.toContain(
      'aendret_tidspunkt',
    );
    old.close();

    const store = openSqliteStore({ path });
    try {
      expect(store.daginstitutioner()).toMatchObject([
        { daginstitutionsNavn: 'Gammel', aendretTidspunkt: null },
      ]);
      store.write((w) => {
        const stamp = w.recordChange(change('G00001', 'UpdateDaginstitution', '2026-12-01T10:00:00.000Z'));
        w.putDaginstitution({ ...daginstitution('G00001', 'Ny'), ...stamp });
      });
      expect(store.daginstitutioner()[0]?.aendretTidspunkt).toBe('2026-12-01T10:00:00.000Z');
    } finally {
      store.close();
    }
    // Opening it again finds the column and leaves it alone.
    openSqliteStore({ path }).close();
  });
});
