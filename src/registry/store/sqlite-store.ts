import Database from 'better-sqlite3';
import type { AlternativAdresse, AnvisningsEnhed, EjetDaginstitution } from '../domain/model.ts';
import { createChangePageReader } from './change-page.ts';
import type {
  Aendring,
  AlternativAdresseQuery,
  AnvisningsEnhedQuery,
  DaginstitutionQuery,
  RegistryStore,
  RegistryWriter,
} from './registry-store.ts';
import { migrateSchema } from './migrate-schema.ts';
import {
  ALTERNATIV_ADRESSE_COLUMNS,
  ANVISNINGSENHED_COLUMNS,
  DAGINSTITUTION_COLUMNS,
  NUMBER_PREFIX,
  foldName,
  formatNumber,
  fromAlternativAdresseRow,
  fromAnvisningsEnhedRow,
  fromDaginstitutionRow,
  numberValue,
  toAlternativAdresseRow,
  toAnvisningsEnhedRow,
  toDaginstitutionRow,
  type AlternativAdresseRow,
  type AnvisningsEnhedRow,
  type DaginstitutionRow,
} from './rows.ts';
import { buildWhere, type Criterion } from './where.ts';

/** Where the store keeps its data: a file path, or `':memory:'` for a private in-memory database. */
export interface SqliteStoreOptions {
  path: string;
}

/**
 * Opens (and on first use creates) the register's SQLite database. One connection, used
 * synchronously: writes are serialised by the process, and `BEGIN IMMEDIATE` serialises them
 * across processes sharing the file.
 */
export function openSqliteStore(options: SqliteStoreOptions): RegistryStore {
  const db = new Database(options.path);
  db.pragma('foreign_keys = ON');
  if (options.path !== ':memory:') {
    // WAL with synchronous=NORMAL survives a killed process (every commit is in the WAL before it
    // returns); only an OS crash or power loss can lose the last commits.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  }
  try {
    migrateSchema(db);
  } catch (error) {
    db.close();
    throw error;
  }

  // One prepared statement per query shape; the shapes are few (which criteria are given).
  const statements = new Map<string, Database.Statement>();
  const select = <Row>(table: string, criteria: Criterion[]): Row[] => {
    const { sql, params } = buildWhere(criteria);
    const text = `SELECT * FROM ${table}${sql} ORDER BY nummer`;
    let statement = statements.get(text);
    if (statement === undefined) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement.all(...params) as Row[];
  };

  const upsert = (table: string, columns: readonly string[]) => {
    const updates = columns.filter((c) => c !== 'nummer').map((c) => `${c} = excluded.${c}`);
    return db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})
       ON CONFLICT (nummer) DO UPDATE SET ${updates.join(', ')}`,
    );
  };
  const putDaginstitution = upsert('daginstitution', DAGINSTITUTION_COLUMNS);
  const putAnvisningsEnhed = upsert('anvisningsenhed', ANVISNINGSENHED_COLUMNS);
  const putAlternativAdresse = upsert('alternativ_adresse', ALTERNATIV_ADRESSE_COLUMNS);
  const raiseSeries = db.prepare(
    `INSERT INTO nummerserie (prefix, sidste) VALUES (?, ?)
     ON CONFLICT (prefix) DO UPDATE SET sidste = max(sidste, excluded.sidste)`,
  );
  const nextInSeries = db.prepare(
    `INSERT INTO nummerserie (prefix, sidste) VALUES (?, 1)
     ON CONFLICT (prefix) DO UPDATE SET sidste = sidste + 1 RETURNING sidste`,
  );
  const insertChange = db.prepare(
    `INSERT INTO aendring (niveau, nummer, operation, identitet, tidspunkt)
     VALUES (@niveau, @nummer, @operation, @identitet, @tidspunkt)`,
  );

  /** Keeps the number space above every number ever stored, whoever stored it. */
  const noteNumber = (nummer: string) => {
    const value = numberValue(nummer);
    if (value !== null) raiseSeries.run(NUMBER_PREFIX, value);
  };

  const writer: RegistryWriter = {
    issueNumber() {
      const row = nextInSeries.get(NUMBER_PREFIX) as { sidste: number };
      return formatNumber(row.sidste);
    },
    putDaginstitution(record) {
      putDaginstitution.run(toDaginstitutionRow(record));
      noteNumber(record.daginstitutionsNummer);
    },
    putAnvisningsEnhed(record) {
      putAnvisningsEnhed.run(toAnvisningsEnhedRow(record));
      noteNumber(record.anvisningsenhedsNummer);
    },
    putAlternativAdresse(record) {
      putAlternativAdresse.run(toAlternativAdresseRow(record));
      noteNumber(record.alternativAdresseNummer);
    },
    recordChange(change: Aendring) {
      const aendringsSekvens = Number(insertChange.run(change).lastInsertRowid);
      return { aendringsSekvens, aendretTidspunkt: change.tidspunkt };
    },
  };

  const latestSequence = db.prepare('SELECT max(sekvens) AS s FROM aendring');

  const store: RegistryStore = {
    daginstitutioner(query: DaginstitutionQuery = {}): EjetDaginstitution[] {
      return select<DaginstitutionRow>('daginstitution', [
        { column: 'nummer', in: query.numre },
        { column: 'adm_kommune_kode', equals: query.admKommuneKode },
        { column: 'navn_soeg', contains: query.navnIndeholder && foldName(query.navnIndeholder) },
      ]).map(fromDaginstitutionRow);
    },
    anvisningsenheder(query: AnvisningsEnhedQuery = {}): AnvisningsEnhed[] {
      return select<AnvisningsEnhedRow>('anvisningsenhed', [
        { column: 'nummer', in: query.numre },
        { column: 'daginstitution_nummer', in: query.daginstitutionsNumre },
        { column: 'cvr_nummer', equals: query.cvrNummer },
        { column: 'p_nummer', equals: query.pNummer },
        { column: 'navn_soeg', contains: query.navnIndeholder && foldName(query.navnIndeholder) },
      ]).map(fromAnvisningsEnhedRow);
    },
    alternativAdresser(query: AlternativAdresseQuery = {}): AlternativAdresse[] {
      return select<AlternativAdresseRow>('alternativ_adresse', [
        { column: 'nummer', in: query.numre },
        { column: 'anvisningsenhed_nummer', in: query.anvisningsenhedsNumre },
        { column: 'cvr_nummer', equals: query.cvrNummer },
        { column: 'p_nummer', equals: query.pNummer },
        { column: 'navn_soeg', contains: query.navnIndeholder && foldName(query.navnIndeholder) },
      ]).map(fromAlternativAdresseRow);
    },
    write(work) {
      return db.transaction(() => work(writer)).immediate();
    },
    rehearse(work) {
      // IMMEDIATE like a write, so that the rehearsal reads what a write now would; inside a
      // transaction, a savepoint of it.
      const nested = db.inTransaction;
      db.exec(nested ? 'SAVEPOINT rehearsal' : 'BEGIN IMMEDIATE');
      try {
        return work(writer);
      } finally {
        db.exec(nested ? 'ROLLBACK TO rehearsal; RELEASE rehearsal' : 'ROLLBACK');
      }
    },
    changeSequence() {
      const row = latestSequence.get() as { s: number | null };
      return row.s ?? 0;
    },
    changesSince(sequence) {
      return db
        .prepare('SELECT * FROM aendring WHERE sekvens > ? ORDER BY sekvens')
        .all(sequence) as ReturnType<RegistryStore['changesSince']>;
    },
    changePage(sequence, limit) {
      return readChangePage(sequence, limit);
    },
    isEmpty() {
      const row = db.prepare('SELECT count(*) AS n FROM daginstitution').get() as { n: number };
      return row.n === 0;
    },
    close() {
      db.close();
    },
  };
  const readChangePage = createChangePageReader(db, store);
  return store;
}
