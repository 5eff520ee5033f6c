import { createHash } from 'node:crypto';
import { isInstitutionNumber } from '../domain/identifiers.ts';
import { badUserInput } from '../errors.ts';

const PREFIX = 'cursor:v2';

/** JSON with object keys sorted, so that equal filters give equal text. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** A short digest of what a list is (its field, parent, filter and order): a cursor is valid only with it. */
export function listFingerprint(scope: string, filter: object): string {
  return createHash('sha256')
    .update(scope)
    .update('\0')
    .update(canonicalJson(filter))
    .digest('base64url')
    .slice(0, 12);
}

/**
 * The opaque cursor of an edge: the list it belongs to and the edge's institutionsnummer (unique in
 * a list, and the last key of every order), not its position — so a record added or removed
 * elsewhere in the list does not move where the next page starts.
 */
export function encodeCursor(fingerprint: string, number: string): string {
  return Buffer.from(`${PREFIX}:${fingerprint}:${number}`, 'utf8').toString('base64');
}

/**
 * The institutionsnummer a cursor names; a cursor of another list (another filter or order) or not
 * a cursor at all is a BAD_USER_INPUT error.
 */
export function decodeCursor(cursor: string, fingerprint: string, argument = 'after'): string {
  const [prefix, version, fp, number, ...rest] = Buffer.from(cursor, 'base64').toString('utf8').split(':');
  if (
    `${prefix}:${version}` !== PREFIX ||
    fp !== fingerprint ||
    rest.length > 0 ||
    number === undefined ||
    !isInstitutionNumber(number)
  ) {
    throw badUserInput(
      `The cursor in \`${argument}\` is stale or invalid: it belongs to another filter or order, or is not a cursor. Start again without \`${argument}\`.`,
    );
  }
  return number;
}
