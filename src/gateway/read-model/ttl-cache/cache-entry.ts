import type { KeyValueCache } from './key-value-cache.ts';
import type { Code, Institution, RegisterSlice } from '../../domain/records.ts';

/**
 * What the shared cache holds: register records by number (and numbers known not to exist at a
 * level), list answers by STIL operation and argument, and code tables. Only public register data.
 */
export type CacheEntry =
  | { type: 'record'; record: Institution }
  | { type: 'missing' }
  | { type: 'slice'; slice: RegisterSlice }
  | { type: 'codes'; codes: readonly Code[] };

/** An entry of another type than its key says (a list key holding a record …): the cache is corrupt. */
export class CacheEntryTypeError extends Error {
  constructor(key: string, expected: string) {
    super(`Cache entry ${key} is not ${expected}`);
    this.name = 'CacheEntryTypeError';
  }
}

/** The shared cache of register data. */
export type RegisterCache = KeyValueCache<CacheEntry>;
