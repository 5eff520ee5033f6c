import type { RegistryStore } from '../../src/registry/store/registry-store.ts';

/**
 * What a refused write must leave as it was, read from the register's store: the change sequence,
 * and each named record with the records under it (so an insert or a move under it shows too).
 */
export function readBack(store: RegistryStore, numre: readonly string[]) {
  return {
    sequence: store.changeSequence(),
    records: numre.map((nummer) => {
      const [d] = store.daginstitutioner({ numre: [nummer] });
      if (d !== undefined) {
        return { d, under: store.anvisningsenheder({ daginstitutionsNumre: [nummer] }) };
      }
      const [u] = store.anvisningsenheder({ numre: [nummer] });
      if (u !== undefined) return { u, under: store.alternativAdresser({ anvisningsenhedsNumre: [nummer] }) };
      return { a: store.alternativAdresser({ numre: [nummer] })[0] ?? null };
    }),
  };
}
