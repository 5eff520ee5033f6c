import type {
  AlternativeAddressFilter,
  AssignmentUnitFilter,
  DaycareInstitutionFilter,
} from '../domain/filters.ts';
import { UnreachableError } from '../assert-never.ts';
import type { ListRequest } from '../ports/register-client.ts';

/*
 * The lists a filter may be computed from, most selective first, the whole level last. Whatever list
 * is used, the whole filter is applied again in memory, so every one gives the same answer.
 *
 * Not used as sources, on purpose:
 * - a name: STIL's `...ByNavn` matches case-insensitively on the raw text only, so `aeblehaven`
 *   would not find `Æblehaven`; the gateway folds both sides over the (cached) level list instead.
 * - a unit's or alternative address's municipality: that is the address's kommuneKode, while
 *   `GetDagtilbudByAdmKommuneNummer` selects by the daginstitution's administrating municipality.
 */

/** Candidate lists for anvisningsenheder; a P-number is shared by a handful, a CVR by many. */
export function assignmentUnitSources(filter: AssignmentUnitFilter): ListRequest[] {
  return [
    ...(filter.pNumber === undefined
      ? []
      : [{ operation: 'GetAnvisningsEnhederByPnummer', pNumber: filter.pNumber } as const]),
    ...(filter.cvrNumber === undefined
      ? []
      : [{ operation: 'GetAnvisningsEnhederByCvrnummer', cvrNumber: filter.cvrNumber } as const]),
    { operation: 'GetAllAnvisningsEnheder' },
  ];
}

/** Candidate lists for daginstitutioner: by administrating municipality, else the whole level. */
export function daycareInstitutionSources(filter: DaycareInstitutionFilter): ListRequest[] {
  return [
    ...(filter.municipalityCode === undefined
      ? []
      : [
          { operation: 'GetDagtilbudByAdmKommuneNummer', municipalityCode: filter.municipalityCode } as const,
        ]),
    { operation: 'GetAllDaginstitutioner' },
  ];
}

/** Candidate lists for alternative adresser. */
export function alternativeAddressSources(filter: AlternativeAddressFilter): ListRequest[] {
  return [
    ...(filter.pNumber === undefined
      ? []
      : [{ operation: 'GetAlternativAdresserByPnummer', pNumber: filter.pNumber } as const]),
    ...(filter.cvrNumber === undefined
      ? []
      : [{ operation: 'GetAlternativAdresserByCvrnummer', cvrNumber: filter.cvrNumber } as const]),
    { operation: 'GetAllAlternativAdresser' },
  ];
}

/** The list to read: the first one already in the cache (it costs no call), else the most selective. */
export function chooseSource(
  sources: readonly ListRequest[],
  isCached: (request: ListRequest) => boolean,
): ListRequest {
  const first = sources[0];
  // Every level's sources end with the whole level, so there is always a first.
  if (first === undefined) throw new UnreachableError('No candidate source');
  return sources.find(isCached) ?? first;
}
