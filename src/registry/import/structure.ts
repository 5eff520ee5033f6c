import type { AlternativAdresse, AnvisningsEnhed, EjetDaginstitution } from '../domain/model.ts';
import type { RuleError } from '../rules/index.ts';
import type { RegistryStore } from '../store/registry-store.ts';
import { StoreInvariantError } from '../store/store-invariant-error.ts';

/**
 * Structure look-ups of the write side (contract §7): a record a write names must exist, and be
 * active when it is changed or used as a parent. Each returns the record or the error to report.
 */

type Found<T> = { record: T; error: null } | { record: null; error: RuleError };

const missing = (felt: string, what: string, nummer: string): RuleError => ({
  felt,
  kode: 'FINDES_IKKE',
  tekst: `${what} ${nummer} findes ikke i registeret.`,
});
const closed = (felt: string, what: string, nummer: string): RuleError => ({
  felt,
  kode: 'NEDLAGT_KAN_IKKE_AENDRES',
  tekst: `${what} ${nummer} er nedlagt og kan ikke ændres.`,
});

/** An existing, active record to change. */
function activeRecord<T extends { aktivitetsstatus: string }>(
  record: T | undefined,
  felt: string,
  what: string,
  nummer: string,
): Found<T> {
  if (record === undefined) return { record: null, error: missing(felt, what, nummer) };
  if (record.aktivitetsstatus !== 'Aktiv') return { record: null, error: closed(felt, what, nummer) };
  return { record, error: null };
}

/** An existing, active parent to create or move under. */
function activeParent<T extends { aktivitetsstatus: string }>(
  record: T | undefined,
  felt: string,
  what: string,
  nummer: string,
): Found<T> {
  if (record === undefined) {
    return {
      record: null,
      error: { felt, kode: 'FORAELDER_FINDES_IKKE', tekst: `${what} ${nummer} findes ikke.` },
    };
  }
  if (record.aktivitetsstatus !== 'Aktiv') {
    return {
      record: null,
      error: {
        felt,
        kode: 'FORAELDER_NEDLAGT',
        tekst: `${what} ${nummer} er nedlagt; der kan ikke oprettes eller flyttes noget under den.`,
      },
    };
  }
  return { record, error: null };
}

/**
 * The parent number an Insert names. When it names none, adds the FELT_MANGLER error for it to
 * `errors`, unless the field rules already reported that field.
 */
export function requireParentNumber(
  value: string | undefined,
  felt: string,
  purpose: string,
  errors: RuleError[],
): string {
  const nummer = value?.trim() ?? '';
  if (nummer === '' && !errors.some((x) => x.felt === felt)) {
    const name = felt.slice(felt.lastIndexOf('/') + 1);
    errors.push({ felt, kode: 'FELT_MANGLER', tekst: `${name} skal angives: ${purpose}.` });
  }
  return nummer;
}

/** Look-ups by number against one store. */
export function createStructure(store: RegistryStore) {
  const daginstitution = (nummer: string): EjetDaginstitution | undefined =>
    store.daginstitutioner({ numre: [nummer] })[0];
  const anvisningsenhed = (nummer: string): AnvisningsEnhed | undefined =>
    store.anvisningsenheder({ numre: [nummer] })[0];
  const alternativAdresse = (nummer: string): AlternativAdresse | undefined =>
    store.alternativAdresser({ numre: [nummer] })[0];
  /** The daginstitution above a unit, which the rights and the municipality rules look at. */
  const daginstitutionOfUnit = (enhedsNummer: string): EjetDaginstitution => {
    const unit = anvisningsenhed(enhedsNummer);
    const parent = unit === undefined ? undefined : daginstitution(unit.daginstitutionsNummer);
    if (parent === undefined) throw new StoreInvariantError(`Unit ${enhedsNummer} has no daginstitution`);
    return parent;
  };
  return {
    daginstitution,
    anvisningsenhed,
    alternativAdresse,
    daginstitutionOfUnit,
    activeDaginstitution: (nummer: string, felt: string) =>
      activeRecord(daginstitution(nummer), felt, 'Daginstitutionen', nummer),
    activeAnvisningsenhed: (nummer: string, felt: string) =>
      activeRecord(anvisningsenhed(nummer), felt, 'Anvisningsenheden', nummer),
    activeAlternativAdresse: (nummer: string, felt: string) =>
      activeRecord(alternativAdresse(nummer), felt, 'Den alternative adresse', nummer),
    parentDaginstitution: (nummer: string, felt: string) =>
      activeParent(daginstitution(nummer), felt, 'Daginstitutionen', nummer),
    parentAnvisningsenhed: (nummer: string, felt: string) =>
      activeParent(anvisningsenhed(nummer), felt, 'Anvisningsenheden', nummer),
    activeUnitsOf: (daginstitutionsNummer: string) =>
      store
        .anvisningsenheder({ daginstitutionsNumre: [daginstitutionsNummer] })
        .filter((u) => u.aktivitetsstatus === 'Aktiv'),
    activeAlternativesOf: (anvisningsenhedsNummer: string) =>
      store
        .alternativAdresser({ anvisningsenhedsNumre: [anvisningsenhedsNummer] })
        .filter((a) => a.aktivitetsstatus === 'Aktiv'),
  };
}

/** The structure look-ups one write uses. */
export type Structure = ReturnType<typeof createStructure>;
