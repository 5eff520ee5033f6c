import { FIELD_WIDTHS } from './field-widths.ts';
import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/**
 * A Danish subscriber number (assumption A): 8 digits, the first 2–9 as in the Danish numbering
 * plan, optionally after `+45`; spaces anywhere are allowed for readability (`+45 33 12 34 56`).
 * Other separators and foreign numbers are refused: the register lists Danish day-care offers.
 */
const TELEFON = /^(\+45)?[2-9]\d{7}$/;

/** Checks a phone number: at most 20 characters and a Danish 8-digit number, optionally `+45`. */
export function checkTelefonNummer(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  const textErrors = requireText(value, felt, FIELD_WIDTHS.TelefonNummer, presence);
  if (textErrors.length > 0 || !hasText(value)) return textErrors;
  if (TELEFON.test(value.replace(/ /g, ''))) return [];
  return [
    {
      felt,
      kode: 'TELEFON_UGYLDIG',
      tekst: `${fieldName(felt)} skal være et dansk telefonnummer med 8 cifre, evt. med +45 foran (fx 33 12 34 56); fik ${quote(value)}.`,
    },
  ];
}
