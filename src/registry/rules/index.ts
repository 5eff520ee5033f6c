/**
 * The register's field-level validation rules for ImportService writes. Every rule is pure and
 * returns all the errors it finds, so that a write can report them together.
 */
export { RULE_ERROR_CODES, type RuleErrorCode } from './error-codes.ts';
export type { RuleError } from './rule-error.ts';
export type { ExternalChecks } from './external-checks.ts';
export { presenceFor, type WriteMode } from './write-mode.ts';
export { FIELD_WIDTHS } from './field-widths.ts';

export { hasText, MANDATORY, OPTIONAL, requireText, textLength, type Presence } from './require-text.ts';
export { checkCvrNummer, isValidCvrNummer } from './cvr-nummer.ts';
export { checkActivePNummer, checkPNummer } from './p-nummer.ts';
export { checkEmail } from './email.ts';
export { checkTelefonNummer } from './telefon-nummer.ts';
export { checkKommuneKode, parseKommuneKode } from './kommune-kode.ts';
export { checkPostNummer } from './post-nummer.ts';
export { checkCode, parseCode } from './code-table.ts';
export { checkCoordinates, DENMARK_BOUNDS, parseCoordinate, type CoordinatesInput } from './coordinates.ts';
export { checkHusNummer } from './hus-nummer.ts';
export { checkDawaId } from './dawa-id.ts';
export { checkInstitutionsNummer, checkNummerNotGiven, checkOwnNummer } from './institutions-nummer.ts';

export { CROSS_VALIDATION_MATRIX, type LovgrundlagRegel } from './cross-validation-matrix.ts';
export {
  checkCrossValidation,
  lawfulLovgrundlag,
  type CrossValidationFelter,
  type CrossValidationInput,
} from './cross-validation.ts';

export { validateAdresseFields } from './adresse-fields.ts';
export { validateEnhedsfelter, type EnhedsfelterInput } from './enhedsfelter.ts';
export { validateDaginstitutionFields } from './daginstitution-fields.ts';
export { validateAnvisningsEnhedFields } from './anvisningsenhed-fields.ts';
export { validateAlternativAdresseFields } from './alternativ-adresse-fields.ts';
