import { useQuery } from 'urql';
import type { DaycareInstitutionFilter } from '../gql/graphql.ts';
import { MUNICIPAL_OWNERSHIP_CODES, PRIVATE_OWNERSHIP_CODE, type Scope } from '../lib/rights.ts';
import { MaintainableDaycareQuery } from './documents.ts';

/** The daginstitutioner an identity may change, as a filter of the API (lib/rights.ts has the rule). */
export function ownFilter(scope: Scope): DaycareInstitutionFilter | null {
  switch (scope.kind) {
    case 'kommune':
      return {
        municipalityCode: String(scope.municipalityCode),
        ownershipCodes: [...MUNICIPAL_OWNERSHIP_CODES],
      };
    case 'privat':
      return { ownershipCodes: [PRIVATE_OWNERSHIP_CODE], ownerCvrNumber: scope.cvrNumber };
    default:
      return null;
  }
}

/** The first 100 of the identity's own daginstitutioner (admin: none listed, it may change all). */
export function useOwnDaycare(scope: Scope, extra: Partial<DaycareInstitutionFilter> = {}) {
  const filter = ownFilter(scope);
  const [result] = useQuery({
    query: MaintainableDaycareQuery,
    variables: { filter: { ...filter, ...extra } },
    pause: filter === null,
    // A list that was empty holds no DaycareInstitution for a create to drop from the cache.
    requestPolicy: 'cache-and-network',
  });
  return result;
}
