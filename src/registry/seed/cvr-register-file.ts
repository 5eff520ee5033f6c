import { join } from 'node:path';
import { CVR_PRODUKTIONSENHED_COLUMNS, REGISTER_FILES } from './columns.ts';
import { readCsvFile } from './csv.ts';
import { DEFAULT_DATA_DIR } from './data-dir.ts';
import { SeedDataError } from './seed-data-error.ts';
import type { Produktionsenhed } from '../external/cvr-register.ts';

/**
 * Reads `cvr-produktionsenheder.csv`, the invented stand-in for the CVR register's P-units that the
 * embedded CVR adapter answers from, keyed by P-number (the file always knows a P-unit's CVR).
 */
export function loadProduktionsenheder(
  dir: string = DEFAULT_DATA_DIR,
): Map<string, Produktionsenhed & { cvrNummer: string }> {
  const rows = readCsvFile(join(dir, REGISTER_FILES.cvrProduktionsenheder), CVR_PRODUKTIONSENHED_COLUMNS);
  const units = new Map<string, Produktionsenhed & { cvrNummer: string }>();
  for (const { file, line, values } of rows) {
    const fail = (column: string, problem: string): SeedDataError =>
      new SeedDataError(file, line, column, problem);
    if (!/^\d{10}$/.test(values.pNummer))
      throw fail('pNummer', `expected 10 digits, got "${values.pNummer}"`);
    if (!/^\d{8}$/.test(values.cvrNummer))
      throw fail('cvrNummer', `expected 8 digits, got "${values.cvrNummer}"`);
    if (values.status !== 'aktiv' && values.status !== 'ophoert') {
      throw fail('status', `expected aktiv or ophoert, got "${values.status}"`);
    }
    if (units.has(values.pNummer)) throw fail('pNummer', `P-number ${values.pNummer} is listed twice`);
    units.set(values.pNummer, { cvrNummer: values.cvrNummer, aktiv: values.status === 'aktiv' });
  }
  return units;
}
