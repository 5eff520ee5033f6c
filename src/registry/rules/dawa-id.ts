import { fieldName, quote } from './message.ts';
import { hasText } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

/** A UUID in canonical hyphenated form, any version: DAR's ids are v4 today, but that is DAR's business. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an optional DAR/DAWA address id: when given, it is a UUID. */
export function checkDawaId(value: string | undefined, felt: string): RuleError[] {
  if (!hasText(value) || UUID.test(value.trim())) return [];
  return [
    {
      felt,
      kode: 'FORMAT_UGYLDIG',
      tekst: `${fieldName(felt)} skal være et UUID (fx 1b37bf64-7bcb-431b-8d1b-46cf5ba08eb6); fik ${quote(value)}.`,
    },
  ];
}
