import type { AnvisningsEnhedInput } from '../domain/import-input.ts';
import { checkCode } from './code-table.ts';
import { validateEnhedsfelter } from './enhedsfelter.ts';
import type { ExternalChecks } from './external-checks.ts';
import { FIELD_WIDTHS } from './field-widths.ts';
import { checkInstitutionsNummer, checkOwnNummer } from './institutions-nummer.ts';
import { requireText } from './require-text.ts';
import type { RuleError } from './rule-error.ts';
import { presenceFor, type WriteMode } from './write-mode.ts';

/**
 * Validates the fields of an Insert/UpdateAnvisningsEnhed and returns every error found. Whether
 * the parent exists, and the cross-validation against it, are the write service's to check.
 */
export function validateAnvisningsEnhedFields(
  input: AnvisningsEnhedInput,
  mode: WriteMode,
  ctx: ExternalChecks,
  path = 'AnvisningsEnhed',
): RuleError[] {
  const felt = (name: keyof AnvisningsEnhedInput): string => `${path}/${name}`;
  const { EnhedsNavn, InstType3 } = input;
  return [
    ...checkOwnNummer(mode, input.EnhedsNummer, felt('EnhedsNummer')),
    // Only the shape: a unit nested in a new daginstitution has no parent number to give.
    ...checkInstitutionsNummer(input.DagInstitutionsNummer, felt('DagInstitutionsNummer')),
    ...requireText(EnhedsNavn, felt('EnhedsNavn'), FIELD_WIDTHS.EnhedsNavn, presenceFor(mode, EnhedsNavn)),
    ...checkCode('InstType3', InstType3, felt('InstType3'), presenceFor(mode, InstType3)),
    ...validateEnhedsfelter(input, mode, ctx, path),
  ];
}
