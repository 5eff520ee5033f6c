import { isDigits, isInstitutionNumber } from '../../domain/identifiers.ts';
import { createTextScalar } from './text-scalar.ts';
import { MUNICIPALITY_CODES } from './municipality-codes.ts';

/*
 * The register's identifiers as scalars that refuse a malformed value before any call, with a
 * message naming the rule. The register still checks everything (and more: CVR and DAR).
 */

const digits = (count: number) => (text: string) => (isDigits(text, count) ? text : null);

/** Erhvervsstyrelsen's modulus-11 weights for the eight digits of a CVR number. */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Whether 8 digits pass the CVR modulus-11 check. */
export function passesCvrModulus11(cvr: string): boolean {
  const sum = CVR_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(cvr.charAt(i)), 0);
  return sum % 11 === 0;
}

/** Institutionsnummer: a capital letter and 5 digits (G12345; the legacy D10041 too). */
export const institutionNumberScalar = createTextScalar({
  name: 'InstitutionNumber',
  description: 'Institutionsnummer: 6 characters, a capital letter and 5 digits (`G30675`).',
  rule: 'must be 6 characters, a capital letter and 5 digits (G12345)',
  parse: (text) => (isInstitutionNumber(text) ? text : null),
});

/** CVR-nummer: 8 digits passing the modulus-11 check. */
export const cvrNumberScalar = createTextScalar({
  name: 'CvrNumber',
  description: 'CVR-nummer: 8 digits that pass the modulus-11 check (`64942212`).',
  rule: 'must be 8 digits that pass the modulus-11 check',
  parse: (text) => (isDigits(text, 8) && passesCvrModulus11(text) ? text : null),
});

/** P-nummer: 10 digits (no check digit). */
export const pNumberScalar = createTextScalar({
  name: 'PNumber',
  description: 'P-nummer (produktionsenhed): 10 digits (`4774805696`).',
  rule: 'must be 10 digits',
  parse: digits(10),
});

/** Kommunekode: one of the 98, `101` or `0101`; the normal form is unpadded. */
export const municipalityCodeScalar = createTextScalar({
  name: 'MunicipalityCode',
  description:
    'Kommunekode: one of the 98 official codes, as text unpadded or padded to 4 digits (`"101"`, `"0101"`); an integer literal is read too.',
  rule: 'must be one of the 98 official municipality codes, e.g. "101" or "0101"',
  parse: (text) => {
    if (!/^[0-9]{3,4}$/.test(text)) return null;
    const code = Number(text);
    return MUNICIPALITY_CODES.has(code) ? String(code) : null;
  },
  acceptsInt: true,
});

/** Postnummer: 4 digits. */
export const postalCodeScalar = createTextScalar({
  name: 'PostalCode',
  description: 'Postnummer: 4 digits (`2720`); the register also checks that it exists.',
  rule: 'must be 4 digits',
  parse: digits(4),
});

/** E-mail: the register's pragmatic shape, local@domain.tld, at most 132 characters. */
export const emailScalar = createTextScalar({
  name: 'Email',
  description:
    "An e-mail address of the shape `name@domain.dk`, at most 132 characters (the register's rule).",
  rule: 'must be one e-mail address of the shape name@domain.dk, at most 132 characters',
  parse: (text) => (text.length <= 132 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text) ? text : null),
});

/** Free text (a name, a street, a phone number): any Unicode text, composed; the register judges it. */
export const textScalar = createTextScalar({
  name: 'Text',
  description:
    'Free text (a name, an address line): Unicode, sent to the register composed (NFC); a lone surrogate is refused.',
  rule: 'must be Unicode text',
  parse: (text) => text,
});
