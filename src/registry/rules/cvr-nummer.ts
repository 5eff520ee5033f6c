import { FIELD_WIDTHS } from './field-widths.ts';
import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** Erhvervsstyrelsen's modulus-11 weights for the eight digits of a CVR number. */
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Whether a value is a valid CVR number: 8 digits whose weighted sum is divisible by 11. */
export function isValidCvrNummer(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value.charAt(i)), 0);
  return sum % 11 === 0;
}

/** Checks a CVR number: 8 digits and the modulus-11 check (`CVR_UGYLDIG`). */
export function checkCvrNummer(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  if (!hasText(value)) return requireText(value, felt, FIELD_WIDTHS.CVRNummer, presence);
  const cvr = value.trim();
  const name = fieldName(felt);
  if (!/^\d{8}$/.test(cvr)) {
    return [{ felt, kode: 'CVR_UGYLDIG', tekst: `${name} skal være 8 cifre; fik ${quote(value)}.` }];
  }
  if (!isValidCvrNummer(cvr)) {
    return [
      {
        felt,
        kode: 'CVR_UGYLDIG',
        tekst: `${name} ${quote(cvr)} er ikke et gyldigt CVR-nummer: modulus 11-kontrollen passer ikke.`,
      },
    ];
  }
  return [];
}
