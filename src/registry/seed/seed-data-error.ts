/** Bad data in a register CSV file, naming the file, line and column so that it can be fixed at once. */
export class SeedDataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string | null,
    problem: string,
  ) {
    super(`${file} line ${line}${column === null ? '' : `, column ${column}`}: ${problem}`);
    this.name = 'SeedDataError';
  }
}
