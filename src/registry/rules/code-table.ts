import { CODE_TABLES, type CodeTableName } from '../domain/code-tables.ts';
import { checkCodedValue, digitsIn } from './coded-value.ts';
import { quote } from './message.ts';
import { OPTIONAL, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** Codes are small non-negative integers; nine digits keep the parsed number exact. */
const CODE = /^\d{1,9}$/;

/** The integer a coded field carries, or null when it is not a plain non-negative integer. */
export const parseCode: (value: string) => number | null = digitsIn(CODE);

/** Checks a coded field against its code table: not a number is `FORMAT_UGYLDIG`, not in the table `KODE_UKENDT`. */
export function checkCode(
  table: CodeTableName,
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  return checkCodedValue(
    {
      table,
      parse: parseCode,
      notInForm: (name, sent) => `${name} skal være en heltalskode; fik ${quote(sent)}.`,
      unknownKode: 'KODE_UKENDT',
      unknown: (name, kode) => {
        const known = CODE_TABLES[table].map((row) => row.kode).join(', ');
        return `${name} ${kode} findes ikke i kodetabellen ${table}; gyldige koder er ${known}.`;
      },
    },
    value,
    felt,
    presence,
  );
}
