import { CODE_TABLES, isKnownCode, type CodeTableName } from '../domain/code-tables.ts';
import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** Codes are small non-negative integers; nine digits keep the parsed number exact. */
const CODE = /^\d{1,9}$/;

/** The integer a coded field carries, or null when it is not a plain non-negative integer. */
export function parseCode(value: string): number | null {
  const trimmed = value.trim();
  return CODE.test(trimmed) ? Number(trimmed) : null;
}

/** Checks a coded field against its code table: not a number is `FORMAT_UGYLDIG`, not in the table `KODE_UKENDT`. */
export function checkCode(
  table: CodeTableName,
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  // Width is not the question for a code: an over-long value fails as "not a number" or as unknown.
  if (!hasText(value)) return requireText(value, felt, Number.POSITIVE_INFINITY, presence);
  const name = fieldName(felt);
  const kode = parseCode(value);
  if (kode === null) {
    return [
      { felt, kode: 'FORMAT_UGYLDIG', tekst: `${name} skal være en heltalskode; fik ${quote(value)}.` },
    ];
  }
  if (isKnownCode(table, kode)) return [];
  const known = CODE_TABLES[table].map((row) => row.kode).join(', ');
  return [
    {
      felt,
      kode: 'KODE_UKENDT',
      tekst: `${name} ${kode} findes ikke i kodetabellen ${table}; gyldige koder er ${known}.`,
    },
  ];
}
