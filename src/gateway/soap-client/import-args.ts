import type {
  AddressWrite,
  AlternativeAddressWrite,
  AssignmentUnitWrite,
  DaycareInstitutionWrite,
} from '../ports/register-writer.ts';

/*
 * Pure mapping from the gateway's write model to the ImportService's records (ImportService.xsd).
 * node-soap writes an object's keys in insertion order, and the XSD's sequences fix that order, so
 * every record is built in its sequence's order; absent values are left out, never sent empty.
 */

type XmlArgs = Record<string, unknown>;

/** Drops absent values, keeping the order of the rest. */
const present = (entries: [string, unknown][]): XmlArgs =>
  Object.fromEntries(entries.filter(([, value]) => value !== undefined && value !== null));

const coordinate = (value: number | null | undefined): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

/** AddressWrite → Adresse. */
export function toAdresse(address: AddressWrite): XmlArgs {
  return present([
    ['vejNavn', address.street],
    ['husNummer', address.houseNumber],
    ['etage', address.floor],
    ['doer', address.door],
    ['postNummer', address.postalCode],
    ['byNavn', address.city],
    ['kommuneKode', address.municipalityCode],
    ['geoBredde', coordinate(address.latitude)],
    ['geoLaengde', coordinate(address.longitude)],
  ]);
}

/** A daginstitution's fields (all on Insert, the changes on Update) → Daginstitution; `number` only on Update. */
export function toDaginstitution(fields: Partial<DaycareInstitutionWrite>, number?: string): XmlArgs {
  return present([
    ['daginstitutionsNummer', number],
    ['daginstitutionsNavn', fields.name],
    ['ejerformKode', fields.ownershipCode],
    ['lovgrundlagKode', fields.legalBasisCode],
    ['admKommuneKode', fields.municipalityCode],
  ]);
}

/** A unit's fields → AnvisningsEnhed: `number` on Update, `parent` on InsertAnvisningsEnhed. */
export function toAnvisningsEnhed(
  fields: Partial<AssignmentUnitWrite>,
  at: { number?: string; parent?: string } = {},
): XmlArgs {
  return present([
    ['EnhedsNummer', at.number],
    ['DagInstitutionsNummer', at.parent],
    ['EnhedsNavn', fields.name],
    ['InstType3', fields.institutionTypeCode],
    ['Adresse', fields.address === undefined ? undefined : toAdresse(fields.address)],
    ['Email', fields.email],
    ['TelefonNummer', fields.phone],
    ['PNummer', fields.pNumber],
  ]);
}

/** An alternative address's fields → AlternativAdresse: `number` on Update, `parent` on Insert. */
export function toAlternativAdresse(
  fields: Partial<AlternativeAddressWrite>,
  at: { number?: string; parent?: string } = {},
): XmlArgs {
  return present([
    ['AlternativAdresseNummer', at.number],
    ['EnhedsNummer', at.parent],
    ['Navn', fields.name],
    ['Adresse', fields.address === undefined ? undefined : toAdresse(fields.address)],
    ['Email', fields.email],
    ['TelefonNummer', fields.phone],
    ['PNummer', fields.pNumber],
  ]);
}
