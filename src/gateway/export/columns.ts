import type {
  AlternativeAddress,
  AssignmentUnit,
  DaycareInstitution,
  Lifecycle,
  UnitFields,
} from '../domain/records.ts';
import { danishTimestamp } from './danish-time.ts';
import type { RegisterSnapshot } from './register-rows.ts';

/** One column of an export: the register's column name and how a record fills it ('' = no value). */
export interface Column<R> {
  name: string;
  value: (record: R, snapshot: RegisterSnapshot) => string;
}

const text = (value: string | number | null | undefined): string => (value == null ? '' : String(value));
/** The register's export writes coordinates with a decimal comma (data/register/README.md). */
const decimalComma = (value: number | undefined): string =>
  value === undefined ? '' : String(value).replace('.', ',');
const status = (record: Lifecycle): string => (record.status === 'ACTIVE' ? 'Aktiv' : 'Nedlagt');

/** The columns every record with an address shares, from cvrNummer to nedlagtTidspunkt. */
const unitFieldColumns = <R extends UnitFields & Lifecycle>(): Column<R>[] => [
  { name: 'kommuneKode', value: (r) => text(r.address.municipality.code) },
  { name: 'kommuneKode_Tekst', value: (r) => r.address.municipality.name },
  { name: 'cvrNummer', value: (r) => text(r.cvrNumber) },
  { name: 'pNummer', value: (r) => text(r.pNumber) },
  { name: 'vejNavn', value: (r) => r.address.street },
  { name: 'husNummer', value: (r) => r.address.houseNumber },
  { name: 'etage', value: (r) => text(r.address.floor) },
  { name: 'doer', value: (r) => text(r.address.door) },
  { name: 'postNummer', value: (r) => r.address.postalCode },
  { name: 'byNavn', value: (r) => r.address.city },
  { name: 'supplerendeBynavn', value: (r) => text(r.address.supplementaryCity) },
  { name: 'geoBredde', value: (r) => decimalComma(r.address.location?.latitude) },
  { name: 'geoLaengde', value: (r) => decimalComma(r.address.location?.longitude) },
  { name: 'dawaId', value: (r) => text(r.address.darAddressId) },
  { name: 'email', value: (r) => text(r.email) },
  { name: 'telefonNummer', value: (r) => text(r.phone) },
  { name: 'oprettetTidspunkt', value: (r) => danishTimestamp(r.createdAt) },
  { name: 'nedlagtTidspunkt', value: (r) => (r.closedAt === null ? '' : danishTimestamp(r.closedAt)) },
];

/** daginstitution.csv, in the column order of `data/register/daginstitution.csv`. */
export const DAGINSTITUTION_COLUMNS: Column<DaycareInstitution>[] = [
  { name: 'daginstitutionsNummer', value: (d) => d.number },
  { name: 'daginstitutionsNavn', value: (d) => d.name },
  { name: 'aktivitetsstatus', value: status },
  { name: 'ejerformKode', value: (d) => text(d.ownership.code) },
  { name: 'ejerformKode_Tekst', value: (d) => d.ownership.text },
  { name: 'lovgrundlagKode', value: (d) => text(d.legalBasis.code) },
  { name: 'lovgrundlagKode_Tekst', value: (d) => d.legalBasis.text },
  { name: 'admKommuneKode', value: (d) => text(d.administeringMunicipality.code) },
  { name: 'admKommuneKode_Tekst', value: (d) => d.administeringMunicipality.name },
  { name: 'oprettetTidspunkt', value: (d) => danishTimestamp(d.createdAt) },
  { name: 'nedlagtTidspunkt', value: (d) => (d.closedAt === null ? '' : danishTimestamp(d.closedAt)) },
];

const parentOf = (u: AssignmentUnit, s: RegisterSnapshot) =>
  s.daycareByNumber.get(u.daycareInstitutionNumber);

/** anvisningsenhed.csv, in the column order of `data/register/anvisningsenhed.csv`; ejerform is the parent's. */
export const ANVISNINGSENHED_COLUMNS: Column<AssignmentUnit>[] = [
  { name: 'anvisningsenhedsNummer', value: (u) => u.number },
  { name: 'daginstitutionsNummer', value: (u) => u.daycareInstitutionNumber },
  { name: 'dagtilbudsNavn', value: (u) => u.name },
  { name: 'aktivitetsstatus', value: status },
  { name: 'instType3', value: (u) => text(u.institutionType.code) },
  { name: 'instType3_Tekst', value: (u) => u.institutionType.text },
  { name: 'ejerformKode', value: (u, s) => text(parentOf(u, s)?.ownership.code) },
  { name: 'ejerformKode_Tekst', value: (u, s) => text(parentOf(u, s)?.ownership.text) },
  ...unitFieldColumns<AssignmentUnit>(),
];

/** alternativadresse.csv, in the column order of `data/register/alternativadresse.csv`. */
export const ALTERNATIV_ADRESSE_COLUMNS: Column<AlternativeAddress>[] = [
  { name: 'alternativAdresseNummer', value: (a) => a.number },
  { name: 'anvisningsenhedsNummer', value: (a) => a.assignmentUnitNumber },
  { name: 'dagtilbudsNavn', value: (a) => a.name },
  { name: 'aktivitetsstatus', value: status },
  ...unitFieldColumns<AlternativeAddress>(),
];

/** The samlet udtræk's levels, as its first column `dagtilbudsType` names them. */
export type SamletRow =
  | { dagtilbudsType: 'daginstitution'; record: DaycareInstitution }
  | { dagtilbudsType: 'anvisningsenhed'; record: AssignmentUnit }
  | { dagtilbudsType: 'alternativadresse'; record: AlternativeAddress };

/**
 * The samlet udtræk: `dagtilbudsType`, then every column of the three files once, in the order they
 * first appear (anvisningsenhed's, then the alternative adresse's number, then the daginstitution's
 * own); a level leaves the columns it lacks empty. STIL publishes no full header: this union is the
 * project's decision.
 */
export const SAMLET_COLUMN_NAMES: string[] = [
  'dagtilbudsType',
  ...new Set([
    ...ANVISNINGSENHED_COLUMNS.map((c) => c.name),
    ...ALTERNATIV_ADRESSE_COLUMNS.map((c) => c.name),
    ...DAGINSTITUTION_COLUMNS.map((c) => c.name),
  ]),
];

const byName = <R>(columns: Column<R>[]) => new Map(columns.map((c) => [c.name, c]));
const DAGINSTITUTION_BY_NAME = byName(DAGINSTITUTION_COLUMNS);
const ANVISNINGSENHED_BY_NAME = byName(ANVISNINGSENHED_COLUMNS);
const ALTERNATIV_ADRESSE_BY_NAME = byName(ALTERNATIV_ADRESSE_COLUMNS);

/** One samlet row as values in SAMLET_COLUMN_NAMES order. */
export function samletValues(row: SamletRow, snapshot: RegisterSnapshot): string[] {
  return SAMLET_COLUMN_NAMES.map((name) => {
    if (name === 'dagtilbudsType') return row.dagtilbudsType;
    switch (row.dagtilbudsType) {
      case 'daginstitution':
        return DAGINSTITUTION_BY_NAME.get(name)?.value(row.record, snapshot) ?? '';
      case 'anvisningsenhed':
        return ANVISNINGSENHED_BY_NAME.get(name)?.value(row.record, snapshot) ?? '';
      case 'alternativadresse': {
        // An alternative adresse's parent is an anvisningsenhed; its daginstitution is the unit's.
        if (name === 'daginstitutionsNummer')
          return text(snapshot.unitByNumber.get(row.record.assignmentUnitNumber)?.daycareInstitutionNumber);
        return ALTERNATIV_ADRESSE_BY_NAME.get(name)?.value(row.record, snapshot) ?? '';
      }
    }
  });
}
