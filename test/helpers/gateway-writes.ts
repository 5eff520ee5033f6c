import { P } from './import-fixtures.ts';

/*
 * GraphQL inputs a maintainer would send, on the same real data as import-fixtures.ts: addresses
 * the embedded DAR knows and spare P-numbers the embedded CVR knows.
 */

/** A known København address (G10432's). */
export const ADDRESS_101 = {
  street: 'Tyborøn Allé',
  houseNumber: '47',
  postalCode: '2720',
  city: 'Vanløse',
  municipalityCode: '101',
};

/** G10662's address in Egå (Aarhus). */
export const ADDRESS_751 = {
  street: 'Skæring Hedevej',
  houseNumber: '14A',
  postalCode: '8250',
  city: 'Egå',
  municipalityCode: '751',
};

/** A new anvisningsenhed's fields (AssignmentUnitFields). */
export function unitFields(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Æblehaven',
    institutionTypeCode: 6012,
    address: ADDRESS_101,
    pNumber: P.koebenhavn[0],
    email: 'aeblehaven@kk.dk',
    phone: '33 66 33 66',
    ...fields,
  };
}

/** A new kommunal daginstitution in København with its first unit (CreateDaycareInstitutionInput). */
export function daycareInstitutionInput(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Børnehuset Æblehaven',
    ownershipCode: 1,
    legalBasisCode: 1,
    municipalityCode: '101',
    firstUnit: unitFields(),
    ...fields,
  };
}

/** The selections of the payloads. */
export const UNIT = `number name status email phone cvrNumber pNumber institutionType { code }
  address { street postalCode municipality { code } } daycareInstitution { number }`;
export const DAYCARE = `number name status ownership { code } legalBasis { code } administeringMunicipality { code }`;
export const ALTERNATIVE = `number name status pNumber cvrNumber assignmentUnit { number }`;
export const USER_ERRORS = `userErrors { field code message }`;

/** The mutations, each with the whole of its payload. */
export const M = {
  createDaycareInstitution: `mutation($input: CreateDaycareInstitutionInput!) { createDaycareInstitution(input: $input) {
    daycareInstitution { ${DAYCARE} } assignmentUnit { ${UNIT} } ${USER_ERRORS} } }`,
  updateDaycareInstitution: `mutation($input: UpdateDaycareInstitutionInput!) { updateDaycareInstitution(input: $input) {
    daycareInstitution { ${DAYCARE} } ${USER_ERRORS} } }`,
  closeDaycareInstitution: `mutation($input: CloseInput!) { closeDaycareInstitution(input: $input) {
    daycareInstitution { ${DAYCARE} closedAt } ${USER_ERRORS} } }`,
  createAssignmentUnit: `mutation($input: CreateAssignmentUnitInput!) { createAssignmentUnit(input: $input) {
    assignmentUnit { ${UNIT} } ${USER_ERRORS} } }`,
  updateAssignmentUnit: `mutation($input: UpdateAssignmentUnitInput!) { updateAssignmentUnit(input: $input) {
    assignmentUnit { ${UNIT} } ${USER_ERRORS} } }`,
  closeAssignmentUnit: `mutation($input: CloseInput!) { closeAssignmentUnit(input: $input) {
    assignmentUnit { ${UNIT} closedAt } ${USER_ERRORS} } }`,
  moveAssignmentUnit: `mutation($input: MoveAssignmentUnitInput!) { moveAssignmentUnit(input: $input) {
    assignmentUnit { ${UNIT} } daycareInstitution { number } previousDaycareInstitution { number } ${USER_ERRORS} } }`,
  createAlternativeAddress: `mutation($input: CreateAlternativeAddressInput!) { createAlternativeAddress(input: $input) {
    alternativeAddress { ${ALTERNATIVE} } ${USER_ERRORS} } }`,
  updateAlternativeAddress: `mutation($input: UpdateAlternativeAddressInput!) { updateAlternativeAddress(input: $input) {
    alternativeAddress { ${ALTERNATIVE} } ${USER_ERRORS} } }`,
  closeAlternativeAddress: `mutation($input: CloseInput!) { closeAlternativeAddress(input: $input) {
    alternativeAddress { ${ALTERNATIVE} closedAt } ${USER_ERRORS} } }`,
  moveAlternativeAddress: `mutation($input: MoveAlternativeAddressInput!) { moveAlternativeAddress(input: $input) {
    alternativeAddress { ${ALTERNATIVE} } assignmentUnit { number } previousAssignmentUnit { number } ${USER_ERRORS} } }`,
} as const;
