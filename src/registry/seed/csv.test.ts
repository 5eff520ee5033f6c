import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv.ts';
import { SeedDataError } from './seed-data-error.ts';

const BOM = '\uFEFF';
const COLUMNS = ['nummer', 'navn', 'geoBredde'] as const;

describe('parseCsv', () => {
  it('strips the BOM, so the first column keeps its name', () => {
    const rows = parseCsv(`${BOM}nummer;navn;geoBredde\r\nG10662;Højvang;56,2\r\n`, 'x.csv', COLUMNS);
    expect(rows).toEqual([
      { file: 'x.csv', line: 2, values: { nummer: 'G10662', navn: 'Højvang', geoBredde: '56,2' } },
    ]);
  });

  it('reads a file without BOM and with LF line ends too', () => {
    const rows = parseCsv('nummer;navn;geoBredde\nA;B;\nC;D;1.5\n', 'x.csv', COLUMNS);
    expect(rows.map((r) => [r.line, r.values.nummer, r.values.geoBredde])).toEqual([
      [2, 'A', ''],
      [3, 'C', '1.5'],
    ]);
  });

  it('unquotes quoted fields with ; and ""', () => {
    const [row] = parseCsv(
      `${BOM}nummer;navn;geoBredde\r\nG1;"Børnehuset ""De fire Årstider""; Ry";\r\n`,
      'x.csv',
      COLUMNS,
    );
    expect(row?.values.navn).toBe('Børnehuset "De fire Årstider"; Ry');
  });

  it('rejects a header that is not exactly the expected columns', () => {
    expect(() => parseCsv(`${BOM}nummer;geoBredde;navn\r\n`, 'x.csv', COLUMNS)).toThrow(
      /x\.csv line 1: header is "nummer;geoBredde;navn", expected "nummer;navn;geoBredde"/,
    );
    expect(() => parseCsv('', 'x.csv', COLUMNS)).toThrow(SeedDataError);
  });

  it('names the file and line of a row with the wrong number of fields', () => {
    expect(() => parseCsv('nummer;navn;geoBredde\r\nA;B;C\r\nD;E\r\n', 'x.csv', COLUMNS)).toThrow(
      /x\.csv line 3/,
    );
  });
});

describe('formatCsv', () => {
  it('writes BOM, ; and CRLF, quoting only where needed', () => {
    const text = formatCsv(COLUMNS, [
      ['G1', 'Kvl`s Børnehus', '55,1'],
      ['G2', 'Børnehuset "De fire Årstider"', ''],
      ['G3', 'a;b', '12,5'],
    ]);
    expect(text).toBe(
      `${BOM}nummer;navn;geoBredde\r\nG1;Kvl\`s Børnehus;55,1\r\nG2;"Børnehuset ""De fire Årstider""";\r\nG3;"a;b";12,5\r\n`,
    );
    expect(parseCsv(text, 'x.csv', COLUMNS).map((r) => r.values.navn)).toEqual([
      'Kvl`s Børnehus',
      'Børnehuset "De fire Årstider"',
      'a;b',
    ]);
  });

  it('refuses line breaks in values and rows of the wrong width', () => {
    expect(() => formatCsv(COLUMNS, [['G1', 'a\nb', '']])).toThrow(/line break/);
    expect(() => formatCsv(COLUMNS, [['G1', 'a']])).toThrow(/2 values for 3 columns/);
  });
});
