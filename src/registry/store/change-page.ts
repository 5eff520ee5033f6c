import type Database from 'better-sqlite3';
import type { Aendring, ChangedRecord, ChangePage, RegistryStore } from './registry-store.ts';
import { StoreInvariantError } from './store-invariant-error.ts';

/**
 * Reads pages of the change sequence with the records as they are now. One read transaction per
 * page: the changes, their records and the latest sequence are one snapshot, so a reader between
 * two writes sees each committed change once and never half of a write.
 */
export function createChangePageReader(
  db: Database.Database,
  store: Pick<
    RegistryStore,
    'daginstitutioner' | 'anvisningsenheder' | 'alternativAdresser' | 'changeSequence'
  >,
): (sequence: number, limit: number) => ChangePage {
  const changesAfter = db.prepare('SELECT * FROM aendring WHERE sekvens > ? ORDER BY sekvens LIMIT ?');
  const read = db.transaction((sequence: number, limit: number): ChangePage => {
    const rows = changesAfter.all(sequence, limit) as (Aendring & { sekvens: number })[];
    const current = currentRecords(store, rows);
    return {
      latestSequence: store.changeSequence(),
      changes: rows.map((row) => {
        const record = current.get(`${row.niveau}/${row.nummer}`);
        if (record === undefined)
          throw new StoreInvariantError(`Change ${row.sekvens} names no record ${row.nummer}`);
        return { ...row, current: record };
      }),
    };
  });
  return (sequence, limit) => read(sequence, limit);
}

/** The records the changes name, as they are now, keyed by level and number; three look-ups. */
function currentRecords(
  store: Pick<RegistryStore, 'daginstitutioner' | 'anvisningsenheder' | 'alternativAdresser'>,
  changes: readonly Pick<Aendring, 'niveau' | 'nummer'>[],
): Map<string, ChangedRecord> {
  const numre = (niveau: Aendring['niveau']) => [
    ...new Set(changes.filter((c) => c.niveau === niveau).map((c) => c.nummer)),
  ];
  const found = new Map<string, ChangedRecord>();
  const daginstitutioner = numre('daginstitution');
  if (daginstitutioner.length > 0) {
    for (const record of store.daginstitutioner({ numre: daginstitutioner }))
      found.set(`daginstitution/${record.daginstitutionsNummer}`, { niveau: 'daginstitution', record });
  }
  const anvisningsenheder = numre('anvisningsenhed');
  if (anvisningsenheder.length > 0) {
    for (const record of store.anvisningsenheder({ numre: anvisningsenheder }))
      found.set(`anvisningsenhed/${record.anvisningsenhedsNummer}`, { niveau: 'anvisningsenhed', record });
  }
  const alternativAdresser = numre('alternativadresse');
  if (alternativAdresser.length > 0) {
    for (const record of store.alternativAdresser({ numre: alternativAdresser }))
      found.set(`alternativadresse/${record.alternativAdresseNummer}`, {
        niveau: 'alternativadresse',
        record,
      });
  }
  return found;
}
