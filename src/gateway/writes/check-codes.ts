import type { RegisterReader } from '../ports/register-reader.ts';
import type { CodeCheck } from './write-spec.ts';
import type { WriteError } from './write-outcome.ts';

/**
 * Codes are the register's integers, checked against its own code tables (read through the shared
 * cache): a code it adds is accepted as soon as it serves it, with no schema change.
 */
export async function checkCodes(
  codes: Pick<RegisterReader, 'codeTable'>,
  checks: readonly CodeCheck[],
): Promise<WriteError[]> {
  const errors: WriteError[] = [];
  for (const check of checks) {
    if (check.value === null || check.value === undefined) continue;
    const table = await codes.codeTable(check.table);
    const value = check.value;
    if (table.some((row) => row.code === value)) continue;
    errors.push({
      field: `${check.record}/${check.element}`,
      code: 'KODE_UKENDT',
      message: `${check.element} ${value} findes ikke i registerets kodetabel; gyldige koder: ${table.map((row) => row.code).join(', ')}.`,
      by: 'gateway',
    });
  }
  return errors;
}
