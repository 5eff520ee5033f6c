import type { DaginstitutionInput } from '../domain/import-input.ts';
import { checkCode } from './code-table.ts';
import { FIELD_WIDTHS } from './field-widths.ts';
import { checkOwnNummer } from './institutions-nummer.ts';
import { checkKommuneKode } from './kommune-kode.ts';
import { requireText } from './require-text.ts';
import type { RuleError } from './rule-error.ts';
import { presenceFor, type WriteMode } from './write-mode.ts';

/**
 * Validates the fields of an Insert/UpdateDaginstitution and returns every error found. The
 * cross-validation is not run here: it needs the stored record and the units, which the write service has.
 */
export function validateDaginstitutionFields(
  input: DaginstitutionInput,
  mode: WriteMode,
  path = 'Daginstitution',
): RuleError[] {
  const felt = (name: keyof DaginstitutionInput): string => `${path}/${name}`;
  const { daginstitutionsNavn, ejerformKode, lovgrundlagKode, admKommuneKode } = input;
  return [
    ...checkOwnNummer(mode, input.daginstitutionsNummer, felt('daginstitutionsNummer')),
    ...requireText(
      daginstitutionsNavn,
      felt('daginstitutionsNavn'),
      FIELD_WIDTHS.daginstitutionsNavn,
      presenceFor(mode, daginstitutionsNavn),
    ),
    ...checkCode('ejerformKode', ejerformKode, felt('ejerformKode'), presenceFor(mode, ejerformKode)),
    ...checkCode(
      'lovgrundlagKode',
      lovgrundlagKode,
      felt('lovgrundlagKode'),
      presenceFor(mode, lovgrundlagKode),
    ),
    ...checkKommuneKode(admKommuneKode, felt('admKommuneKode'), presenceFor(mode, admKommuneKode)),
  ];
}
