import type { MutationResolvers } from '../generated/resolvers-types.ts';
import {
  closeAlternativeAddress,
  createAlternativeAddress,
  moveAlternativeAddress,
  updateAlternativeAddress,
} from '../mutations/alternative-address-specs.ts';
import {
  closeAssignmentUnit,
  createAssignmentUnit,
  moveAssignmentUnit,
  updateAssignmentUnit,
} from '../mutations/assignment-unit-specs.ts';
import {
  closeDaycareInstitution,
  createDaycareInstitution,
  updateDaycareInstitution,
} from '../mutations/daycare-institution-specs.ts';
import { runWrite } from '../mutations/run-write.ts';

/** The writes: each one ImportService operation, run by `runWrite` from its spec. */
export const mutationResolvers: MutationResolvers = {
  createDaycareInstitution: (_p, { input }, context) => runWrite(context, createDaycareInstitution(input)),
  updateDaycareInstitution: (_p, { input }, context) => runWrite(context, updateDaycareInstitution(input)),
  closeDaycareInstitution: (_p, { input }, context) => runWrite(context, closeDaycareInstitution(input)),
  createAssignmentUnit: (_p, { input }, context) => runWrite(context, createAssignmentUnit(input)),
  updateAssignmentUnit: (_p, { input }, context) => runWrite(context, updateAssignmentUnit(input)),
  closeAssignmentUnit: (_p, { input }, context) => runWrite(context, closeAssignmentUnit(input)),
  moveAssignmentUnit: (_p, { input }, context) => runWrite(context, moveAssignmentUnit(input)),
  createAlternativeAddress: (_p, { input }, context) => runWrite(context, createAlternativeAddress(input)),
  updateAlternativeAddress: (_p, { input }, context) => runWrite(context, updateAlternativeAddress(input)),
  closeAlternativeAddress: (_p, { input }, context) => runWrite(context, closeAlternativeAddress(input)),
  moveAlternativeAddress: (_p, { input }, context) => runWrite(context, moveAlternativeAddress(input)),
};
