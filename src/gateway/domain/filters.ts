import { uniloginEligibility } from './eligibility.ts';
import { foldText } from './fold-text.ts';
import { addressText } from './address-text.ts';
import type {
  AlternativeAddress,
  AssignmentUnit,
  DaycareInstitution,
  Institution,
  InstitutionStatus,
  UnitFields,
} from './records.ts';

/** A circle around a WGS84 point. */
export interface NearFilter {
  latitude: number;
  longitude: number;
  radiusMeters: number;
}

/** What every level's filter asks: every given criterion must hold. */
export interface RecordFilter {
  /** The record's municipality: its address's, or a daginstitution's administrating one. */
  municipalityCode?: number;
  statuses: readonly InstitutionStatus[];
  nameContains?: string;
  uniloginEligible?: boolean;
}

/** What the filters of records with an address and a P-number (units, alternative adresser) add. */
export interface UnitFieldsFilter extends RecordFilter {
  /** Part of the address line (street, number, floor, door, postcode, city), folded. */
  addressContains?: string;
  cvrNumber?: string;
  pNumber?: string;
  postalCode?: string;
  near?: NearFilter;
}

/** Which anvisningsenheder. */
export interface AssignmentUnitFilter extends UnitFieldsFilter {
  institutionTypeCodes?: readonly number[];
  /** The ejerform of the unit's daginstitution. */
  ownershipCodes?: readonly number[];
}

/** Which daginstitutioner; `municipalityCode` is the administrating municipality (admKommuneKode). */
export interface DaycareInstitutionFilter extends RecordFilter {
  ownershipCodes?: readonly number[];
  legalBasisCodes?: readonly number[];
  /** The recorded owner (ejerCvrNummer). */
  ownerCvrNumber?: string;
}

/** Which alternative adresser. */
export type AlternativeAddressFilter = UnitFieldsFilter;

// Records are shared, immutable cache objects: fold each name once, not on every search.
const foldedNames = new WeakMap<Institution, string>();
const foldedName = (record: Institution): string => {
  let folded = foldedNames.get(record);
  if (folded === undefined) {
    folded = foldText(record.name);
    foldedNames.set(record, folded);
  }
  return folded;
};

const foldedAddresses = new WeakMap<UnitFields, string>();
const foldedAddress = (record: UnitFields): string => {
  let folded = foldedAddresses.get(record);
  if (folded === undefined) {
    folded = foldText(addressText(record.address));
    foldedAddresses.set(record, folded);
  }
  return folded;
};

const includes = <T>(allowed: readonly T[] | undefined, value: T) =>
  allowed === undefined || allowed.includes(value);

const common = (record: Institution, filter: RecordFilter, foldedSearch: string | undefined): boolean =>
  filter.statuses.includes(record.status) &&
  (foldedSearch === undefined || foldedName(record).includes(foldedSearch)) &&
  (filter.uniloginEligible === undefined || uniloginEligibility(record).eligible === filter.uniloginEligible);

const unitFields = (
  record: UnitFields,
  filter: UnitFieldsFilter,
  addressSearch: string | undefined,
): boolean =>
  (addressSearch === undefined || foldedAddress(record).includes(addressSearch)) &&
  (filter.municipalityCode === undefined || record.address.municipality.code === filter.municipalityCode) &&
  (filter.cvrNumber === undefined || record.cvrNumber === filter.cvrNumber) &&
  (filter.pNumber === undefined || record.pNumber === filter.pNumber) &&
  (filter.postalCode === undefined || record.address.postalCode === filter.postalCode);

const folded = (search: string | undefined) => (search === undefined ? undefined : foldText(search));

/**
 * A predicate for anvisningsenheder (without `near`, which ranks). `ownershipOf` gives a
 * daginstitution's ejerform code; it is only asked when the filter has `ownershipCodes`.
 */
export function assignmentUnitPredicate(
  filter: AssignmentUnitFilter,
  ownershipOf: (daycareInstitutionNumber: string) => number | undefined,
): (unit: AssignmentUnit) => boolean {
  const search = folded(filter.nameContains);
  const addressSearch = folded(filter.addressContains);
  return (unit) =>
    common(unit, filter, search) &&
    unitFields(unit, filter, addressSearch) &&
    includes(filter.institutionTypeCodes, unit.institutionType.code) &&
    (filter.ownershipCodes === undefined ||
      filter.ownershipCodes.includes(ownershipOf(unit.daycareInstitutionNumber) ?? Number.NaN));
}

/** A predicate for daginstitutioner. */
export function daycareInstitutionPredicate(
  filter: DaycareInstitutionFilter,
): (institution: DaycareInstitution) => boolean {
  const search = folded(filter.nameContains);
  return (institution) =>
    common(institution, filter, search) &&
    (filter.municipalityCode === undefined ||
      institution.administeringMunicipality.code === filter.municipalityCode) &&
    includes(filter.ownershipCodes, institution.ownership.code) &&
    includes(filter.legalBasisCodes, institution.legalBasis.code) &&
    (filter.ownerCvrNumber === undefined || institution.ownerCvrNumber === filter.ownerCvrNumber);
}

/** A predicate for alternative adresser (without `near`, which ranks). */
export function alternativeAddressPredicate(
  filter: AlternativeAddressFilter,
): (alternative: AlternativeAddress) => boolean {
  const search = folded(filter.nameContains);
  const addressSearch = folded(filter.addressContains);
  return (alternative) =>
    common(alternative, filter, search) && unitFields(alternative, filter, addressSearch);
}
