import type {
  AddressWrite,
  AlternativeAddressWrite,
  AssignmentUnitWrite,
  Changes,
} from '../../ports/register-writer.ts';
import type {
  AddressInput,
  AlternativeAddressFields,
  AssignmentUnitFields,
  InputMaybe,
} from '../generated/resolvers-types.ts';

/*
 * GraphQL inputs → the write model. The scalars have already checked and normalised identifiers;
 * everything else is the register's to judge, so values pass as given.
 */

/** A value given, or undefined for left out or null (an Update's "unchanged"). */
export const given = <T>(value: InputMaybe<T> | undefined): Exclude<T, null> | undefined =>
  value === null || value === undefined ? undefined : (value as Exclude<T, null>);

/**
 * A code given, as the register's text (`6012`), or undefined for left out or null. Codes are
 * integers in GraphQL, as in `Code.code` and the filters; the ImportService takes them as text.
 */
export const givenCode = (value: InputMaybe<number> | undefined): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

/** AddressInput → AddressWrite. */
export function toAddressWrite(input: AddressInput): AddressWrite {
  return {
    street: input.street,
    houseNumber: input.houseNumber,
    floor: input.floor ?? null,
    door: input.door ?? null,
    postalCode: input.postalCode,
    city: input.city,
    municipalityCode: input.municipalityCode,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

/** AssignmentUnitFields → AssignmentUnitWrite. */
export function toAssignmentUnitWrite(input: AssignmentUnitFields): AssignmentUnitWrite {
  return {
    name: input.name,
    institutionTypeCode: String(input.institutionTypeCode),
    address: toAddressWrite(input.address),
    pNumber: input.pNumber,
    email: input.email ?? null,
    phone: input.phone ?? null,
  };
}

/** AlternativeAddressFields → AlternativeAddressWrite. */
export function toAlternativeAddressWrite(input: AlternativeAddressFields): AlternativeAddressWrite {
  return {
    name: input.name,
    address: toAddressWrite(input.address),
    pNumber: input.pNumber,
    email: input.email ?? null,
    phone: input.phone ?? null,
  };
}

/** The fields an Update of a unit or an alternative address changes. */
export function toUnitChanges(input: {
  name?: InputMaybe<string>;
  address?: InputMaybe<AddressInput>;
  pNumber?: InputMaybe<string>;
  email?: InputMaybe<string>;
  phone?: InputMaybe<string>;
}): Changes<AlternativeAddressWrite> {
  const address = given(input.address);
  return {
    name: given(input.name),
    address: address === undefined ? undefined : toAddressWrite(address),
    pNumber: given(input.pNumber),
    email: given(input.email),
    phone: given(input.phone),
  };
}
