import type { Aktivitetsstatus } from '../domain/model.ts';
import { isKnownCode, type CodeTableName } from '../domain/code-tables.ts';
import type { CsvRow } from './csv.ts';
import { parseDecimal } from './decimal.ts';
import { SeedDataError } from './seed-data-error.ts';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Typed, validated access to one CSV row's values; every failure names file, line and column. */
export interface RowReader<C extends string> {
  /** A mandatory text of at most `maxLength` characters. */
  text(column: C, maxLength: number): string;
  /** An optional text: empty means null. */
  optionalText(column: C, maxLength: number): string | null;
  /** A mandatory value that must match `pattern`. */
  matching(column: C, pattern: RegExp, expected: string): string;
  /** An optional value that must match `pattern` when given. */
  optionalMatching(column: C, pattern: RegExp, expected: string): string | null;
  /** A mandatory integer code that its code table knows. */
  code(column: C, table: CodeTableName): number;
  /** An optional decimal number, written with a comma or a dot, within [min, max]. */
  optionalDecimal(column: C, min: number, max: number): number | null;
  /** A mandatory ISO 8601 timestamp with an offset. */
  timestamp(column: C): string;
  /** An optional ISO 8601 timestamp with an offset. */
  optionalTimestamp(column: C): string | null;
  /** `Aktiv` or `Nedlagt`. */
  status(column: C): Aktivitetsstatus;
  /** An error about this row, for checks that span several columns. */
  error(column: C | null, problem: string): SeedDataError;
}

/** Wraps one row in a `RowReader`. */
export function readRow<C extends string>(row: CsvRow<C>): RowReader<C> {
  const error = (column: C | null, problem: string): SeedDataError =>
    new SeedDataError(row.file, row.line, column, problem);
  const raw = (column: C): string => row.values[column];
  const optionalText = (column: C, maxLength: number): string | null => {
    const value = raw(column);
    if (value.length > maxLength) throw error(column, `longer than ${maxLength} characters`);
    return value === '' ? null : value;
  };
  const optionalMatching = (column: C, pattern: RegExp, expected: string): string | null => {
    const value = raw(column);
    if (value === '') return null;
    if (!pattern.test(value)) throw error(column, `expected ${expected}, got "${value}"`);
    return value;
  };
  const required = <T>(column: C, value: T | null): T => {
    if (value === null) throw error(column, 'a value is required');
    return value;
  };
  return {
    text: (column, maxLength) => required(column, optionalText(column, maxLength)),
    optionalText,
    matching: (column, pattern, expected) => required(column, optionalMatching(column, pattern, expected)),
    optionalMatching,
    code(column, table) {
      // Unpadded, as the export writes codes (kommuneKode 101, not 0101).
      const value = required(column, optionalMatching(column, /^[1-9]\d*$/, 'an unpadded integer code'));
      const kode = Number(value);
      if (!isKnownCode(table, kode)) throw error(column, `${kode} is not a code in ${table}`);
      return kode;
    },
    optionalDecimal(column, min, max) {
      const value = raw(column);
      if (value === '') return null;
      const number = parseDecimal(value);
      if (number === null) throw error(column, `expected a decimal number (comma or dot), got "${value}"`);
      if (number < min || number > max) throw error(column, `${value} is outside ${min}..${max}`);
      return number;
    },
    timestamp: (column) =>
      required(column, optionalMatching(column, TIMESTAMP, 'an ISO 8601 timestamp with offset')),
    optionalTimestamp: (column) => optionalMatching(column, TIMESTAMP, 'an ISO 8601 timestamp with offset'),
    status(column) {
      const value = raw(column);
      if (value !== 'Aktiv' && value !== 'Nedlagt')
        throw error(column, `expected Aktiv or Nedlagt, got "${value}"`);
      return value;
    },
    error,
  };
}
