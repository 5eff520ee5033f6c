import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.sql.ts';
import { openSqliteStore } from './sqlite-store.ts';

// The daginstitution table as schema version 1 made it: without the owner.
const V1_DAGINSTITUTION = `
CREATE TABLE daginstitution (
  nummer TEXT PRIMARY KEY CHECK (length(nummer) = 6),
  navn TEXT NOT NULL,
  navn_soeg TEXT NOT NULL,
  ejerform_kode INTEGER NOT NULL,
  lovgrundlag_kode INTEGER NOT NULL,
  adm_kommune_kode INTEGER NOT NULL,
  aktivitetsstatus TEXT NOT NULL CHECK (aktivitetsstatus IN ('Aktiv', 'Nedlagt')),
  oprettet_tidspunkt TEXT NOT NULL,
  nedlagt_tidspunkt TEXT,
  aendrings_sekvens INTEGER NOT NULL DEFAULT 0
) STRICT;`;

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const databaseFile = (): string => {
  dir = mkdtempSync(join(tmpdir(), 'registry-migrate-'));
  return join(dir, 'registry.sqlite');
};

describe('schema migration', () => {
  it('records the owner of a version-1 database from units that agree, and none where they do not', () => {
    const path = databaseFile();
    const old = new Database(path);
    old.exec(V1_DAGINSTITUTION + SCHEMA_SQL);
    const parent = old.prepare(
      `INSERT INTO daginstitution VALUES (?, 'x', 'x', 3, 4, 751, 'Aktiv', '2026-01-01T00:00:00+01:00', NULL, 0)`,
    );
    const unit = old.prepare(
      `INSERT INTO anvisningsenhed (nummer, daginstitution_nummer, navn, navn_soeg, inst_type3, adresse,
         cvr_nummer, aktivitetsstatus, oprettet_tidspunkt) VALUES (?, ?, 'u', 'u', 6012, '{}', ?, ?, 'now')`,
    );
    for (const nummer of ['G00001', 'G00002', 'G00003', 'G00004']) parent.run(nummer);
    unit.run('G00011', 'G00001', '33178522', 'Aktiv');
    unit.run('G00012', 'G00001', '33178522', 'Nedlagt');
    // A unit moved in from another owner: the owner is ambiguous, so nobody but admin gets it.
    unit.run('G00021', 'G00002', '33178522', 'Aktiv');
    unit.run('G00022', 'G00002', '29188335', 'Nedlagt');
    unit.run('G00031', 'G00003', null, 'Aktiv');
    unit.run('G00041', 'G00004', '29188335', 'Aktiv');
    unit.run('G00042', 'G00004', null, 'Aktiv');
    old.close();

    const store = openSqliteStore({ path });
    try {
      const owners = Object.fromEntries(
        store.daginstitutioner().map((d) => [d.daginstitutionsNummer, d.ejerCvrNummer]),
      );
      expect(owners).toEqual({ G00001: '33178522', G00002: null, G00003: null, G00004: null });
    } finally {
      store.close();
    }
    const reopened = new Database(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('gives a fresh database the current schema and refuses a newer one', () => {
    const path = databaseFile();
    openSqliteStore({ path }).close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore({ path })).toThrow(`schema version ${SCHEMA_VERSION + 1}`);
  });
});
