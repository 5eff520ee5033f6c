import type { AssignmentUnitResolvers } from '../generated/resolvers-types.ts';
import { institutionFields } from './institution.ts';
import { requireParent } from './require-parent.ts';

/** AssignmentUnit (anvisningsenhed). */
export const assignmentUnitResolvers: AssignmentUnitResolvers = {
  ...institutionFields,
  municipality: (parent) => parent.address.municipality,
  daycareInstitution: (parent, _args, context) =>
    requireParent(
      context.loaders.find('DaycareInstitution', parent.daycareInstitutionNumber),
      `the daginstitution ${parent.daycareInstitutionNumber} of anvisningsenhed ${parent.number}`,
    ),
  alternativeAddresses: async (parent, { status }, context) =>
    (await context.loaders.alternativeAddressesByAssignmentUnit.load(parent.number)).filter((alternative) =>
      status.includes(alternative.status),
    ),
};
