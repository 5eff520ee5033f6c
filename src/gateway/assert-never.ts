/** A state the code's own invariants rule out: a bug in the gateway, never a caller's mistake. */
export class UnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreachableError';
  }
}

/** The `never` check of an exhaustive switch: the compiler proves it unreachable. */
export function assertNever(value: never, what: string): never {
  throw new UnreachableError(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
