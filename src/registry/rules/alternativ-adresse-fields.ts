import type { AlternativAdresseInput } from '../domain/import-input.ts';
import { validateEnhedsfelter } from './enhedsfelter.ts';
import type { ExternalChecks } from './external-checks.ts';
import { FIELD_WIDTHS } from './field-widths.ts';
import { checkInstitutionsNummer, checkOwnNummer } from './institutions-nummer.ts';
import { requireText } from './require-text.ts';
import type { RuleError } from './rule-error.ts';
import { presenceFor, type WriteMode } from './write-mode.ts';

/**
 * Validates the fields of an Insert/UpdateAlternativAdresse and returns every error found. Whether
 * the parent unit exists is the write service's to check.
 */
export function validateAlternativAdresseFields(
  input: AlternativAdresseInput,
  mode: WriteMode,
  ctx: ExternalChecks,
  path = 'AlternativAdresse',
): RuleError[] {
  const felt = (name: keyof AlternativAdresseInput): string => `${path}/${name}`;
  return [
    ...checkOwnNummer(mode, input.AlternativAdresseNummer, felt('AlternativAdresseNummer')),
    // Here `EnhedsNummer` names the parent unit; only its shape is a field rule.
    ...checkInstitutionsNummer(input.EnhedsNummer, felt('EnhedsNummer')),
    ...requireText(input.Navn, felt('Navn'), FIELD_WIDTHS.Navn, presenceFor(mode, input.Navn)),
    ...validateEnhedsfelter(input, mode, ctx, path),
  ];
}
