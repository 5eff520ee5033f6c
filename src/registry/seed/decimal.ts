import { CsvFormatError } from './csv-format-error.ts';

/**
 * Coordinates in the real export are written with a decimal comma, and some consumers write a dot
 * (real-data.md §1): both are read, nothing else (no thousands separators, no exponents).
 */
const DECIMAL = /^-?\d+(?:[.,]\d+)?$/;

/** Parses a decimal number written with a comma or a dot; null when the text is not such a number. */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** Writes a number with a decimal comma, as the register's CSV export does. */
export function formatDecimal(value: number): string {
  const text = String(value);
  if (!DECIMAL.test(text)) throw new CsvFormatError(`cannot write ${text} as a plain decimal`);
  return text.replace('.', ',');
}
