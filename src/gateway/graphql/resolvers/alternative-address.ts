import type { AlternativeAddressResolvers } from '../generated/resolvers-types.ts';
import { institutionFields } from './institution.ts';
import { requireParent } from './require-parent.ts';

/** AlternativeAddress (alternativ adresse, lokalitet). */
export const alternativeAddressResolvers: AlternativeAddressResolvers = {
  ...institutionFields,
  municipality: (parent) => parent.address.municipality,
  assignmentUnit: (parent, _args, context) =>
    requireParent(
      context.loaders.find('AssignmentUnit', parent.assignmentUnitNumber),
      `the anvisningsenhed ${parent.assignmentUnitNumber} of alternativ adresse ${parent.number}`,
    ),
};
