import type { AssignmentUnit, DaycareInstitution } from '../../domain/records.ts';
import type {
  CloseInput,
  CreateDaycareInstitutionInput,
  UpdateDaycareInstitutionInput,
} from '../generated/resolvers-types.ts';
import type { CodeCheck, WriteSpec } from '../../writes/write-spec.ts';
import { given, givenCode, toAssignmentUnitWrite } from './to-write.ts';

/** The code checks of a daginstitution's own fields (the request's `Daginstitution`). */
export const daycareInstitutionCodes = (fields: {
  ownershipCode?: number | null;
  legalBasisCode?: number | null;
}): CodeCheck[] => [
  { record: 'Daginstitution', element: 'ejerformKode', table: 'OWNERSHIP', value: fields.ownershipCode },
  {
    record: 'Daginstitution',
    element: 'lovgrundlagKode',
    table: 'LEGAL_BASIS',
    value: fields.legalBasisCode,
  },
];

/** The code check of a unit's type (the request's `AnvisningsEnhed`). */
export const unitTypeCode = (value: number | null | undefined): CodeCheck => ({
  record: 'AnvisningsEnhed',
  element: 'InstType3',
  table: 'INSTITUTION_TYPE',
  value,
});

/** createDaycareInstitution → InsertDaginstitution, both new records read back. */
export function createDaycareInstitution(
  input: CreateDaycareInstitutionInput,
): WriteSpec<{ daycareInstitution: DaycareInstitution | null; assignmentUnit: AssignmentUnit | null }> {
  return {
    operation: 'InsertDaginstitution',
    codes: [...daycareInstitutionCodes(input), unitTypeCode(input.firstUnit.institutionTypeCode)],
    numbers: [],
    write: (writer, caller) =>
      writer.insertDaycareInstitution(
        caller,
        {
          name: input.name,
          ownershipCode: String(input.ownershipCode),
          legalBasisCode: String(input.legalBasisCode),
          municipalityCode: input.municipalityCode,
        },
        toAssignmentUnitWrite(input.firstUnit),
      ),
    readBack: async (written, fresh) => ({
      daycareInstitution: await fresh('DaycareInstitution', written.number),
      assignmentUnit:
        written.firstUnitNumber === null ? null : await fresh('AssignmentUnit', written.firstUnitNumber),
    }),
    refused: { daycareInstitution: null, assignmentUnit: null },
  };
}

/** updateDaycareInstitution → UpdateDaginstitution with only the fields given. */
export function updateDaycareInstitution(
  input: UpdateDaycareInstitutionInput,
): WriteSpec<{ daycareInstitution: DaycareInstitution | null }> {
  return {
    operation: 'UpdateDaginstitution',
    codes: daycareInstitutionCodes(input),
    numbers: [input.number],
    write: (writer, caller) =>
      writer.updateDaycareInstitution(caller, input.number, {
        name: given(input.name),
        ownershipCode: givenCode(input.ownershipCode),
        legalBasisCode: givenCode(input.legalBasisCode),
        municipalityCode: given(input.municipalityCode),
      }),
    readBack: async (written, fresh) => ({
      daycareInstitution: await fresh('DaycareInstitution', written.number),
    }),
    refused: { daycareInstitution: null },
  };
}

/** closeDaycareInstitution → DeleteDaginstitution. */
export function closeDaycareInstitution(
  input: CloseInput,
): WriteSpec<{ daycareInstitution: DaycareInstitution | null }> {
  return {
    operation: 'DeleteDaginstitution',
    numbers: [input.number],
    write: (writer, caller) => writer.closeDaycareInstitution(caller, input.number),
    readBack: async (written, fresh) => ({
      daycareInstitution: await fresh('DaycareInstitution', written.number),
    }),
    refused: { daycareInstitution: null },
  };
}
