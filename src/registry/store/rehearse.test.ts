import { describe, expect, it } from 'vitest';
import type { RegistryWriter } from './registry-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { testChange, testDaginstitution } from './test-records.ts';

/** What an InsertDaginstitution does in the store: a number, a change, a record; and what it saw. */
const insert = (store: ReturnType<typeof openSqliteStore>) => (w: RegistryWriter) => {
  const nummer = w.issueNumber();
  const stamp = w.recordChange(testChange(nummer, 'InsertDaginstitution', '2026-12-01T10:00:00.000Z'));
  w.putDaginstitution({ ...testDaginstitution(nummer, 'Prøve'), ...stamp });
  return { nummer, stamp, seen: store.daginstitutioner({ numre: [nummer] }).length };
};

describe('a rehearsal in the SQLite store (a dry run)', () => {
  it('sees its own writes, answers what the write would, and leaves no record, change or number behind', () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      store.write(insert(store));
      const before = { sequence: store.changeSequence(), count: store.daginstitutioner().length };
      const rehearsed = store.rehearse(insert(store));
      expect(rehearsed.seen).toBe(1);
      expect({ sequence: store.changeSequence(), count: store.daginstitutioner().length }).toEqual(before);
      // The real write after it gets the very number and sequence the rehearsal had.
      const real = store.write(insert(store));
      expect(real).toEqual(rehearsed);
      expect(store.changeSequence()).toBe(before.sequence + 1);
    } finally {
      store.close();
    }
  });

  it('rolls back also when the work fails, and the store stays usable', () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      expect(() =>
        store.rehearse((w) => {
          insert(store)(w);
          throw new RangeError('the work failed');
        }),
      ).toThrow(RangeError);
      expect(store.changeSequence()).toBe(0);
      expect(store.write(insert(store)).stamp.aendringsSekvens).toBe(1);
    } finally {
      store.close();
    }
  });

  it('inside a write, rolls back only its own part (a savepoint)', () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      const { outer, inner } = store.write((w) => ({
        outer: insert(store)(w),
        inner: store.rehearse(insert(store)),
      }));
      expect(inner.nummer).not.toBe(outer.nummer);
      expect(store.daginstitutioner().map((d) => d.daginstitutionsNummer)).toEqual([outer.nummer]);
      expect(store.changeSequence()).toBe(1);
    } finally {
      store.close();
    }
  });
});
