import type { Presence } from './require-text.ts';

/** Which ImportService write a composition validates: `Insert…` or `Update…`. */
export type WriteMode = 'insert' | 'update';

/**
 * The presence a mandatory field must have in a write: always on Insert; on Update only when the
 * client sent it, because an Update changes only the fields it carries but may not blank a mandatory one.
 */
export function presenceFor(mode: WriteMode, value: unknown): Presence {
  return { mandatory: mode === 'insert' || value !== undefined };
}
