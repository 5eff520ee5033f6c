import { FIELD_WIDTHS } from './field-widths.ts';
import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** DAR's house number: 1–3 digits and an optional letter; real data has a leading zero (`080`). */
const HUSNUMMER = /^\d{1,3}[A-Za-z]?$/;

/** Checks a house number: at most 4 characters, digits and an optional letter (`38`, `1A`). */
export function checkHusNummer(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  const textErrors = requireText(value, felt, FIELD_WIDTHS.husNummer, presence);
  if (textErrors.length > 0 || !hasText(value)) return textErrors;
  if (HUSNUMMER.test(value.trim())) return [];
  return [
    {
      felt,
      kode: 'FORMAT_UGYLDIG',
      tekst: `${fieldName(felt)} skal være 1-3 cifre og evt. et bogstav (fx 38 eller 1A); fik ${quote(value)}.`,
    },
  ];
}
