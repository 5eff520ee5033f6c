/**
 * The stored records break the register's own structure (a unit whose daginstitution is missing):
 * no request can cause it, so it is a Server fault with a reference, never an answer.
 */
export class BrokenStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokenStructureError';
  }
}
