import type Database from 'better-sqlite3';

/**
 * Brings a database file made by an older version up to this schema: `CREATE TABLE IF NOT EXISTS`
 * leaves existing tables as they are, so columns added since are added here (empty).
 */
export function addMissingColumns(db: Database.Database): void {
  for (const table of ['daginstitution', 'anvisningsenhed', 'alternativ_adresse']) {
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    if (!columns.includes('aendret_tidspunkt'))
      db.exec(`ALTER TABLE ${table} ADD COLUMN aendret_tidspunkt TEXT`);
  }
}
