import type { AssignmentUnit, DaycareInstitution } from '../../domain/records.ts';
import type {
  CloseInput,
  CreateAssignmentUnitInput,
  MoveAssignmentUnitInput,
  UpdateAssignmentUnitInput,
} from '../generated/resolvers-types.ts';
import { unitTypeCode } from './daycare-institution-specs.ts';
import type { WriteSpec } from '../../writes/write-spec.ts';
import { givenCode, toAssignmentUnitWrite, toUnitChanges } from './to-write.ts';

type UnitPayload = { assignmentUnit: AssignmentUnit | null };

const readUnit: WriteSpec<UnitPayload>['readBack'] = async (written, fresh) => ({
  assignmentUnit: await fresh('AssignmentUnit', written.number),
});

/** createAssignmentUnit → InsertAnvisningsEnhed under the daginstitution named. */
export function createAssignmentUnit(input: CreateAssignmentUnitInput): WriteSpec<UnitPayload> {
  return {
    operation: 'InsertAnvisningsEnhed',
    codes: [unitTypeCode(input.unit.institutionTypeCode)],
    numbers: [input.daycareInstitutionNumber],
    write: (writer, caller) =>
      writer.insertAssignmentUnit(caller, input.daycareInstitutionNumber, toAssignmentUnitWrite(input.unit)),
    readBack: readUnit,
    refused: { assignmentUnit: null },
  };
}

/** updateAssignmentUnit → UpdateAnvisningsEnhed with only the fields given. */
export function updateAssignmentUnit(input: UpdateAssignmentUnitInput): WriteSpec<UnitPayload> {
  return {
    operation: 'UpdateAnvisningsEnhed',
    codes: [unitTypeCode(input.institutionTypeCode)],
    numbers: [input.number],
    write: (writer, caller) =>
      writer.updateAssignmentUnit(caller, input.number, {
        ...toUnitChanges(input),
        institutionTypeCode: givenCode(input.institutionTypeCode),
      }),
    readBack: readUnit,
    refused: { assignmentUnit: null },
  };
}

/** closeAssignmentUnit → DeleteAnvisningsEnhed. */
export function closeAssignmentUnit(input: CloseInput): WriteSpec<UnitPayload> {
  return {
    operation: 'DeleteAnvisningsEnhed',
    numbers: [input.number],
    write: (writer, caller) => writer.closeAssignmentUnit(caller, input.number),
    readBack: readUnit,
    refused: { assignmentUnit: null },
  };
}

/** moveAssignmentUnit → MoveAnvisningsEnhed; the unit and both daginstitutioner read back. */
export function moveAssignmentUnit(input: MoveAssignmentUnitInput): WriteSpec<
  UnitPayload & {
    daycareInstitution: DaycareInstitution | null;
    previousDaycareInstitution: DaycareInstitution | null;
  }
> {
  return {
    operation: 'MoveAnvisningsEnhed',
    numbers: [input.number, input.toDaycareInstitutionNumber],
    moving: { level: 'AssignmentUnit', number: input.number },
    write: (writer, caller) =>
      writer.moveAssignmentUnit(caller, input.number, input.toDaycareInstitutionNumber),
    readBack: async (written, fresh, previous) => ({
      assignmentUnit: await fresh('AssignmentUnit', written.number),
      daycareInstitution: await fresh('DaycareInstitution', input.toDaycareInstitutionNumber),
      previousDaycareInstitution: previous === null ? null : await fresh('DaycareInstitution', previous),
    }),
    refused: { assignmentUnit: null, daycareInstitution: null, previousDaycareInstitution: null },
  };
}
