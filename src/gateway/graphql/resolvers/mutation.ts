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
  createDaycareInstitution: (_p, { input, validateOnly }, context) =>
    runWrite(context, createDaycareInstitution(input), validateOnly),
  updateDaycareInstitution: (_p, { input, validateOnly }, context) =>
    runWrite(context, updateDaycareInstitution(input), validateOnly),
  closeDaycareInstitution: (_p, { input, validateOnly }, context) =>
    runWrite(context, closeDaycareInstitution(input), validateOnly),
  createAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runWrite(context, createAssignmentUnit(input), validateOnly),
  updateAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runWrite(context, updateAssignmentUnit(input), validateOnly),
  closeAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runWrite(context, closeAssignmentUnit(input), validateOnly),
  moveAssignmentUnit: (_p, { input, validateOnly }, context) =>
    runWrite(context, moveAssignmentUnit(input), validateOnly),
  createAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runWrite(context, createAlternativeAddress(input), validateOnly),
  updateAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runWrite(context, updateAlternativeAddress(input), validateOnly),
  closeAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runWrite(context, closeAlternativeAddress(input), validateOnly),
  moveAlternativeAddress: (_p, { input, validateOnly }, context) =>
    runWrite(context, moveAlternativeAddress(input), validateOnly),
};
