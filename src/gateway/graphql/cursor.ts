import { createHash } from 'node:crypto';
import { badUserInput } from '../errors.ts';

const PREFIX = 'cursor:v1';

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

/** A short digest of what a list is (its field, parent and filter): a cursor is valid only with it. */
export function listFingerprint(scope: string, filter: object): string {
  return createHash('sha256')
    .update(scope)
    .update('\0')
    .update(canonicalJson(filter))
    .digest('base64url')
    .slice(0, 12);
}

/** The opaque cursor of the edge at `index` (0-based) of the list `fingerprint` names. */
export function encodeCursor(fingerprint: string, index: number): string {
  return Buffer.from(`${PREFIX}:${fingerprint}:${index}`, 'utf8').toString('base64');
}

/**
 * The index a cursor points at; a cursor of another list (another filter) or not a cursor at all is
 * a BAD_USER_INPUT error.
 */
export function decodeCursor(cursor: string, fingerprint: string): number {
  const [prefix, version, fp, index, ...rest] = Buffer.from(cursor, 'base64').toString('utf8').split(':');
  const value = Number(index);
  if (
    `${prefix}:${version}` !== PREFIX ||
    fp !== fingerprint ||
    rest.length > 0 ||
    !Number.isSafeInteger(value) ||
    value < 0
  ) {
    throw badUserInput(
      'The cursor in `after` is stale or invalid: it belongs to another filter or is not a cursor. Start again without `after`.',
    );
  }
  return value;
}
