import type { RuleErrorCode } from './error-codes.ts';

/** One validation error, as an `ImportSvarXML` answer lists it (contract §3). */
export interface RuleError {
  /** The XML path of the field as the client sent it, e.g. `AnvisningsEnhed/Adresse/postNummer`. */
  felt: string;
  kode: RuleErrorCode;
  /** A Danish message that names the field, says what was wrong and what is expected. */
  tekst: string;
}
