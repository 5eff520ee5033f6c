import { badUserInput } from '../errors.ts';

const PREFIX = 'change:v1';

/**
 * The cursor of a change: its sequence, which the register keeps across restarts of both
 * processes (unlike a list cursor, it does not depend on a filter: a sequence is a place in the
 * one feed, whichever filter read it).
 */
export function encodeChangeCursor(sequence: number): string {
  return Buffer.from(`${PREFIX}:${sequence}`, 'utf8').toString('base64');
}

/** The sequence a change cursor names; anything else is a BAD_USER_INPUT error. */
export function decodeChangeCursor(cursor: string): number {
  const [prefix, version, sequence, ...rest] = Buffer.from(cursor, 'base64').toString('utf8').split(':');
  const value = Number(sequence);
  if (`${prefix}:${version}` !== PREFIX || rest.length > 0 || !Number.isSafeInteger(value) || value < 0) {
    throw badUserInput(
      'The cursor in `after` is not a change cursor: pass an edge cursor or `pageInfo.endCursor` of `changes`.',
    );
  }
  return value;
}
