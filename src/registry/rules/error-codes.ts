/**
 * The closed set of error codes an ImportService write can answer with (`ImportSvarXML`, contract §3).
 * Codes are stable machine words for clients; each value is the one-line meaning docs/register.md lists ("Error codes").
 * The field rules in this folder use the first group; the structure and rights layer uses the
 * reserved second group, declared here so that there is one vocabulary.
 */
export const RULE_ERROR_CODES = {
  // Field rules (this folder).
  FELT_MANGLER: 'A mandatory field is missing or blank.',
  FELT_FOR_LANGT: 'A text field is longer than its maximum width.',
  FORMAT_UGYLDIG: 'A field has the wrong format (e.g. not a number, not a UUID, bad house number).',
  CVR_UGYLDIG: 'A CVR number is not 8 digits or fails the modulus-11 check.',
  PNUMMER_UGYLDIG: 'A P-number is not exactly 10 digits.',
  PNUMMER_IKKE_AKTIV: 'A well-formed P-number is not active in CVR.',
  EMAIL_UGYLDIG: 'An e-mail address does not have the shape local@domain.tld.',
  TELEFON_UGYLDIG: 'A phone number is not a Danish 8-digit number (optionally +45).',
  KOMMUNEKODE_UKENDT: 'A municipality code is not one of the 98 official codes.',
  POSTNUMMER_UGYLDIG: 'A postcode is not 4 digits.',
  POSTNUMMER_UKENDT: 'A well-formed postcode does not exist in the address register.',
  KODE_UKENDT: 'A coded value (InstType3, ejerformKode, lovgrundlagKode) is not in its code table.',
  KOORDINAT_UDEN_FOR_DANMARK: 'A coordinate is a number but lies outside Denmark.',
  ADRESSE_UKENDT: 'A well-formed address does not exist in the address register (DAR).',
  KRYDSVALIDERING: 'The combination of ejerform, lovgrundlag and InstType3 is not lawful (v2.0).',
  NUMMER_TILDELES_AF_REGISTERET: 'An Insert gave an institution number; the register issues numbers itself.',
  // Reserved for the structure and rights layer.
  FINDES_IKKE: 'The institution named by the number does not exist.',
  FORAELDER_FINDES_IKKE: 'The parent institution named does not exist.',
  FORAELDER_NEDLAGT: 'The parent institution is closed (Nedlagt).',
  HAR_AKTIVE_BOERN: 'The institution cannot be closed while it has active children (no cascading delete).',
  FLYTNING_TVAERS_AF_KOMMUNE: 'A move to a parent in another municipality is not allowed.',
  NEDLAGT_KAN_IKKE_AENDRES: 'A closed institution cannot be changed.',
  MANGLER_ANVISNINGSENHED: 'A daginstitution must have at least one anvisningsenhed.',
  INGEN_ADGANG: 'The caller may not maintain this institution.',
  SKEMA_FEJL: 'The request does not satisfy the ImportService XML schema.',
} as const;

/** One of the register's error codes. */
export type RuleErrorCode = keyof typeof RULE_ERROR_CODES;
