import { isDigits } from '../domain/identifiers.ts';
import { badUserInput } from '../errors.ts';
import type {
  AlternativeAddressFilter,
  AssignmentUnitFilter,
  DaycareInstitutionFilter,
  NearFilter,
  RecordFilter,
  UnitFieldsFilter,
} from '../domain/filters.ts';
import type { InstitutionStatus } from '../domain/records.ts';
import type {
  AlternativeAddressFilter as AlternativeAddressFilterInput,
  AssignmentUnitFilter as AssignmentUnitFilterInput,
  DaycareInstitutionFilter as DaycareInstitutionFilterInput,
  InputMaybe,
  NearInput,
} from './generated/resolvers-types.ts';

/*
 * GraphQL filter inputs → the domain's filters: validated (a malformed CVR never reaches the
 * register), defaults applied, lists sorted and de-duplicated so that equal filters fingerprint
 * equally.
 */

const MAX_RADIUS_METERS = 1_000_000;

const codes = (value: InputMaybe<number[]> | undefined): number[] | undefined =>
  value === undefined || value === null ? undefined : [...new Set(value)].sort((a, b) => a - b);

export const statuses = (value: InputMaybe<InstitutionStatus[]> | undefined): InstitutionStatus[] => {
  if (value === undefined || value === null) return ['ACTIVE'];
  if (value.length === 0) throw badUserInput('status must name at least one status (ACTIVE, CLOSED).');
  return [...new Set(value)].sort();
};

const digits = (name: string, count: number, value: InputMaybe<string> | undefined): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (!isDigits(trimmed, count)) {
    throw badUserInput(`${name} must be ${count} digits; got "${value}".`);
  }
  return trimmed;
};

/** The register's widest name (contract §4): a longer search text can match nothing. */
const MAX_NAME_LENGTH = 132;

/**
 * A search text, trimmed; empty is none. Its length is counted in characters (code points, after
 * NFC), as the register counts a name: 132 emoji are 132, not the 264 UTF-16 units JavaScript counts.
 */
export const searchText = (name: string, value: InputMaybe<string> | undefined): string | undefined => {
  const trimmed = value?.normalize('NFC').trim();
  const length = trimmed === undefined ? 0 : [...trimmed].length;
  if (length > MAX_NAME_LENGTH) {
    throw badUserInput(
      `${name} is at most ${MAX_NAME_LENGTH} characters (the register's longest name); got ${length}.`,
    );
  }
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
};

const nameContains = (value: InputMaybe<string> | undefined) => searchText('nameContains', value);
const addressContains = (value: InputMaybe<string> | undefined) => searchText('addressContains', value);

const near = (value: InputMaybe<NearInput> | undefined): NearFilter | undefined => {
  if (value === undefined || value === null) return undefined;
  const { latitude, longitude, radiusMeters } = value;
  if (latitude < -90 || latitude > 90)
    throw badUserInput(`near.latitude must be from -90 to 90; got ${latitude}.`);
  if (longitude < -180 || longitude > 180) {
    throw badUserInput(`near.longitude must be from -180 to 180; got ${longitude}.`);
  }
  if (!(radiusMeters > 0 && radiusMeters <= MAX_RADIUS_METERS)) {
    throw badUserInput(
      `near.radiusMeters must be more than 0 and at most ${MAX_RADIUS_METERS}; got ${radiusMeters}.`,
    );
  }
  return { latitude, longitude, radiusMeters };
};

/** A MunicipalityCode (the scalar has checked it and made it unpadded text) as the domain's number. */
const municipality = (value: InputMaybe<string> | undefined): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

const optional = <T>(value: InputMaybe<T> | undefined): T | undefined => (value === null ? undefined : value);

/** The criteria every level's filter input has. */
interface RecordFilterInput {
  municipalityCode?: InputMaybe<string>;
  status?: InputMaybe<InstitutionStatus[]>;
  nameContains?: InputMaybe<string>;
  uniloginEligible?: InputMaybe<boolean>;
}

const recordFilter = (f: RecordFilterInput): RecordFilter => ({
  municipalityCode: municipality(f.municipalityCode),
  statuses: statuses(f.status),
  nameContains: nameContains(f.nameContains),
  uniloginEligible: optional(f.uniloginEligible),
});

/** The criteria of records with an address and a P-number. */
const unitFieldsFilter = (
  f: RecordFilterInput & {
    addressContains?: InputMaybe<string>;
    cvrNumber?: InputMaybe<string>;
    pNumber?: InputMaybe<string>;
    postalCode?: InputMaybe<string>;
    near?: InputMaybe<NearInput>;
  },
): UnitFieldsFilter => ({
  ...recordFilter(f),
  addressContains: addressContains(f.addressContains),
  cvrNumber: digits('cvrNumber', 8, f.cvrNumber),
  pNumber: digits('pNumber', 10, f.pNumber),
  postalCode: digits('postalCode', 4, f.postalCode),
  near: near(f.near),
});

/** AssignmentUnitFilter input → domain filter. */
export function toAssignmentUnitFilter(
  input: InputMaybe<AssignmentUnitFilterInput> | undefined,
): AssignmentUnitFilter {
  const f = input ?? {};
  return {
    ...unitFieldsFilter(f),
    institutionTypeCodes: codes(f.institutionTypeCodes),
    ownershipCodes: codes(f.ownershipCodes),
  };
}

/** DaycareInstitutionFilter input → domain filter. */
export function toDaycareInstitutionFilter(
  input: InputMaybe<DaycareInstitutionFilterInput> | undefined,
): DaycareInstitutionFilter {
  const f = input ?? {};
  return {
    ...recordFilter(f),
    ownershipCodes: codes(f.ownershipCodes),
    legalBasisCodes: codes(f.legalBasisCodes),
    ownerCvrNumber: optional(f.ownerCvrNumber),
  };
}

/** AlternativeAddressFilter input → domain filter. */
export function toAlternativeAddressFilter(
  input: InputMaybe<AlternativeAddressFilterInput> | undefined,
): AlternativeAddressFilter {
  return unitFieldsFilter(input ?? {});
}
