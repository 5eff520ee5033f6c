import { join } from 'node:path';
import type { DagtilbudsRegister } from '../domain/model.ts';
import {
  ALTERNATIVADRESSE_COLUMNS,
  ANVISNINGSENHED_COLUMNS,
  DAGINSTITUTION_COLUMNS,
  REGISTER_FILES,
} from './columns.ts';
import { readCsvFile } from './csv.ts';
import { DEFAULT_DATA_DIR } from './data-dir.ts';
import { parseAlternativAdresse, parseAnvisningsEnhed, parseDaginstitution } from './parse-records.ts';
import { SeedDataError } from './seed-data-error.ts';

/**
 * Reads and validates the three register files of `dir`: every row, plus what spans rows — one
 * number space for all levels, parents that exist, the unit's ejerform equal to its parent's, and
 * no active child under a closed parent (children are closed first, registry-contract.md §7).
 */
export function loadRegisterData(dir: string = DEFAULT_DATA_DIR): DagtilbudsRegister {
  const daginstitutionRows = readCsvFile(join(dir, REGISTER_FILES.daginstitution), DAGINSTITUTION_COLUMNS);
  const enhedRows = readCsvFile(join(dir, REGISTER_FILES.anvisningsenhed), ANVISNINGSENHED_COLUMNS);
  const adresseRows = readCsvFile(join(dir, REGISTER_FILES.alternativadresse), ALTERNATIVADRESSE_COLUMNS);

  const numbers = new Set<string>();
  const claim = (nummer: string, file: string, line: number, column: string): void => {
    if (numbers.has(nummer)) throw new SeedDataError(file, line, column, `number ${nummer} is used twice`);
    numbers.add(nummer);
  };

  const daginstitutioner = daginstitutionRows.map((row) => {
    const record = parseDaginstitution(row);
    claim(record.daginstitutionsNummer, row.file, row.line, 'daginstitutionsNummer');
    return record;
  });
  const parents = new Map(daginstitutioner.map((d) => [d.daginstitutionsNummer, d]));

  const anvisningsenheder = enhedRows.map((row) => {
    const record = parseAnvisningsEnhed(row);
    claim(record.anvisningsenhedsNummer, row.file, row.line, 'anvisningsenhedsNummer');
    const parent = parents.get(record.daginstitutionsNummer);
    const fail = (column: string, problem: string): SeedDataError =>
      new SeedDataError(row.file, row.line, column, problem);
    if (parent === undefined) {
      throw fail('daginstitutionsNummer', `no daginstitution ${record.daginstitutionsNummer}`);
    }
    if (row.values.ejerformKode !== String(parent.ejerformKode)) {
      throw fail('ejerformKode', `differs from its daginstitution's (${parent.ejerformKode})`);
    }
    if (parent.aktivitetsstatus === 'Nedlagt' && record.aktivitetsstatus === 'Aktiv') {
      throw fail(
        'aktivitetsstatus',
        `active under the closed daginstitution ${parent.daginstitutionsNummer}`,
      );
    }
    return record;
  });
  const units = new Map(anvisningsenheder.map((a) => [a.anvisningsenhedsNummer, a]));

  const alternativAdresser = adresseRows.map((row) => {
    const record = parseAlternativAdresse(row);
    claim(record.alternativAdresseNummer, row.file, row.line, 'alternativAdresseNummer');
    const unit = units.get(record.anvisningsenhedsNummer);
    if (unit === undefined) {
      throw new SeedDataError(
        row.file,
        row.line,
        'anvisningsenhedsNummer',
        `no anvisningsenhed ${record.anvisningsenhedsNummer}`,
      );
    }
    if (unit.aktivitetsstatus === 'Nedlagt' && record.aktivitetsstatus === 'Aktiv') {
      throw new SeedDataError(
        row.file,
        row.line,
        'aktivitetsstatus',
        `active under the closed anvisningsenhed ${unit.anvisningsenhedsNummer}`,
      );
    }
    return record;
  });

  return { daginstitutioner, anvisningsenheder, alternativAdresser };
}
