import { orderedConnection } from '../ordered-connection.ts';
import { toAssignmentUnitFilter } from '../filter-input.ts';
import type { DaycareInstitutionResolvers } from '../generated/resolvers-types.ts';
import { institutionFields } from './institution.ts';

/** DaycareInstitution (daginstitution). */
export const daycareInstitutionResolvers: DaycareInstitutionResolvers = {
  ...institutionFields,
  municipality: (parent) => parent.administeringMunicipality,
  units: (parent, { filter, ...page }, context) => {
    const domainFilter = toAssignmentUnitFilter(filter);
    return orderedConnection(
      page,
      {
        scope: `DaycareInstitution.units:${parent.number}`,
        filter: domainFilter,
        maxPageSize: context.maxPageSize,
      },
      () => context.search.assignmentUnits(domainFilter, { daycareInstitutionNumber: parent.number }),
    );
  },
};
