import { assertNever } from '../assert-never.ts';
import type { Code, CodeTable, InstitutionKind, InstitutionOf, RegisterSlice } from '../domain/records.ts';
import type { ListRequest } from '../ports/register-client.ts';
import {
  toAlternativeAddresses,
  toAssignmentUnits,
  toCodes,
  toDaycareInstitutions,
  toRegisterSlice,
} from './to-model.ts';

/** The ExportService's limit on one batch look-up (the XSD's `nummerliste`, maxOccurs 1000). */
export const MAX_BATCH_NUMBERS = 1000;

/** The batch look-ups of this project's extension; a register without them gets a fan-out. */
export const BATCH_OPERATIONS = [
  'GetDaginstitutionerByNumre',
  'GetAnvisningsEnhederByNumre',
  'GetAlternativAdresserByNumre',
] as const;

/** The change feed (this project's extension); a register without it gets the TTL cache. */
export const CHANGE_FEED_OPERATION = 'GetAendringer';

/** How one level is looked up by number: the extension's batch, or STIL's one-number operation. */
export interface ByNumberOperations<T> {
  batch: (typeof BATCH_OPERATIONS)[number];
  batchArgs(numbers: readonly string[]): object;
  single: string;
  singleArgs(number: string): object;
  map(result: unknown): T[];
}

/** The by-number operations of each level, with the parameter names of the WSDL. */
export const BY_NUMBER: { [K in InstitutionKind]: ByNumberOperations<InstitutionOf<K>> } = {
  DaycareInstitution: {
    batch: 'GetDaginstitutionerByNumre',
    batchArgs: (nummer) => ({ DagInstitutionsNumre: { nummer } }),
    single: 'GetDaginstitutionByNummer',
    singleArgs: (nummer) => ({ DagInstitutionsNummer: nummer }),
    map: toDaycareInstitutions,
  },
  AssignmentUnit: {
    batch: 'GetAnvisningsEnhederByNumre',
    batchArgs: (nummer) => ({ enhedsNumre: { nummer } }),
    single: 'GetAnvisningsEnhederByNummer',
    singleArgs: (nummer) => ({ enhedsNummer: nummer }),
    map: toAssignmentUnits,
  },
  AlternativeAddress: {
    batch: 'GetAlternativAdresserByNumre',
    batchArgs: (nummer) => ({ alternativAdresseNumre: { nummer } }),
    single: 'GetAlternativAdresserByNummer',
    singleArgs: (nummer) => ({ alternativAdresseNummer: nummer }),
    map: toAlternativeAddresses,
  },
};

const EMPTY: RegisterSlice = { daycareInstitutions: [], assignmentUnits: [], alternativeAddresses: [] };

/** The arguments of a list operation and the mapping of its answer to a slice. */
export function listCall(request: ListRequest): { args: object; map(result: unknown): RegisterSlice } {
  const units = (args: object) => ({
    args,
    map: (result: unknown) => ({ ...EMPTY, assignmentUnits: toAssignmentUnits(result) }),
  });
  const alternatives = (args: object) => ({
    args,
    map: (result: unknown) => ({ ...EMPTY, alternativeAddresses: toAlternativeAddresses(result) }),
  });
  switch (request.operation) {
    case 'GetAllDaginstitutioner':
      return {
        args: {},
        map: (result) => ({ ...EMPTY, daycareInstitutions: toDaycareInstitutions(result) }),
      };
    case 'GetDagtilbudByAdmKommuneNummer':
      return { args: { AdmkommuneNummer: request.municipalityCode }, map: toRegisterSlice };
    case 'GetAllAnvisningsEnheder':
      return units({});
    case 'GetAnvisningsEnhederByCvrnummer':
      return units({ cvrNummer: request.cvrNumber });
    case 'GetAnvisningsEnhederByPnummer':
      return units({ pNummer: request.pNumber });
    case 'GetAnvisningsEnhederByDaginstitutionsnummer':
      return units({ DagInstitutionsNummer: request.daycareInstitutionNumber });
    case 'GetAllAlternativAdresser':
      return alternatives({});
    case 'GetAlternativAdresserByCvrnummer':
      return alternatives({ cvrNummer: request.cvrNumber });
    case 'GetAlternativAdresserByPnummer':
      return alternatives({ pNummer: request.pNumber });
    case 'GetAlternativAdresserByAnvisningsenhedsnummer':
      return alternatives({ enhedsNummer: request.assignmentUnitNumber });
    default:
      return assertNever(request, 'list request');
  }
}

/** The code-table operations (kodetabeller; their names are this project's assumption A). */
export const CODE_TABLE_OPERATIONS: Readonly<Record<CodeTable, string>> = {
  INSTITUTION_TYPE: 'GetInstitutionstyper',
  OWNERSHIP: 'GetEjerformer',
  LEGAL_BASIS: 'GetLovgrundlag',
  MUNICIPALITY: 'GetKommuner',
};

/** Maps a code table's answer. */
export const mapCodes = (result: unknown): Code[] => toCodes(result);
