import { fieldName } from './message.ts';
import type { RuleError } from './rule-error.ts';

/** Whether a field must carry a value: a mandatory field that is absent or blank is `FELT_MANGLER`. */
export interface Presence {
  mandatory: boolean;
}

/** The presence of an optional field: absent or blank is fine. */
export const OPTIONAL: Presence = { mandatory: false };

/** The presence of a field that must carry a value. */
export const MANDATORY: Presence = { mandatory: true };

/**
 * Characters that show nothing: white space (Z, and what `trim` removes), controls (Cc), format
 * characters (Cf: zero-width space and joiners, the BOM, the soft hyphen, bidi marks) and the rest
 * of Unicode's Default_Ignorable_Code_Point (variation selectors, the Hangul fillers). A value made
 * only of these reads as blank to a person, so the register treats it as blank.
 */
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Whether a value holds at least one visible character. */
export function isVisibleText(value: string): boolean {
  return value.replace(INVISIBLE, '') !== '';
}

/**
 * Whether a raw value carries text; surrounding whitespace is not part of a value (as in `xs:token`),
 * and a value of invisible characters only (two zero-width spaces) carries none.
 */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && isVisibleText(value);
}

/** The width of a value as a person counts it: trimmed, composed (`å` sent as `a` + ring is one), by code point. */
export function textLength(value: string): number {
  return [...value.trim().normalize('NFC')].length;
}

/** Checks that a text field is present when mandatory and no wider than `maxLength` characters. */
export function requireText(
  value: string | undefined,
  felt: string,
  maxLength: number,
  { mandatory }: Presence,
): RuleError[] {
  const name = fieldName(felt);
  if (!hasText(value)) {
    if (!mandatory) return [];
    const tekst =
      value === undefined
        ? `${name} mangler; feltet er obligatorisk.`
        : `${name} er tomt; feltet er obligatorisk og skal udfyldes.`;
    return [{ felt, kode: 'FELT_MANGLER', tekst }];
  }
  const length = textLength(value);
  if (length > maxLength) {
    return [
      { felt, kode: 'FELT_FOR_LANGT', tekst: `${name} må højst være ${maxLength} tegn; fik ${length} tegn.` },
    ];
  }
  return [];
}
