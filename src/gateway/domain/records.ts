/**
 * The gateway's domain model: the register's three levels in the gateway's own (English) words,
 * mapped from the ExportService's XML by `soap-client/to-model.ts`. GraphQL parent types are these
 * (codegen `mappers`), so resolvers never see XML.
 */

/** The three levels of the register, named as their GraphQL types. */
export type InstitutionKind = 'DaycareInstitution' | 'AssignmentUnit' | 'AlternativeAddress';

/**
 * The order in which a number of unknown level is looked for: the units first, as they are most of
 * the register and what Unilogin asks about.
 */
export const LOOKUP_ORDER: readonly InstitutionKind[] = [
  'AssignmentUnit',
  'DaycareInstitution',
  'AlternativeAddress',
];

/** Aktivitetsstatus: `Aktiv` → ACTIVE, `Nedlagt` → CLOSED. */
export type InstitutionStatus = 'ACTIVE' | 'CLOSED';

/** A coded value and the register's Danish text for it (`X`, `X_Tekst`). */
export interface Code {
  code: number;
  text: string;
}

/** A kommune: kommuneKode and kommuneKode_Tekst. */
export interface Municipality {
  code: number;
  name: string;
}

/** WGS84 decimal degrees (geoBredde, geoLaengde). */
export interface Location {
  latitude: number;
  longitude: number;
}

/** AdresseExtend. */
export interface Address {
  street: string;
  houseNumber: string;
  floor: string | null;
  door: string | null;
  postalCode: string;
  city: string;
  supplementaryCity: string | null;
  municipality: Municipality;
  location: Location | null;
  darAddressId: string | null;
}

/** What every record carries about its life in the register; instants are ISO 8601 in UTC. */
export interface Lifecycle {
  status: InstitutionStatus;
  createdAt: string;
  closedAt: string | null;
  /** aendretTidspunkt: the last change; null when the register has none (optional in the XSD). */
  updatedAt: string | null;
  /** aendringsSekvens: the change sequence number of the record's last change. */
  changeSequence: number;
}

/** Daginstitution: the parent board / cluster level. */
export interface DaycareInstitution extends Lifecycle {
  kind: 'DaycareInstitution';
  number: string;
  name: string;
  ownership: Code;
  legalBasis: Code;
  administeringMunicipality: Municipality;
  /** ejerCvrNummer: the owner's CVR the register recorded at creation; null when it has none or does not say. */
  ownerCvrNumber: string | null;
}

/** Fields an anvisningsenhed and an alternativ adresse share (Enhedsfelter). */
export interface UnitFields {
  address: Address;
  email: string | null;
  phone: string | null;
  cvrNumber: string | null;
  pNumber: string | null;
}

/** Anvisningsenhed: the unit a child is assigned to. */
export interface AssignmentUnit extends Lifecycle, UnitFields {
  kind: 'AssignmentUnit';
  number: string;
  daycareInstitutionNumber: string;
  name: string;
  institutionType: Code;
}

/** Alternativ adresse (lokalitet) under an anvisningsenhed. */
export interface AlternativeAddress extends Lifecycle, UnitFields {
  kind: 'AlternativeAddress';
  number: string;
  assignmentUnitNumber: string;
  name: string;
}

/** Any record of the register. */
export type Institution = DaycareInstitution | AssignmentUnit | AlternativeAddress;

/** The record type of one level. */
export type InstitutionOf<K extends InstitutionKind> = Extract<Institution, { kind: K }>;

/** A slice of the register (dagtilbudsRegister); a level that an answer does not carry is empty. */
export interface RegisterSlice {
  daycareInstitutions: readonly DaycareInstitution[];
  assignmentUnits: readonly AssignmentUnit[];
  alternativeAddresses: readonly AlternativeAddress[];
}

/** The register's code tables (kodetabeller) the gateway reads. */
export type CodeTable = 'INSTITUTION_TYPE' | 'OWNERSHIP' | 'LEGAL_BASIS' | 'MUNICIPALITY';

/** Why Unilogin users may not be attached to an institution (registry contract §8). */
export type UniloginIneligibilityReason =
  'DAYCARE_INSTITUTION_LEVEL' | 'MISSING_CVR_NUMBER' | 'MISSING_P_NUMBER' | 'CLOSED';

/** The answer to "may Unilogin users be attached here, and if not, why not". */
export interface UniloginEligibility {
  eligible: boolean;
  reasons: readonly UniloginIneligibilityReason[];
}
