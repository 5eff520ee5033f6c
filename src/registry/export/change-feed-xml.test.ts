import { describe, expect, it } from 'vitest';
import type { AnvisningsEnhed } from '../domain/model.ts';
import { aendringstypeOf, changePageToXml } from './change-feed-xml.ts';

const enhed: AnvisningsEnhed = {
  anvisningsenhedsNummer: 'G30676',
  daginstitutionsNummer: 'G30675',
  enhedsNavn: 'Æblehaven',
  instType3: 6012,
  adresse: {
    vejNavn: 'Tyborøn Allé',
    husNummer: '47',
    etage: null,
    doer: null,
    postNummer: '2720',
    byNavn: 'Vanløse',
    supplerendeBynavn: null,
    kommuneKode: 101,
    geoBredde: null,
    geoLaengde: null,
    dawaId: null,
  },
  email: null,
  telefonNummer: null,
  cvrNummer: '64942212',
  pNummer: '4774805696',
  aktivitetsstatus: 'Nedlagt',
  oprettetTidspunkt: '2026-12-01T10:00:00.000Z',
  aendretTidspunkt: '2026-12-01T10:05:00.000Z',
  nedlagtTidspunkt: '2026-12-01T10:05:00.000Z',
  aendringsSekvens: 9,
};

describe('the change feed as XML', () => {
  it('names the kind of change by the verb of the operation that made it', () => {
    expect(
      ['InsertDaginstitution', 'UpdateAnvisningsEnhed', 'MoveAlternativAdresse', 'DeleteAnvisningsEnhed'].map(
        aendringstypeOf,
      ),
    ).toEqual(['Oprettet', 'Aendret', 'Flyttet', 'Nedlagt']);
    expect(() => aendringstypeOf('ValidateXmlAgainstSchema')).toThrow(/unknown operation/);
  });

  it('writes each change in the XSD order, with the record under its level, as it is now', () => {
    const xml = changePageToXml({
      latestSequence: 9,
      changes: [
        {
          sekvens: 7,
          niveau: 'anvisningsenhed',
          nummer: 'G30676',
          operation: 'InsertDaginstitution',
          identitet: 'admin',
          tidspunkt: '2026-12-01T10:00:00.000Z',
          current: { niveau: 'anvisningsenhed', record: enhed },
        },
      ],
    });
    expect(Object.keys(xml)).toEqual(['senesteSekvens', 'Aendringer']);
    const [entry] = (xml.Aendringer as { Aendring: Record<string, unknown>[] }).Aendring;
    expect(Object.keys(entry ?? {})).toEqual([
      'aendringsSekvens',
      'aendringsType',
      'tidspunkt',
      'niveau',
      'nummer',
      'AnvisningsEnhed',
    ]);
    expect(entry).toMatchObject({
      aendringsSekvens: 7,
      aendringsType: 'Oprettet',
      niveau: 'AnvisningsEnhed',
    });
    // Who made the change stays in the register's log: the feed is read by every reader.
    expect(JSON.stringify(entry)).not.toContain('admin');
    const record = entry?.AnvisningsEnhed as Record<string, unknown>;
    expect(Object.keys(record).slice(-5)).toEqual([
      'aktivitetsstatus',
      'oprettetTidspunkt',
      'aendretTidspunkt',
      'nedlagtTidspunkt',
      'aendringsSekvens',
    ]);
  });
});
