import type { Address } from '../domain/records.ts';
import type { CallerCredentials } from './caller-credentials.ts';

/*
 * The gateway's write port to the register (ImportService, ajourføring): one method per operation,
 * each answering a typed result. Codes travel as the register's own strings ("6012", "1"), so that
 * a code the register adds needs no change here.
 */

/**
 * Adresse as a write sends it: the address lines as read, the municipality by its code alone and
 * the position as two numbers. The register replaces a record's whole address on Update.
 */
export interface AddressWrite extends Pick<
  Address,
  'street' | 'houseNumber' | 'floor' | 'door' | 'postalCode' | 'city'
> {
  /** KommuneKode of the address, `101` or `0101`. */
  municipalityCode: string;
  /** WGS84 decimal degrees; the register keeps what it is given. */
  latitude: number | null;
  longitude: number | null;
}

/** A daginstitution's own fields. */
export interface DaycareInstitutionWrite {
  name: string;
  ownershipCode: string;
  legalBasisCode: string;
  /** AdmKommuneKode. */
  municipalityCode: string;
}

/** An anvisningsenhed's own fields; the register fills in the CVR from the P-number. */
export interface AssignmentUnitWrite {
  name: string;
  institutionTypeCode: string;
  address: AddressWrite;
  pNumber: string;
  email: string | null;
  phone: string | null;
}

/** An alternative address's own fields; the register fills in the CVR from the P-number. */
export interface AlternativeAddressWrite {
  name: string;
  address: AddressWrite;
  pNumber: string;
  email: string | null;
  phone: string | null;
}

/** An Update's fields: only those to change (absent: unchanged). */
export type Changes<T> = { readonly [P in keyof T]?: Exclude<T[P], null> };

/** The ImportService operations, by their WSDL names. */
export type WriteOperation =
  | 'InsertDaginstitution'
  | 'UpdateDaginstitution'
  | 'DeleteDaginstitution'
  | 'InsertAnvisningsEnhed'
  | 'UpdateAnvisningsEnhed'
  | 'DeleteAnvisningsEnhed'
  | 'MoveAnvisningsEnhed'
  | 'InsertAlternativAdresse'
  | 'UpdateAlternativAdresse'
  | 'DeleteAlternativAdresse'
  | 'MoveAlternativAdresse';

/** One fejlbesked of an ImportSvarXML, verbatim: the request's XML path, the code, the Danish text. */
export interface RegisterError {
  field: string;
  code: string;
  message: string;
}

/** What a write came to. */
export type WriteResult =
  /** Committed: the number issued or acted on (and InsertDaginstitution's first unit). */
  | { kind: 'ok'; number: string; firstUnitNumber: string | null; changeSequence: number | null }
  /** FEJL: every error the register found; nothing was changed. */
  | { kind: 'rejected'; errors: readonly RegisterError[] }
  /** FEJL with INGEN_ADGANG: the caller may not maintain this institution; nothing was changed. */
  | { kind: 'forbidden'; message: string };

/** What a dry run came to: nothing to refuse (and nothing written), or what a write would answer. */
export type DryRunResult = { kind: 'valid' } | Exclude<WriteResult, { kind: 'ok' }>;

/** The ImportService's writes, each answering `R`: a WriteResult, or a DryRunResult for a dry run. */
export interface RegisterWrites<R> {
  insertDaycareInstitution(
    caller: CallerCredentials,
    institution: DaycareInstitutionWrite,
    firstUnit: AssignmentUnitWrite,
  ): Promise<R>;
  updateDaycareInstitution(
    caller: CallerCredentials,
    number: string,
    changes: Changes<DaycareInstitutionWrite>,
  ): Promise<R>;
  closeDaycareInstitution(caller: CallerCredentials, number: string): Promise<R>;
  insertAssignmentUnit(
    caller: CallerCredentials,
    daycareInstitutionNumber: string,
    unit: AssignmentUnitWrite,
  ): Promise<R>;
  updateAssignmentUnit(
    caller: CallerCredentials,
    number: string,
    changes: Changes<AssignmentUnitWrite>,
  ): Promise<R>;
  closeAssignmentUnit(caller: CallerCredentials, number: string): Promise<R>;
  moveAssignmentUnit(
    caller: CallerCredentials,
    number: string,
    toDaycareInstitutionNumber: string,
  ): Promise<R>;
  insertAlternativeAddress(
    caller: CallerCredentials,
    assignmentUnitNumber: string,
    alternativeAddress: AlternativeAddressWrite,
  ): Promise<R>;
  updateAlternativeAddress(
    caller: CallerCredentials,
    number: string,
    changes: Changes<AlternativeAddressWrite>,
  ): Promise<R>;
  closeAlternativeAddress(caller: CallerCredentials, number: string): Promise<R>;
  moveAlternativeAddress(
    caller: CallerCredentials,
    number: string,
    toAssignmentUnitNumber: string,
  ): Promise<R>;
}

/**
 * The register's ImportService, called with the caller's own credentials. Never retried: a
 * register that does not answer in time is an UPSTREAM_TIMEOUT error whose outcome is unknown.
 */
export interface RegisterWriter extends RegisterWrites<WriteResult> {
  /**
   * The same writes as dry runs (the register's `KunValidering` header): every rule runs, every
   * error comes back, and the register rolls everything back.
   */
  dryRun: RegisterWrites<DryRunResult>;
  /** Releases sockets. */
  close(): void;
}
