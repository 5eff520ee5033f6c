import { badUserInput } from '../errors.ts';
import { isInstitutionNumber } from '../domain/identifiers.ts';
import type { InstitutionKind } from '../domain/records.ts';

const KINDS: readonly InstitutionKind[] = ['DaycareInstitution', 'AssignmentUnit', 'AlternativeAddress'];

/** The opaque global id of a record: base64 of `<TypeName>:<institutionsnummer>`. */
export function toGlobalId(kind: InstitutionKind, number: string): string {
  return Buffer.from(`${kind}:${number}`, 'utf8').toString('base64');
}

/** Decodes and validates a global id; a malformed one is a BAD_USER_INPUT error. */
export function fromGlobalId(id: string): { kind: InstitutionKind; number: string } {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const kind = KINDS.find((k) => k === decoded.slice(0, separator));
  const number = decoded.slice(separator + 1);
  // Round-trip check: base64 decoding forgives junk, so compare with what we would have issued.
  if (
    separator < 0 ||
    kind === undefined ||
    !isInstitutionNumber(number) ||
    toGlobalId(kind, number) !== id
  ) {
    throw badUserInput(`"${id}" is not a valid id; ids come from the id field of a Node.`);
  }
  return { kind, number };
}

/** Validates an institutionsnummer argument: 6 characters, a capital letter and 5 digits. */
export function requireInstitutionNumber(number: string): string {
  if (!isInstitutionNumber(number)) {
    throw badUserInput(
      `"${number}" is not an institutionsnummer: 6 characters, a capital letter and 5 digits (G12345).`,
    );
  }
  return number;
}
