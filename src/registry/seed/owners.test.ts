import { describe, expect, it } from 'vitest';
import type { AnvisningsEnhed, Daginstitution, DagtilbudsRegister } from '../domain/model.ts';
import { withOwners } from './owners.ts';
import { EGAA_ADRESSE } from './test-records.ts';

const life = {
  aktivitetsstatus: 'Aktiv',
  oprettetTidspunkt: '2026-03-27T00:00:00+01:00',
  aendretTidspunkt: null,
  nedlagtTidspunkt: null,
  aendringsSekvens: 0,
} as const;
const parent = (nummer: string): Daginstitution => ({
  daginstitutionsNummer: nummer,
  daginstitutionsNavn: nummer,
  ejerformKode: 3,
  lovgrundlagKode: 4,
  admKommuneKode: 751,
  ...life,
});
const unit = (nummer: string, parentNummer: string, cvrNummer: string | null): AnvisningsEnhed => ({
  anvisningsenhedsNummer: nummer,
  daginstitutionsNummer: parentNummer,
  enhedsNavn: nummer,
  instType3: 6012,
  adresse: EGAA_ADRESSE,
  email: null,
  telefonNummer: null,
  cvrNummer,
  pNummer: null,
  ...life,
});
const register = (
  daginstitutioner: Daginstitution[],
  anvisningsenheder: AnvisningsEnhed[],
): DagtilbudsRegister => ({
  daginstitutioner,
  anvisningsenheder,
  alternativAdresser: [],
});

describe('withOwners', () => {
  it('records the one CVR a seeded daginstitution’s units carry, and none when they carry none', () => {
    const owned = withOwners(
      register(
        [parent('G00001'), parent('G00002'), parent('G00003')],
        [
          unit('G00011', 'G00001', '33178522'),
          unit('G00012', 'G00001', null),
          unit('G00013', 'G00001', '33178522'),
          unit('G00021', 'G00002', null),
        ],
      ),
    );
    expect(owned.map((d) => [d.daginstitutionsNummer, d.ejerCvrNummer])).toEqual([
      ['G00001', '33178522'],
      ['G00002', null],
      ['G00003', null],
    ]);
  });

  it('refuses units that disagree rather than pick an owner', () => {
    expect(() =>
      withOwners(
        register(
          [parent('G00001')],
          [unit('G00011', 'G00001', '33178522'), unit('G00012', 'G00001', '25330390')],
        ),
      ),
    ).toThrow(/G00001: its units carry CVR numbers 33178522, 25330390/);
  });
});
