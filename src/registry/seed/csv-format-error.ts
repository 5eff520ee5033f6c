/** A record the register's CSV format cannot hold (a value with a line break, a code no table has). */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}
