import { checkCodedValue, digitsIn, type CodedField } from './coded-value.ts';
import { quote } from './message.ts';
import { OPTIONAL, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** The export writes codes unpadded (`101`), DAR pads them to four digits (`0101`); both are accepted. */
const KOMMUNEKODE = /^\d{3,4}$/;

/** The municipality code a value carries, unpadded, or null when it is not 3–4 digits. */
export const parseKommuneKode: (value: string) => number | null = digitsIn(KOMMUNEKODE);

const KOMMUNE_KODE: CodedField = {
  table: 'kommuneKode',
  parse: parseKommuneKode,
  notInForm: (name, value) =>
    `${name} skal være en kommunekode på 3 eller 4 cifre (fx 101 eller 0101); fik ${quote(value)}.`,
  unknownKode: 'KOMMUNEKODE_UKENDT',
  unknown: (name, _kode, value) =>
    `${name} ${quote(value.trim())} er ikke en af de 98 officielle kommunekoder.`,
};

/** Checks a municipality code: 3–4 digits (`FORMAT_UGYLDIG`) and one of the 98 official ones (`KOMMUNEKODE_UKENDT`). */
export function checkKommuneKode(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  return checkCodedValue(KOMMUNE_KODE, value, felt, presence);
}
