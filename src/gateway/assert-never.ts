/** The `never` check of an exhaustive switch: the compiler proves it unreachable. */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
