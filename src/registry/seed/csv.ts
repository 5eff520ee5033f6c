import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { SeedDataError } from './seed-data-error.ts';
import { CsvFormatError } from './csv-format-error.ts';

/** One data row of a CSV file, by column name, with where it came from. */
export interface CsvRow<C extends string = string> {
  file: string;
  /** The 1-based line the row ends on (the header is line 1). */
  line: number;
  values: Record<C, string>;
}

/**
 * Parses the register's CSV format (`;`, optional UTF-8 BOM, CRLF or LF) and checks that the
 * header is exactly `columns`, in order, so that a renamed or moved column fails loudly.
 */
export function parseCsv<C extends string>(text: string, file: string, columns: readonly C[]): CsvRow<C>[] {
  const lines: number[] = [];
  let table: string[][];
  try {
    table = parse(text, {
      delimiter: ';',
      bom: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 0;
    throw new SeedDataError(file, line, null, `not valid CSV (${String(error)})`);
  }
  const [header, ...body] = table;
  if (header === undefined)
    throw new SeedDataError(file, 1, null, 'the file is empty, a header row was expected');
  const expected = columns.join(';');
  if (header.join(';') !== expected) {
    throw new SeedDataError(file, 1, null, `header is "${header.join(';')}", expected "${expected}"`);
  }
  return body.map((fields, index) => {
    const values = {} as Record<C, string>;
    columns.forEach((column, i) => {
      values[column] = fields[i] ?? '';
    });
    return { file, line: lines[index + 1] ?? 0, values };
  });
}

/** Reads one CSV file of the register format from disk (see `parseCsv`). */
export function readCsvFile<C extends string>(path: string, columns: readonly C[]): CsvRow<C>[] {
  return parseCsv(readFileSync(path, 'utf8'), basename(path), columns);
}

/**
 * Writes the register's CSV format: `;`, UTF-8 BOM, CRLF, quoted only where needed. Values may not
 * hold line breaks: csv-stringify leaves a lone `\n` unquoted when records end in CRLF.
 */
export function formatCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new CsvFormatError(
        `row has ${row.length} values for ${columns.length} columns: ${row.join(';')}`,
      );
    }
    const broken = row.find((value) => /[\r\n]/.test(value));
    if (broken !== undefined)
      throw new CsvFormatError(`a CSV value may not contain a line break: ${JSON.stringify(broken)}`);
  }
  return stringify([[...columns], ...rows.map((row) => [...row])], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
  });
}
