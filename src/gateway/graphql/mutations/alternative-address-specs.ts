import type { AlternativeAddress, AssignmentUnit } from '../../domain/records.ts';
import type {
  CloseInput,
  CreateAlternativeAddressInput,
  MoveAlternativeAddressInput,
  UpdateAlternativeAddressInput,
} from '../generated/resolvers-types.ts';
import type { WriteSpec } from '../../writes/write-spec.ts';
import { toAlternativeAddressWrite, toUnitChanges } from './to-write.ts';

type AlternativePayload = { alternativeAddress: AlternativeAddress | null };

const readAlternative: WriteSpec<AlternativePayload>['readBack'] = async (written, fresh) => ({
  alternativeAddress: await fresh('AlternativeAddress', written.number),
});

/** createAlternativeAddress → InsertAlternativAdresse under the anvisningsenhed named. */
export function createAlternativeAddress(
  input: CreateAlternativeAddressInput,
): WriteSpec<AlternativePayload> {
  return {
    operation: 'InsertAlternativAdresse',
    numbers: [input.assignmentUnitNumber],
    write: (writer, caller) =>
      writer.insertAlternativeAddress(
        caller,
        input.assignmentUnitNumber,
        toAlternativeAddressWrite(input.alternativeAddress),
      ),
    readBack: readAlternative,
    refused: { alternativeAddress: null },
  };
}

/** updateAlternativeAddress → UpdateAlternativAdresse with only the fields given. */
export function updateAlternativeAddress(
  input: UpdateAlternativeAddressInput,
): WriteSpec<AlternativePayload> {
  return {
    operation: 'UpdateAlternativAdresse',
    numbers: [input.number],
    write: (writer, caller) => writer.updateAlternativeAddress(caller, input.number, toUnitChanges(input)),
    readBack: readAlternative,
    refused: { alternativeAddress: null },
  };
}

/** closeAlternativeAddress → DeleteAlternativAdresse. */
export function closeAlternativeAddress(input: CloseInput): WriteSpec<AlternativePayload> {
  return {
    operation: 'DeleteAlternativAdresse',
    numbers: [input.number],
    write: (writer, caller) => writer.closeAlternativeAddress(caller, input.number),
    readBack: readAlternative,
    refused: { alternativeAddress: null },
  };
}

/** moveAlternativeAddress → MoveAlternativAdresse; the address and both units read back. */
export function moveAlternativeAddress(input: MoveAlternativeAddressInput): WriteSpec<
  AlternativePayload & {
    assignmentUnit: AssignmentUnit | null;
    previousAssignmentUnit: AssignmentUnit | null;
  }
> {
  return {
    operation: 'MoveAlternativAdresse',
    numbers: [input.number, input.toAssignmentUnitNumber],
    moving: { level: 'AlternativeAddress', number: input.number },
    write: (writer, caller) =>
      writer.moveAlternativeAddress(caller, input.number, input.toAssignmentUnitNumber),
    readBack: async (written, fresh, previous) => ({
      alternativeAddress: await fresh('AlternativeAddress', written.number),
      assignmentUnit: await fresh('AssignmentUnit', input.toAssignmentUnitNumber),
      previousAssignmentUnit: previous === null ? null : await fresh('AssignmentUnit', previous),
    }),
    refused: { alternativeAddress: null, assignmentUnit: null, previousAssignmentUnit: null },
  };
}
