import { FIELD_WIDTHS } from './field-widths.ts';
import { fieldName, quote } from './message.ts';
import { hasText, OPTIONAL, requireText, type Presence } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/**
 * Pragmatic, not RFC 5322: one `@`, a non-empty local part, a domain of non-empty dot-separated
 * labels (so at least one dot), no whitespace. Letters such as æøå are allowed (IDN domains).
 */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Checks an e-mail address: at most 132 characters and the shape local@domain.tld. */
export function checkEmail(
  value: string | undefined,
  felt: string,
  presence: Presence = OPTIONAL,
): RuleError[] {
  const textErrors = requireText(value, felt, FIELD_WIDTHS.Email, presence);
  if (textErrors.length > 0 || !hasText(value)) return textErrors;
  if (EMAIL.test(value.trim())) return [];
  return [
    {
      felt,
      kode: 'EMAIL_UGYLDIG',
      tekst: `${fieldName(felt)} skal være én e-mailadresse på formen navn@domæne.dk; fik ${quote(value)}.`,
    },
  ];
}
