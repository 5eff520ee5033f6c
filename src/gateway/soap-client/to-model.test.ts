import { describe, expect, it } from 'vitest';
import { toAssignmentUnits, toCodes, toDaycareInstitutions, toRegisterSlice } from './to-model.ts';
import { UnexpectedAnswerError } from './unexpected-answer.ts';

// As node-soap parses a real answer (GetAnvisningsEnhederByNummer G13047, a closed unit).
const closedUnit = {
  EnhedsNummer: 'G13047',
  DagInstitutionsNummer: 'G29837',
  EnhedsNavn: 'Rudolf Steiner Turmalin',
  InstType3: 6012,
  InstType3_Tekst: 'Aldersintegreret institution (0-5 år)',
  Adresse: {
    vejNavn: 'Hårbøllevej',
    husNummer: '57',
    postNummer: '4792',
    byNavn: 'Askeby',
    kommuneKode: 390,
    kommuneKode_Tekst: 'Vordingborg',
  },
  CVRNummer: '34568065',
  PNummer: '5806418977',
  aktivitetsstatus: 'Nedlagt',
  oprettetTidspunkt: new Date('2026-03-27T00:00:00+01:00'),
  nedlagtTidspunkt: new Date('2026-04-04T00:00:00+02:00'),
  aendringsSekvens: 0,
};

describe('toAssignmentUnits', () => {
  it('maps a unit, its codes, status and dates (in UTC)', () => {
    const [unit] = toAssignmentUnits({ anvisningsenhed: [closedUnit] });
    expect(unit).toEqual({
      kind: 'AssignmentUnit',
      number: 'G13047',
      daycareInstitutionNumber: 'G29837',
      name: 'Rudolf Steiner Turmalin',
      institutionType: { code: 6012, text: 'Aldersintegreret institution (0-5 år)' },
      address: {
        street: 'Hårbøllevej',
        houseNumber: '57',
        floor: null,
        door: null,
        postalCode: '4792',
        city: 'Askeby',
        supplementaryCity: null,
        municipality: { code: 390, name: 'Vordingborg' },
        location: null,
        darAddressId: null,
      },
      email: null,
      phone: null,
      cvrNumber: '34568065',
      pNumber: '5806418977',
      status: 'CLOSED',
      createdAt: '2026-03-26T23:00:00.000Z',
      closedAt: '2026-04-03T22:00:00.000Z',
      updatedAt: null,
      changeSequence: 0,
    });
  });

  it('normalises one element given as an object, and empty lists in every shape', () => {
    expect(toAssignmentUnits({ anvisningsenhed: closedUnit })).toHaveLength(1);
    expect(toAssignmentUnits(undefined)).toEqual([]);
    expect(toAssignmentUnits('')).toEqual([]);
    expect(toAssignmentUnits({})).toEqual([]);
  });

  it('reads coordinates as numbers, from numbers or text', () => {
    const located = {
      ...closedUnit,
      Adresse: { ...closedUnit.Adresse, geoBredde: '55.1', geoLaengde: 12.5 },
    };
    expect(toAssignmentUnits({ anvisningsenhed: located })[0]?.address.location).toEqual({
      latitude: 55.1,
      longitude: 12.5,
    });
  });

  it('refuses an answer outside the contract', () => {
    expect(() =>
      toAssignmentUnits({ anvisningsenhed: { ...closedUnit, aktivitetsstatus: 'Lukket' } }),
    ).toThrow(UnexpectedAnswerError);
    expect(() => toAssignmentUnits({ anvisningsenhed: { ...closedUnit, EnhedsNummer: undefined } })).toThrow(
      /EnhedsNummer is missing/,
    );
  });
});

describe('toDaycareInstitutions, toRegisterSlice and toCodes', () => {
  const parent = {
    daginstitutionsNummer: 'G29837',
    daginstitutionsNavn: 'Rudolf Steiner Turmalin',
    ejerformKode: 2,
    ejerformKode_Tekst: 'Selvejende',
    lovgrundlagKode: 2,
    lovgrundlagKode_Tekst: 'Dagtilbudsloven § 19, stk. 3 (selvejende daginstitution)',
    admKommuneKode: 390,
    admKommuneKode_Tekst: 'Vordingborg',
    aktivitetsstatus: 'Aktiv',
    oprettetTidspunkt: '2026-03-27T00:00:00+01:00',
    aendringsSekvens: 3,
  };

  it('maps a daginstitution with its codes and administrating municipality', () => {
    expect(toDaycareInstitutions({ daginstitution: parent })[0]).toMatchObject({
      kind: 'DaycareInstitution',
      number: 'G29837',
      ownership: { code: 2, text: 'Selvejende' },
      administeringMunicipality: { code: 390, name: 'Vordingborg' },
      status: 'ACTIVE',
      createdAt: '2026-03-26T23:00:00.000Z',
      closedAt: null,
      updatedAt: null,
      changeSequence: 3,
    });
  });

  it('maps all three levels of a slice, a missing level as empty', () => {
    const slice = toRegisterSlice({
      daginstitutioner: { daginstitution: parent },
      anvisningsenheder: { anvisningsenhed: [closedUnit] },
      alternativAdresser: '',
    });
    expect(slice.daycareInstitutions).toHaveLength(1);
    expect(slice.assignmentUnits).toHaveLength(1);
    expect(slice.alternativeAddresses).toEqual([]);
  });

  it('orders a code table by code', () => {
    expect(
      toCodes({
        kode: [
          { kode: 3, tekst: 'Privat' },
          { kode: 1, tekst: 'Kommunal' },
        ],
      }),
    ).toEqual([
      { code: 1, text: 'Kommunal' },
      { code: 3, text: 'Privat' },
    ]);
  });
});
