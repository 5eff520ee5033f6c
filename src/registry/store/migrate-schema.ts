import type Database from 'better-sqlite3';
import { addMissingColumns } from './add-missing-columns.ts';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.sql.ts';

/**
 * Brings a database to SCHEMA_VERSION in one transaction: a fresh one gets the whole schema, an
 * older one its missing pieces. A database of a newer version is refused rather than guessed at.
 */
export function migrateSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new SchemaVersionError(
      `The database has schema version ${version}; this register knows up to ${SCHEMA_VERSION}`,
    );
  }
  db.transaction(() => {
    const hadDaginstitutioner = tableExists(db, 'daginstitution');
    db.exec(SCHEMA_SQL);
    if (hadDaginstitutioner && !columnExists(db, 'daginstitution', 'ejer_cvr_nummer')) addOwners(db);
    if (hadDaginstitutioner) addMissingColumns(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * Version 1 → 2: records each daginstitution's owner. The old database never recorded it, so it is
 * read once from the units as they stand: the one CVR all its units carry; none when they carry
 * none or disagree (a unit moved in from another owner), so that only `admin` may then change it.
 */
function addOwners(db: Database.Database): void {
  db.exec(`
    ALTER TABLE daginstitution ADD COLUMN ejer_cvr_nummer TEXT;
    UPDATE daginstitution SET ejer_cvr_nummer = (
      SELECT CASE WHEN count(DISTINCT u.cvr_nummer) = 1 AND count(u.cvr_nummer) = count(*)
                  THEN min(u.cvr_nummer) END
      FROM anvisningsenhed u WHERE u.daginstitution_nummer = daginstitution.nummer
    );
  `);
}

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

function columnExists(db: Database.Database, table: string, column: string): boolean {
  const columns = db.pragma(`table_info(${table})`) as { name: string }[];
  return columns.some((c) => c.name === column);
}

/** The database was written by a newer register than this one: refused rather than guessed at. */
export class SchemaVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaVersionError';
  }
}
