import { describe, expect, it } from 'vitest';
import { toAnvisningsEnhed, toDaginstitution } from './import-args.ts';
import { toWriteResult } from './import-answer.ts';
import { UnexpectedAnswerError } from './unexpected-answer.ts';

describe('ImportSvarXML → WriteResult', () => {
  it('OK with its numbers (node-soap gives xs:long as a number or as text)', () => {
    expect(
      toWriteResult({
        status: 'OK',
        nummer: 'G30675',
        anvisningsenhedsNummer: 'G30676',
        aendringsSekvens: '7',
      }),
    ).toEqual({ kind: 'ok', number: 'G30675', firstUnitNumber: 'G30676', changeSequence: 7 });
    expect(toWriteResult({ status: 'OK', nummer: 'G10662', aendringsSekvens: 8, fejl: '' })).toEqual({
      kind: 'ok',
      number: 'G10662',
      firstUnitNumber: null,
      changeSequence: 8,
    });
  });

  it('FEJL with every fejlbesked verbatim, one as an object or many as an array', () => {
    const one = {
      felt: 'AnvisningsEnhed/PNummer',
      kode: 'PNUMMER_UGYLDIG',
      tekst: 'PNummer skal være 10 cifre.',
    };
    expect(toWriteResult({ status: 'FEJL', fejl: { fejlbesked: one } })).toEqual({
      kind: 'rejected',
      errors: [
        { field: 'AnvisningsEnhed/PNummer', code: 'PNUMMER_UGYLDIG', message: 'PNummer skal være 10 cifre.' },
      ],
    });
    const two = [one, { felt: 'xml', kode: 'SKEMA_FEJL', tekst: 'Ugyldig.' }];
    expect(toWriteResult({ status: 'FEJL', nummer: 'G1', fejl: { fejlbesked: two } })).toMatchObject({
      kind: 'rejected',
      errors: [{ code: 'PNUMMER_UGYLDIG' }, { field: 'xml', code: 'SKEMA_FEJL' }],
    });
  });

  it('FEJL for rights is a refusal of its own', () => {
    expect(
      toWriteResult({
        status: 'FEJL',
        fejl: { fejlbesked: { felt: 'EnhedsNummer', kode: 'INGEN_ADGANG', tekst: 'Brugeren må ikke.' } },
      }),
    ).toEqual({ kind: 'forbidden', message: 'Brugeren må ikke.' });
  });

  it('anything outside the contract is an UnexpectedAnswerError', () => {
    for (const odd of [undefined, { status: 'MAYBE' }, { status: 'OK' }, { status: 'FEJL', fejl: '' }]) {
      expect(() => toWriteResult(odd)).toThrow(UnexpectedAnswerError);
    }
  });
});

describe('write model → ImportService records', () => {
  it('in the XSD’s sequence order, absent values left out', () => {
    const unit = toAnvisningsEnhed(
      {
        pNumber: '4774805696',
        email: null,
        name: 'Æblehaven',
        address: {
          municipalityCode: '101',
          street: 'Tyborøn Allé',
          houseNumber: '47',
          floor: null,
          door: null,
          postalCode: '2720',
          city: 'Vanløse',
          latitude: 55.6872,
          longitude: null,
        },
      },
      { parent: 'G29215' },
    );
    expect(Object.keys(unit)).toEqual(['DagInstitutionsNummer', 'EnhedsNavn', 'Adresse', 'PNummer']);
    expect(unit.Adresse).toEqual({
      vejNavn: 'Tyborøn Allé',
      husNummer: '47',
      postNummer: '2720',
      byNavn: 'Vanløse',
      kommuneKode: '101',
      geoBredde: '55.6872',
    });
    expect(Object.keys(toDaginstitution({ name: 'Ny', municipalityCode: '101' }, 'G29215'))).toEqual([
      'daginstitutionsNummer',
      'daginstitutionsNavn',
      'admKommuneKode',
    ]);
  });
});
