import { AppError } from '../../errors.ts';
import type { MaybePromise } from '../../loaders/loaders.ts';

/**
 * A parent record the register's own rules guarantee (every unit has a daginstitution, every
 * alternative address a unit); its absence is an inconsistency upstream, not the client's doing.
 */
export function requireParent<T>(found: MaybePromise<T | null>, what: string): MaybePromise<T> {
  const check = (record: T | null): T => {
    if (record === null) throw new AppError('UPSTREAM_FAULT', `The register does not have ${what}.`);
    return record;
  };
  // A cached parent stays synchronous: a page of 500 units resolves its parents without 500 promises.
  return found instanceof Promise ? found.then(check) : check(found);
}
