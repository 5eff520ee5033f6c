import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** Checks a postcode: 4 digits (`POSTNUMMER_UGYLDIG`) and known to the address register (`POSTNUMMER_UKENDT`). */
export function checkPostNummer(
  value: string | undefined,
  felt: string,
  isKnownPostNummer: (postNummer: string) => boolean,
  presence: Presence = OPTIONAL,
): RuleError[] {
  if (!hasText(value)) return requireText(value, felt, Number.POSITIVE_INFINITY, presence);
  const name = fieldName(felt);
  const postNummer = value.trim();
  if (!/^\d{4}$/.test(postNummer)) {
    return [{ felt, kode: 'POSTNUMMER_UGYLDIG', tekst: `${name} skal være 4 cifre; fik ${quote(value)}.` }];
  }
  if (isKnownPostNummer(postNummer)) return [];
  return [
    {
      felt,
      kode: 'POSTNUMMER_UKENDT',
      tekst: `${name} ${quote(postNummer)} findes ikke i adresseregisteret; angiv et dansk postnummer.`,
    },
  ];
}
