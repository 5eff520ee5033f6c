import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALTERNATIVADRESSE_COLUMNS,
  ANVISNINGSENHED_COLUMNS,
  DAGINSTITUTION_COLUMNS,
  REGISTER_FILES,
} from './columns.ts';
import { formatCsv } from './csv.ts';
import { loadRegisterData } from './load-register.ts';
import { HOEJVANG_ADRESSE } from './test-records.ts';

describe('loadRegisterData on the committed data', () => {
  const register = loadRegisterData();
  const unit = (nummer: string) =>
    register.anvisningsenheder.find((a) => a.anvisningsenhedsNummer === nummer);

  it('loads all three levels', () => {
    expect(register.anvisningsenheder.filter((a) => a.aktivitetsstatus === 'Aktiv')).toHaveLength(4810);
    expect(register.anvisningsenheder.filter((a) => a.aktivitetsstatus === 'Nedlagt')).toHaveLength(7);
    expect(register.daginstitutioner.length).toBeGreaterThan(1000);
    expect(register.alternativAdresser.length).toBeGreaterThan(100);
  });

  it('keeps the real values and edge cases', () => {
    expect(unit('G10662')).toMatchObject({
      enhedsNavn: 'Den Private Børnehave Højvang',
      cvrNummer: '33178522',
      adresse: HOEJVANG_ADRESSE,
    });
    expect(unit('D10041')?.enhedsNavn).toBe('Bryggehuset');
    const bornholm = register.anvisningsenheder.filter((a) => a.adresse.kommuneKode === 400);
    expect(Math.max(...bornholm.map((a) => a.adresse.geoLaengde ?? 0))).toBeCloseTo(15.1, 1);
    const soevej = register.anvisningsenheder.filter(
      (a) => a.adresse.vejNavn === 'Søvej' && a.adresse.husNummer === '1' && a.adresse.postNummer === '8600',
    );
    expect(soevej).toHaveLength(25);
    expect(new Set(soevej.map((a) => a.pNummer)).size).toBe(1);
  });

  it('seeds every record with change sequence 0', () => {
    const all = [...register.daginstitutioner, ...register.anvisningsenheder, ...register.alternativAdresser];
    expect(all.every((r) => r.aendringsSekvens === 0)).toBe(true);
  });
});

describe('loadRegisterData checks across rows', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const T = '2026-03-27T00:00:00+01:00';
  const parentRow = (nummer: string, status = 'Aktiv') => [
    nummer,
    'Dagtilbud Fredensborg',
    status,
    '1',
    'Kommunal',
    '1',
    'x',
    '210',
    'Fredensborg',
    T,
    status === 'Nedlagt' ? T : '',
  ];
  const unitRow = (nummer: string, parent: string, ejerform = '1', status = 'Aktiv') => [
    nummer,
    parent,
    'Blomsterengen',
    status,
    '6012',
    'x',
    ejerform,
    'x',
    '210',
    'Fredensborg',
    '29188335',
    '1234567890',
    'Broengen',
    '1',
    '',
    '',
    '2980',
    'Kokkedal',
    '',
    '55,90882431',
    '12.4956313',
    '',
    '',
    '',
    T,
    status === 'Nedlagt' ? T : '',
  ];
  const altRow = (nummer: string, unit: string) => [
    nummer,
    unit,
    'Udflytteren',
    'Aktiv',
    '210',
    'Fredensborg',
    '',
    '',
    'Slotsgade',
    '20',
    '',
    '',
    '3480',
    'Fredensborg',
    '',
    '',
    '',
    '',
    '',
    '',
    T,
    '',
  ];

  function write(parents: string[][], units: string[][], alts: string[][] = []): string {
    dir = mkdtempSync(join(tmpdir(), 'seed-'));
    writeFileSync(join(dir, REGISTER_FILES.daginstitution), formatCsv(DAGINSTITUTION_COLUMNS, parents));
    writeFileSync(join(dir, REGISTER_FILES.anvisningsenhed), formatCsv(ANVISNINGSENHED_COLUMNS, units));
    writeFileSync(join(dir, REGISTER_FILES.alternativadresse), formatCsv(ALTERNATIVADRESSE_COLUMNS, alts));
    return dir;
  }

  it('loads a small consistent register, comma and dot coordinates alike', () => {
    const register = loadRegisterData(
      write([parentRow('G90001')], [unitRow('G18063', 'G90001')], [altRow('G90002', 'G18063')]),
    );
    expect(register.anvisningsenheder[0]?.adresse).toMatchObject({
      geoBredde: 55.90882431,
      geoLaengde: 12.4956313,
    });
    expect(register.alternativAdresser[0]?.anvisningsenhedsNummer).toBe('G18063');
  });

  it.each([
    [
      'a missing parent',
      [parentRow('G90001')],
      [unitRow('G18063', 'G90009')],
      [],
      /anvisningsenhed\.csv line 2, column daginstitutionsNummer: no daginstitution G90009/,
    ],
    [
      'a number used twice',
      [parentRow('G90001')],
      [unitRow('G90001', 'G90001')],
      [],
      /line 2, column anvisningsenhedsNummer: number G90001 is used twice/,
    ],
    [
      "an ejerform other than the parent's",
      [parentRow('G90001')],
      [unitRow('G18063', 'G90001', '2')],
      [],
      /column ejerformKode: differs/,
    ],
    [
      'an active unit under a closed parent',
      [parentRow('G90001', 'Nedlagt')],
      [unitRow('G18063', 'G90001')],
      [],
      /active under the closed daginstitution/,
    ],
    [
      'a missing unit',
      [parentRow('G90001')],
      [unitRow('G18063', 'G90001')],
      [altRow('G90002', 'G18064')],
      /alternativadresse\.csv line 2, column anvisningsenhedsNummer: no anvisningsenhed G18064/,
    ],
  ])('rejects %s', (_, parents, units, alts, message) => {
    expect(() => loadRegisterData(write(parents, units, alts))).toThrow(message);
  });
});
