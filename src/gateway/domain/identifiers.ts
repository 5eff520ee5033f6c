/*
 * The shapes of the register's identifiers, written once: the scalars, cursors, global ids and
 * filters all refuse a malformed one before any call (the register still checks everything).
 */

const INSTITUTION_NUMBER = /^[A-Z][0-9]{5}$/;

/** Institutionsnummer: a capital letter and 5 digits (G12345; the legacy D10041 too). */
export const isInstitutionNumber = (text: string): boolean => INSTITUTION_NUMBER.test(text);

/** Exactly `count` ASCII digits (a CVR-nummer has 8, a P-nummer 10, a postnummer 4). */
export const isDigits = (text: string, count: number): boolean =>
  text.length === count && /^[0-9]*$/.test(text);
