import { isKnownCode } from '../domain/code-tables.ts';
import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** The export writes codes unpadded (`101`), DAR pads them to four digits (`0101`); both are accepted. */
const KOMMUNEKODE = /^\d{3,4}$/;

/** The municipality code a value carries, unpadded, or null when it is not 3–4 digits. */
export function parseKommuneKode(value: string): number | null {
  const trimmed = value.trim();
  return KOMMUNEKODE.test(trimmed) ? Number(trimmed) : null;
}

/** Checks a municipality code: 3–4 digits (`FORMAT_UGYLDIG`) and one of the 98 official ones (`KOMMUNEKODE_UKENDT`). */
export function checkKommuneKode(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  if (!hasText(value)) return requireText(value, felt, Number.POSITIVE_INFINITY, presence);
  const name = fieldName(felt);
  const kode = parseKommuneKode(value);
  if (kode === null) {
    return [
      {
        felt,
        kode: 'FORMAT_UGYLDIG',
        tekst: `${name} skal være en kommunekode på 3 eller 4 cifre (fx 101 eller 0101); fik ${quote(value)}.`,
      },
    ];
  }
  if (isKnownCode('kommuneKode', kode)) return [];
  return [
    {
      felt,
      kode: 'KOMMUNEKODE_UKENDT',
      tekst: `${name} ${quote(value.trim())} er ikke en af de 98 officielle kommunekoder.`,
    },
  ];
}
