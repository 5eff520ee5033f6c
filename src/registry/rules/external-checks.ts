import type { AdresseInput } from '../domain/import-input.ts';

/**
 * The checks that need an external register (contract §7): DAR for postcodes and addresses, CVR
 * for P-numbers. Adapters supply them, with an embedded offline default; the rules stay pure.
 * They are called only with well-formed, trimmed values.
 */
export interface ExternalChecks {
  /** Whether DAR knows the 4-digit postcode. */
  isKnownPostNummer: (postNummer: string) => boolean;
  /** Whether CVR knows the 10-digit P-number as an active production unit. */
  isActivePNummer: (pNummer: string) => boolean;
  /** Whether DAR knows the address; only the fields that carry text are passed. */
  addressExists: (adresse: AdresseInput) => boolean;
}
