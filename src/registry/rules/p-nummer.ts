import { FIELD_WIDTHS } from './field-widths.ts';
import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/**
 * Checks the shape of a P-number: exactly 10 digits. There is deliberately no modulus-11 check:
 * Erhvervsstyrelsen issued a series with wrong weights (contract §5).
 */
export function checkPNummer(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  if (!hasText(value)) return requireText(value, felt, FIELD_WIDTHS.PNummer, presence);
  if (/^\d{10}$/.test(value.trim())) return [];
  return [
    { felt, kode: 'PNUMMER_UGYLDIG', tekst: `${fieldName(felt)} skal være 10 cifre; fik ${quote(value)}.` },
  ];
}

/** Checks a P-number's shape and then, once it is well-formed, that CVR knows it as active. */
export function checkActivePNummer(
  value: string | undefined,
  felt: string,
  isActivePNummer: (pNummer: string) => boolean,
  presence: Presence = OPTIONAL,
): RuleError[] {
  const errors = checkPNummer(value, felt, presence);
  if (errors.length > 0 || !hasText(value)) return errors;
  const pNummer = value.trim();
  if (isActivePNummer(pNummer)) return [];
  return [
    {
      felt,
      kode: 'PNUMMER_IKKE_AKTIV',
      tekst: `${fieldName(felt)} ${quote(pNummer)} er ikke et aktivt P-nummer i CVR; angiv produktionsenhedens aktive P-nummer.`,
    },
  ];
}
