import { isKnownCode, type CodeTableName } from '../domain/code-tables.ts';
import { fieldName } from './message.ts';
import { hasText, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** A field that carries a code of a code table: how it is read, and how its two errors are told. */
export interface CodedField {
  table: CodeTableName;
  /** The code a value carries, or null when it has not the field's form. */
  parse(value: string): number | null;
  /** The FORMAT_UGYLDIG text for a value without the field's form. */
  notInForm(name: string, value: string): string;
  unknownKode: 'KODE_UKENDT' | 'KOMMUNEKODE_UKENDT';
  /** The text for a code the table does not hold. */
  unknown(name: string, kode: number, value: string): string;
}

/** A parser of codes written as digits in `pattern`, spaces around allowed. */
export const digitsIn =
  (pattern: RegExp) =>
  (value: string): number | null => {
    const trimmed = value.trim();
    return pattern.test(trimmed) ? Number(trimmed) : null;
  };

/**
 * Checks a coded field: absent or blank as its presence says, not in the field's form
 * `FORMAT_UGYLDIG`, not in its table the field's unknown code. Width is not the question for a
 * code: an over-long value fails as not in form or as unknown.
 */
export function checkCodedValue(
  field: CodedField,
  value: string | undefined,
  felt: string,
  presence: Presence,
): RuleError[] {
  if (!hasText(value)) return requireText(value, felt, Number.POSITIVE_INFINITY, presence);
  const name = fieldName(felt);
  const kode = field.parse(value);
  if (kode === null) return [{ felt, kode: 'FORMAT_UGYLDIG', tekst: field.notInForm(name, value) }];
  if (isKnownCode(field.table, kode)) return [];
  return [{ felt, kode: field.unknownKode, tekst: field.unknown(name, kode, value) }];
}
