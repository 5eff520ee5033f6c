import { describe, expect, it } from 'vitest';
import type { RegistryStore, RegistryWriter } from '../store/registry-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { seedStore } from './seed-store.ts';
import { HOEJVANG_ADRESSE } from './test-records.ts';

describe('seedStore', () => {
  it('loads the committed data into an in-memory SQLite store', () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      const counts = seedStore(store);
      expect(counts.anvisningsenheder).toBe(4817);
      expect(store.daginstitutioner()).toHaveLength(counts.daginstitutioner);
      expect(store.anvisningsenheder()).toHaveLength(counts.anvisningsenheder);
      expect(store.alternativAdresser()).toHaveLength(counts.alternativAdresser);
      expect(store.changeSequence()).toBe(0);

      const [hoejvang] = store.anvisningsenheder({ numre: ['G10662'] });
      expect(hoejvang).toMatchObject({
        enhedsNavn: 'Den Private Børnehave Højvang',
        instType3: 6012,
        cvrNummer: '33178522',
        aktivitetsstatus: 'Aktiv',
        aendringsSekvens: 0,
        adresse: HOEJVANG_ADRESSE,
      });
      const [parent] = store.daginstitutioner({ numre: [hoejvang?.daginstitutionsNummer ?? ''] });
      // The owner is recorded from the units the seed grouped it by: one CVR per daginstitution.
      expect(parent).toMatchObject({ ejerformKode: 3, admKommuneKode: 751, ejerCvrNummer: '33178522' });
      const units = store.anvisningsenheder();
      for (const d of store.daginstitutioner()) {
        const cvrs = new Set(
          units.filter((u) => u.daginstitutionsNummer === d.daginstitutionsNummer).map((u) => u.cvrNummer),
        );
        cvrs.delete(null);
        expect({ d: d.daginstitutionsNummer, owner: d.ejerCvrNummer }).toEqual({
          d: d.daginstitutionsNummer,
          owner: [...cvrs][0] ?? null,
        });
      }

      expect(() => seedStore(store)).toThrow(/empty store/);
    } finally {
      store.close();
    }
  });

  it('writes in one transaction, parents first, and records no change', () => {
    const calls: string[] = [];
    let transactions = 0;
    const writer: RegistryWriter = {
      issueNumber: () => {
        throw new Error('seeding issues no numbers');
      },
      putDaginstitution: (r) => calls.push(`D ${r.daginstitutionsNummer}`),
      putAnvisningsEnhed: (r) => calls.push(`A ${r.anvisningsenhedsNummer}`),
      putAlternativAdresse: (r) => calls.push(`L ${r.alternativAdresseNummer}`),
      recordChange: () => {
        throw new Error('seeding is not a change');
      },
    };
    const store = {
      isEmpty: () => true,
      write: <T>(work: (w: RegistryWriter) => T): T => {
        transactions++;
        return work(writer);
      },
    } as Pick<RegistryStore, 'isEmpty' | 'write'> as RegistryStore;

    const counts = seedStore(store);
    expect(transactions).toBe(1);
    expect(calls).toHaveLength(
      counts.daginstitutioner + counts.anvisningsenheder + counts.alternativAdresser,
    );
    const firstUnit = calls.findIndex((c) => c.startsWith('A'));
    expect(calls.slice(0, firstUnit).every((c) => c.startsWith('D'))).toBe(true);
    expect(calls.slice(firstUnit).some((c) => c.startsWith('D'))).toBe(false);
  });
});
