import type {
  Address,
  AlternativeAddress,
  AssignmentUnit,
  Code,
  DaycareInstitution,
  InstitutionStatus,
  Lifecycle,
  RegisterSlice,
  UnitFields,
} from '../domain/records.ts';
import { asArray } from './as-array.ts';
import { UnexpectedAnswerError } from './unexpected-answer.ts';
import {
  dateTime,
  integer,
  optionalDateTime,
  optionalDecimal,
  optionalText,
  record,
  text,
  type XmlRecord,
} from './xml-values.ts';

/**
 * Pure mapping from the ExportService's XML elements (as node-soap parses them) to the domain model.
 * Element names are the XSD's (`ExportService.xsd`), spellings verbatim.
 */

const status = (r: XmlRecord): InstitutionStatus => {
  const value = text(r, 'aktivitetsstatus');
  if (value === 'Aktiv') return 'ACTIVE';
  if (value === 'Nedlagt') return 'CLOSED';
  throw new UnexpectedAnswerError(`aktivitetsstatus "${value}" is not Aktiv or Nedlagt`);
};

/** A coded field and its `_Tekst` companion. */
const code = (r: XmlRecord, name: string): Code => ({
  code: integer(r, name),
  text: text(r, `${name}_Tekst`),
});

const lifecycle = (r: XmlRecord): Lifecycle => ({
  status: status(r),
  createdAt: dateTime(r, 'oprettetTidspunkt'),
  closedAt: optionalDateTime(r, 'nedlagtTidspunkt'),
  updatedAt: optionalDateTime(r, 'aendretTidspunkt'),
  changeSequence: integer(r, 'aendringsSekvens'),
});

/** AdresseExtend → Address. */
export function toAddress(value: unknown): Address {
  const r = record(value, 'Adresse');
  const latitude = optionalDecimal(r, 'geoBredde');
  const longitude = optionalDecimal(r, 'geoLaengde');
  return {
    street: text(r, 'vejNavn'),
    houseNumber: text(r, 'husNummer'),
    floor: optionalText(r, 'etage'),
    door: optionalText(r, 'doer'),
    postalCode: text(r, 'postNummer'),
    city: text(r, 'byNavn'),
    supplementaryCity: optionalText(r, 'supplerendeBynavn'),
    municipality: { code: integer(r, 'kommuneKode'), name: text(r, 'kommuneKode_Tekst') },
    location: latitude === null || longitude === null ? null : { latitude, longitude },
    darAddressId: optionalText(r, 'dawaId'),
  };
}

const unitFields = (r: XmlRecord): UnitFields => ({
  address: toAddress(r.Adresse),
  email: optionalText(r, 'Email'),
  phone: optionalText(r, 'TelefonNummer'),
  cvrNumber: optionalText(r, 'CVRNummer'),
  pNumber: optionalText(r, 'PNummer'),
});

/** daginstitutionExtend → DaycareInstitution. */
export function toDaycareInstitution(value: unknown): DaycareInstitution {
  const r = record(value, 'daginstitution');
  return {
    kind: 'DaycareInstitution',
    number: text(r, 'daginstitutionsNummer'),
    name: text(r, 'daginstitutionsNavn'),
    ownership: code(r, 'ejerformKode'),
    legalBasis: code(r, 'lovgrundlagKode'),
    administeringMunicipality: { code: integer(r, 'admKommuneKode'), name: text(r, 'admKommuneKode_Tekst') },
    ownerCvrNumber: optionalText(r, 'ejerCvrNummer'),
    ...lifecycle(r),
  };
}

/** anvisningenhedExtend → AssignmentUnit. */
export function toAssignmentUnit(value: unknown): AssignmentUnit {
  const r = record(value, 'anvisningsenhed');
  return {
    kind: 'AssignmentUnit',
    number: text(r, 'EnhedsNummer'),
    daycareInstitutionNumber: text(r, 'DagInstitutionsNummer'),
    name: text(r, 'EnhedsNavn'),
    institutionType: code(r, 'InstType3'),
    ...unitFields(r),
    ...lifecycle(r),
  };
}

/** alternativadresseExtend → AlternativeAddress. */
export function toAlternativeAddress(value: unknown): AlternativeAddress {
  const r = record(value, 'alternativAdresse');
  return {
    kind: 'AlternativeAddress',
    number: text(r, 'AlternativAdresseNummer'),
    assignmentUnitNumber: text(r, 'EnhedsNummer'),
    name: text(r, 'Navn'),
    ...unitFields(r),
    ...lifecycle(r),
  };
}

// An empty list may come back as nothing at all, or as an empty element.
const children = (list: unknown, element: string): unknown[] =>
  list === undefined || list === null || list === '' ? [] : asArray(record(list, 'list')[element]);

/** A list element's children named `element`, each mapped by `toRecord`. */
const listOf =
  <T>(element: string, toRecord: (value: unknown) => T) =>
  (list: unknown): T[] =>
    children(list, element).map(toRecord);

/** daginstitutionerExtend → DaycareInstitution[]. */
export const toDaycareInstitutions = listOf('daginstitution', toDaycareInstitution);

/** anvisningenhederExtend → AssignmentUnit[]. */
export const toAssignmentUnits = listOf('anvisningsenhed', toAssignmentUnit);

/** alternativadresserExtend → AlternativeAddress[]. */
export const toAlternativeAddresses = listOf('alternativAdresse', toAlternativeAddress);

/** dagtilbudsRegister → RegisterSlice. */
export function toRegisterSlice(value: unknown): RegisterSlice {
  const r = value === undefined || value === '' ? {} : record(value, 'dagtilbudsRegister');
  return {
    daycareInstitutions: toDaycareInstitutions(r.daginstitutioner),
    assignmentUnits: toAssignmentUnits(r.anvisningsenheder),
    alternativeAddresses: toAlternativeAddresses(r.alternativAdresser),
  };
}

/** kodetabel → Code[], ordered by code. */
export function toCodes(list: unknown): Code[] {
  return children(list, 'kode')
    .map((row) => {
      const r = record(row, 'kode');
      return { code: integer(r, 'kode'), text: text(r, 'tekst') };
    })
    .sort((a, b) => a.code - b.code);
}
