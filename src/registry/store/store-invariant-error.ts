/**
 * The stored data breaks an invariant the register keeps (a unit without its daginstitution, a
 * change naming no record or no known operation): no request can cause it, so it is a Server fault
 * with a reference, never an answer.
 */
export class StoreInvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreInvariantError';
  }
}
