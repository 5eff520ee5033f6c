import { FIELD_WIDTHS } from './field-widths.ts';
import { fieldName, quote } from './message.ts';
import { hasText, MANDATORY, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';
import type { WriteMode } from './write-mode.ts';

/** Six characters: a capital letter and five digits; real numbers are `G18062`, and one `D10041` (contract §5). */
const INSTITUTIONSNUMMER = /^[A-Z]\d{5}$/;

/** Checks the shape of an institution number (any level, own or parent): a capital letter and 5 digits. */
export function checkInstitutionsNummer(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  if (!hasText(value)) return requireText(value, felt, FIELD_WIDTHS.institutionsNummer, presence);
  if (INSTITUTIONSNUMMER.test(value.trim())) return [];
  return [
    {
      felt,
      kode: 'FORMAT_UGYLDIG',
      tekst: `${fieldName(felt)} skal være et institutionsnummer på 6 tegn: et stort bogstav og 5 cifre (fx G18062); fik ${quote(value)}.`,
    },
  ];
}

/** Checks that an Insert does not choose its own institution number: the register issues it. */
export function checkNummerNotGiven(value: string | undefined, felt: string): RuleError[] {
  if (!hasText(value)) return [];
  return [
    {
      felt,
      kode: 'NUMMER_TILDELES_AF_REGISTERET',
      tekst: `${fieldName(felt)} må ikke angives ved oprettelse; registeret tildeler nummeret og returnerer det i svaret.`,
    },
  ];
}

/** Checks a record's own number: never chosen by the client on Insert, mandatory and well-formed on Update. */
export function checkOwnNummer(mode: WriteMode, value: string | undefined, felt: string): RuleError[] {
  return mode === 'insert'
    ? checkNummerNotGiven(value, felt)
    : checkInstitutionsNummer(value, felt, MANDATORY);
}
