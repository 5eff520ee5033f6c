import { describe, expect, it } from 'vitest';
import type { AlternativAdresse, AnvisningsEnhed, Daginstitution } from '../domain/model.ts';
import { ALTERNATIVADRESSE_COLUMNS, ANVISNINGSENHED_COLUMNS, DAGINSTITUTION_COLUMNS } from './columns.ts';
import type { CsvRow } from './csv.ts';
import { formatAlternativAdresse, formatAnvisningsEnhed, formatDaginstitution } from './format-records.ts';
import { parseAlternativAdresse, parseAnvisningsEnhed, parseDaginstitution } from './parse-records.ts';
import { EGAA_ADRESSE } from './test-records.ts';

function csvRow<C extends string>(columns: readonly C[], values: readonly string[], line = 7): CsvRow<C> {
  const record = {} as Record<C, string>;
  columns.forEach((column, i) => {
    record[column] = values[i] ?? '';
  });
  return { file: 'test.csv', line, values: record };
}

const parent: Daginstitution = {
  daginstitutionsNummer: 'G30306',
  daginstitutionsNavn: 'Den Private Børnehave Højvang',
  ejerformKode: 3,
  lovgrundlagKode: 4,
  admKommuneKode: 751,
  aktivitetsstatus: 'Aktiv',
  oprettetTidspunkt: '2026-03-27T00:00:00+01:00',
  aendretTidspunkt: null,
  nedlagtTidspunkt: null,
  aendringsSekvens: 0,
};

const unit: AnvisningsEnhed = {
  anvisningsenhedsNummer: 'G10662',
  daginstitutionsNummer: 'G30306',
  enhedsNavn: 'Den Private Børnehave Højvang',
  instType3: 6012,
  adresse: { ...EGAA_ADRESSE, geoBredde: 56.23123758, geoLaengde: 10.29977301 },
  email: null,
  telefonNummer: null,
  cvrNummer: '33178522',
  pNummer: '8947664198',
  aktivitetsstatus: 'Aktiv',
  oprettetTidspunkt: '2026-03-27T00:00:00+01:00',
  aendretTidspunkt: null,
  nedlagtTidspunkt: null,
  aendringsSekvens: 0,
};

const adresse: AlternativAdresse = {
  alternativAdresseNummer: 'G30505',
  anvisningsenhedsNummer: 'G23042',
  navn: 'Børnehuset Nansensgade',
  adresse: {
    ...unit.adresse,
    vejNavn: 'Peter Lieps Vej',
    husNummer: '1A',
    etage: 'st',
    doer: 'th',
    postNummer: '2930',
    byNavn: 'Klampenborg',
    kommuneKode: 157,
    dawaId: '8b6780db-fc18-45c6-84bf-49ec2075761a',
  },
  email: 'kontakt@example.dk',
  telefonNummer: '+45 12345678',
  cvrNummer: '64942212',
  pNummer: '2072935040',
  aktivitetsstatus: 'Nedlagt',
  oprettetTidspunkt: '2026-03-27T00:00:00+01:00',
  aendretTidspunkt: null,
  nedlagtTidspunkt: '2026-04-04T00:00:00+02:00',
  aendringsSekvens: 0,
};

const unitRow = (change: Partial<Record<(typeof ANVISNINGSENHED_COLUMNS)[number], string>> = {}) => {
  const row = csvRow(ANVISNINGSENHED_COLUMNS, formatAnvisningsEnhed(unit, 3));
  return { ...row, values: { ...row.values, ...change } };
};

describe('parse-records', () => {
  it('reads back what format-records writes, on all three levels', () => {
    expect(parseDaginstitution(csvRow(DAGINSTITUTION_COLUMNS, formatDaginstitution(parent)))).toEqual(parent);
    expect(parseAnvisningsEnhed(unitRow())).toEqual(unit);
    expect(
      parseAlternativAdresse(csvRow(ALTERNATIVADRESSE_COLUMNS, formatAlternativAdresse(adresse))),
    ).toEqual(adresse);
  });

  it('writes coordinates with a decimal comma and accepts a dot', () => {
    expect(unitRow().values.geoBredde).toBe('56,23123758');
    const parsed = parseAnvisningsEnhed(unitRow({ geoBredde: '56.23123758', geoLaengde: '10.29977301' }));
    expect(parsed.adresse).toEqual(unit.adresse);
  });

  it('reads empty fields as no value', () => {
    const parsed = parseAnvisningsEnhed(
      unitRow({ geoBredde: '', geoLaengde: '', cvrNummer: '', pNummer: '' }),
    );
    expect([parsed.adresse.geoBredde, parsed.adresse.geoLaengde, parsed.cvrNummer, parsed.pNummer]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('ignores the _Tekst columns: a code text comes from the code tables', () => {
    expect(parseAnvisningsEnhed(unitRow({ instType3_Tekst: 'anything' })).instType3).toBe(6012);
  });

  it.each([
    [{ postNummer: '825' }, 'postNummer', 'expected 4 digits'],
    [{ instType3: '6099' }, 'instType3', '6099 is not a code in InstType3'],
    [{ kommuneKode: '0751' }, 'kommuneKode', 'an unpadded integer code'],
    [{ kommuneKode: '411' }, 'kommuneKode', '411 is not a code in kommuneKode'],
    [{ geoBredde: '56,2.1' }, 'geoBredde', 'expected a decimal number'],
    [{ geoLaengde: '' }, 'geoLaengde', 'both be given'],
    [{ pNummer: '894766419' }, 'pNummer', 'expected 10 digits'],
    [{ cvrNummer: '' }, 'cvrNummer', 'must carry the CVR-number'],
    [{ anvisningsenhedsNummer: 'G1066' }, 'anvisningsenhedsNummer', 'a letter and 5 digits'],
    [{ dagtilbudsNavn: '' }, 'dagtilbudsNavn', 'a value is required'],
    [{ dagtilbudsNavn: 'x'.repeat(133) }, 'dagtilbudsNavn', 'longer than 132'],
    [{ aktivitetsstatus: 'aktiv' }, 'aktivitetsstatus', 'expected Aktiv or Nedlagt'],
    [{ aktivitetsstatus: 'Nedlagt' }, 'nedlagtTidspunkt', 'exactly when aktivitetsstatus is Nedlagt'],
    [{ oprettetTidspunkt: '2026-03-27' }, 'oprettetTidspunkt', 'ISO 8601 timestamp with offset'],
    [{ dawaId: 'not-a-uuid' }, 'dawaId', 'a UUID'],
  ])('rejects %o, naming file, line and column', (change, column, problem) => {
    expect(() => parseAnvisningsEnhed(unitRow(change))).toThrow(`test.csv line 7, column ${column}: `);
    expect(() => parseAnvisningsEnhed(unitRow(change))).toThrow(problem);
  });
});
