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
import { runMutation } from '../mutations/to-payload.ts';

/** The writes: each one ImportService operation, its spec run by the write service (`runMutation`). */
export const mutationResolvers: MutationResolvers = {
  createDaycareInstitution: (_p, { input, validateOnly }, context) =>
    runMutation(context, createDaycareInstitution(input), validateOnly),
  updateDaycareInstitution: (_p, { input, validateOnly }, context) =>
    runMutation(context, updateDaycareInstitution(input), validateOnly),
  closeDaycareInstitution: (_p, { input, validateOnly }, context) =>
    runMutation(context, closeDaycareInstitution(input), validateOnly),
  createAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runMutation(context, createAssignmentUnit(input), validateOnly),
  updateAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runMutation(context, updateAssignmentUnit(input), validateOnly),
  closeAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runMutation(context, closeAssignmentUnit(input), validateOnly),
  moveAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runMutation(context, moveAssignmentUnit(input), validateOnly),
  createAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runMutation(context, createAlternativeAddress(input), validateOnly),
  updateAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runMutation(context, updateAlternativeAddress(input), validateOnly),
  closeAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runMutation(context, closeAlternativeAddress(input), validateOnly),
  moveAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runMutation(context, moveAlternativeAddress(input), validateOnly),
};
