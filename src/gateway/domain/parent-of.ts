import { assertNever } from '../assert-never.ts';
import type { Institution } from './records.ts';

/** The number of a record's parent; a daginstitution has none. */
export function parentOf(record: Institution): string | null {
  switch (record.kind) {
    case 'AssignmentUnit':
      return record.daycareInstitutionNumber;
    case 'AlternativeAddress':
      return record.assignmentUnitNumber;
    case 'DaycareInstitution':
      return null;
    default:
      return assertNever(record, 'institution');
  }
}
