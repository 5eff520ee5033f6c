import type { WriteOperation } from '../../ports/register-writer.ts';

/*
 * The register names a fejlbesked's field by its XML path in the request (`felt`:
 * `AnvisningsEnhed/Adresse/postNummer`, `Daginstitution/ejerformKode`, `EnhedsNummer`); a client
 * needs the path in its own GraphQL input. One table per operation says where each record and
 * top-level element of the request came from, and one table per record type names its fields.
 */

type Path = readonly string[];
type RecordType = 'Daginstitution' | 'AnvisningsEnhed' | 'AlternativAdresse' | 'Adresse';

/** Element name → input field, per record type; `Adresse` nests. */
const FIELDS: Readonly<Record<RecordType, Readonly<Record<string, string>>>> = {
  Daginstitution: {
    daginstitutionsNummer: 'number',
    daginstitutionsNavn: 'name',
    ejerformKode: 'ownershipCode',
    lovgrundlagKode: 'legalBasisCode',
    admKommuneKode: 'municipalityCode',
  },
  AnvisningsEnhed: {
    EnhedsNummer: 'number',
    EnhedsNavn: 'name',
    InstType3: 'institutionTypeCode',
    Adresse: 'address',
    Email: 'email',
    TelefonNummer: 'phone',
    PNummer: 'pNumber',
  },
  AlternativAdresse: {
    AlternativAdresseNummer: 'number',
    Navn: 'name',
    Adresse: 'address',
    Email: 'email',
    TelefonNummer: 'phone',
    PNummer: 'pNumber',
  },
  Adresse: {
    vejNavn: 'street',
    husNummer: 'houseNumber',
    etage: 'floor',
    doer: 'door',
    postNummer: 'postalCode',
    byNavn: 'city',
    kommuneKode: 'municipalityCode',
    geoBredde: 'latitude',
    geoLaengde: 'longitude',
  },
};

/** Where one element of a request came from: a record (its fields then follow FIELDS) or a value. */
type Source = { record: Exclude<RecordType, 'Adresse'>; at: Path } | { at: Path };

/**
 * Per operation: the request's elements (a record, a top-level value, or a record's element that
 * came from elsewhere in the input, such as a parent's number) → where they came from.
 */
const OPERATIONS: Readonly<Record<WriteOperation, Readonly<Record<string, Source>>>> = {
  InsertDaginstitution: {
    Daginstitution: { record: 'Daginstitution', at: ['input'] },
    AnvisningsEnhed: { record: 'AnvisningsEnhed', at: ['input', 'firstUnit'] },
    // The first unit gets its parent from the new daginstitution: no input names it.
    'AnvisningsEnhed/DagInstitutionsNummer': { at: ['input', 'firstUnit'] },
  },
  UpdateDaginstitution: { Daginstitution: { record: 'Daginstitution', at: ['input'] } },
  DeleteDaginstitution: { DagInstitutionsNummer: { at: ['input', 'number'] } },
  InsertAnvisningsEnhed: {
    AnvisningsEnhed: { record: 'AnvisningsEnhed', at: ['input', 'unit'] },
    'AnvisningsEnhed/DagInstitutionsNummer': { at: ['input', 'daycareInstitutionNumber'] },
  },
  UpdateAnvisningsEnhed: { AnvisningsEnhed: { record: 'AnvisningsEnhed', at: ['input'] } },
  DeleteAnvisningsEnhed: { EnhedsNummer: { at: ['input', 'number'] } },
  MoveAnvisningsEnhed: {
    EnhedsNummer: { at: ['input', 'number'] },
    DagInstitutionsNummer: { at: ['input', 'toDaycareInstitutionNumber'] },
  },
  InsertAlternativAdresse: {
    AlternativAdresse: { record: 'AlternativAdresse', at: ['input', 'alternativeAddress'] },
    'AlternativAdresse/EnhedsNummer': { at: ['input', 'assignmentUnitNumber'] },
  },
  UpdateAlternativAdresse: { AlternativAdresse: { record: 'AlternativAdresse', at: ['input'] } },
  DeleteAlternativAdresse: { AlternativAdresseNummer: { at: ['input', 'number'] } },
  MoveAlternativAdresse: {
    AlternativAdresseNummer: { at: ['input', 'number'] },
    EnhedsNummer: { at: ['input', 'toAssignmentUnitNumber'] },
  },
};

/**
 * The GraphQL input path of a register field path in a request of `operation`. A path the tables
 * do not know maps to `["input"]`; a record's field they do not know (a field the gateway never
 * sends) maps to the deepest part they know, e.g. the record's own input object.
 */
export function toInputPath(operation: WriteOperation, felt: string): string[] {
  const sources = OPERATIONS[operation];
  const segments = felt.split('/').filter((s) => s !== '');
  // The longest prefix of the path that the operation's table names.
  for (let length = segments.length; length > 0; length--) {
    const source = sources[segments.slice(0, length).join('/')];
    if (source === undefined) continue;
    const path = [...source.at];
    if (!('record' in source)) return path;
    let type: RecordType = source.record;
    for (const segment of segments.slice(length)) {
      const field = FIELDS[type][segment];
      if (field === undefined) break;
      path.push(field);
      if (segment !== 'Adresse') break;
      type = 'Adresse';
    }
    return path;
  }
  return ['input'];
}
