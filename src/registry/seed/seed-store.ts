import type { RegistryStore } from '../store/registry-store.ts';
import { DEFAULT_DATA_DIR } from './data-dir.ts';
import { loadRegisterData } from './load-register.ts';
import { withOwners } from './owners.ts';

/** How many records of each level a seeding wrote. */
export interface SeedCounts {
  daginstitutioner: number;
  anvisningsenheder: number;
  alternativAdresser: number;
}

/**
 * Loads the register data of `dir` into a fresh store in one transaction, parents first. Seeding is
 * not a change: it writes no change-sequence entries, and every record keeps `aendringsSekvens` 0.
 */
export function seedStore(store: RegistryStore, dir: string = DEFAULT_DATA_DIR): SeedCounts {
  // Refuse rather than merge: seeding over live data would silently revert changes made since.
  if (!store.isEmpty())
    throw new StoreNotEmptyError('seedStore needs an empty store; this one already holds records');
  const register = loadRegisterData(dir);
  store.write((writer) => {
    for (const record of withOwners(register)) writer.putDaginstitution(record);
    for (const record of register.anvisningsenheder) writer.putAnvisningsEnhed(record);
    for (const record of register.alternativAdresser) writer.putAlternativAdresse(record);
  });
  return {
    daginstitutioner: register.daginstitutioner.length,
    anvisningsenheder: register.anvisningsenheder.length,
    alternativAdresser: register.alternativAdresser.length,
  };
}

/** Seeding was asked of a store that already holds records: the seed never merges. */
export class StoreNotEmptyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreNotEmptyError';
  }
}
