import type { ChangeKind } from '../domain/change.ts';
import type { InstitutionKind } from '../domain/records.ts';
import type { ChangeFilter } from '../domain/change.ts';
import type {
  ChangeFilter as ChangeFilterInput,
  InputMaybe,
  InstitutionLevel,
} from './generated/resolvers-types.ts';

/** The GraphQL level enum ↔ the domain's level names. */
export const LEVEL_KIND: Readonly<Record<InstitutionLevel, InstitutionKind>> = {
  DAYCARE_INSTITUTION: 'DaycareInstitution',
  ASSIGNMENT_UNIT: 'AssignmentUnit',
  ALTERNATIVE_ADDRESS: 'AlternativeAddress',
};

/** The domain's level → the GraphQL enum. */
export const KIND_LEVEL: Readonly<Record<InstitutionKind, InstitutionLevel>> = {
  DaycareInstitution: 'DAYCARE_INSTITUTION',
  AssignmentUnit: 'ASSIGNMENT_UNIT',
  AlternativeAddress: 'ALTERNATIVE_ADDRESS',
};

/** ChangeFilter input → the domain's change filter (the scalar has validated the municipality). */
export function toChangeFilter(input: InputMaybe<ChangeFilterInput> | undefined): ChangeFilter {
  const f = input ?? {};
  return {
    ...(f.municipalityCode != null && { municipalityCode: Number(f.municipalityCode) }),
    ...(f.levels != null && { levels: f.levels.map((level) => LEVEL_KIND[level]) }),
    ...(f.kinds != null && { kinds: [...f.kinds] as ChangeKind[] }),
  };
}
