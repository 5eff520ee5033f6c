import { describe, expect, it } from 'vitest';
import type { AnvisningsEnhedInput } from '../domain/import-input.ts';
import { validateAnvisningsEnhedFields } from './anvisningsenhed-fields.ts';
import type { ExternalChecks } from './external-checks.ts';

const ctx: ExternalChecks = {
  isKnownPostNummer: (p) => ['2300', '2980'].includes(p),
  isActivePNummer: (p) => p === '1003388394',
  addressExists: (a) => a.vejNavn !== 'Findesikkevej',
};

const valid: AnvisningsEnhedInput = {
  DagInstitutionsNummer: 'G18061',
  EnhedsNavn: 'Ådalen',
  InstType3: '6012',
  Adresse: {
    vejNavn: 'Brønsholmdalsvej',
    husNummer: '42',
    postNummer: '2980',
    byNavn: 'Kokkedal',
    kommuneKode: '0210',
    geoBredde: '55,90383',
    geoLaengde: '12,49023',
  },
  Email: 'aadalen@fredensborg.dk',
  TelefonNummer: '+45 72 56 00 00',
  PNummer: '1003388394',
};

describe('validateAnvisningsEnhedFields', () => {
  it('accepts a complete insert', () => {
    expect(validateAnvisningsEnhedFields(valid, 'insert', ctx)).toEqual([]);
  });

  it('requires every mandatory field on insert', () => {
    expect(validateAnvisningsEnhedFields({}, 'insert', ctx).map((e) => [e.felt, e.kode])).toEqual([
      ['AnvisningsEnhed/EnhedsNavn', 'FELT_MANGLER'],
      ['AnvisningsEnhed/InstType3', 'FELT_MANGLER'],
      ['AnvisningsEnhed/Adresse', 'FELT_MANGLER'],
      ['AnvisningsEnhed/PNummer', 'FELT_MANGLER'],
    ]);
  });

  it('reports every error of one insert together, with its path', () => {
    const errors = validateAnvisningsEnhedFields(
      {
        EnhedsNummer: 'G12345',
        DagInstitutionsNummer: '18061',
        EnhedsNavn: 'x'.repeat(133),
        InstType3: '6099',
        Adresse: { ...valid.Adresse, postNummer: '12', kommuneKode: '999' },
        Email: 'ikke-en-mail',
        TelefonNummer: '1234',
        PNummer: '12345',
      },
      'insert',
      ctx,
    );
    expect(errors.map((e) => [e.felt, e.kode])).toEqual([
      ['AnvisningsEnhed/EnhedsNummer', 'NUMMER_TILDELES_AF_REGISTERET'],
      ['AnvisningsEnhed/DagInstitutionsNummer', 'FORMAT_UGYLDIG'],
      ['AnvisningsEnhed/EnhedsNavn', 'FELT_FOR_LANGT'],
      ['AnvisningsEnhed/InstType3', 'KODE_UKENDT'],
      ['AnvisningsEnhed/Adresse/postNummer', 'POSTNUMMER_UGYLDIG'],
      ['AnvisningsEnhed/Adresse/kommuneKode', 'KOMMUNEKODE_UKENDT'],
      ['AnvisningsEnhed/Email', 'EMAIL_UGYLDIG'],
      ['AnvisningsEnhed/TelefonNummer', 'TELEFON_UGYLDIG'],
      ['AnvisningsEnhed/PNummer', 'PNUMMER_UGYLDIG'],
    ]);
    expect(errors.find((e) => e.felt === 'AnvisningsEnhed/PNummer')?.tekst).toBe(
      'PNummer skal være 10 cifre; fik "12345".',
    );
  });

  it('reports an inactive P-number and an unknown address alongside other errors', () => {
    const errors = validateAnvisningsEnhedFields(
      {
        ...valid,
        Adresse: { ...valid.Adresse, vejNavn: 'Findesikkevej' },
        PNummer: '1234567890',
        InstType3: 'x',
      },
      'insert',
      ctx,
    );
    expect(errors.map((e) => [e.felt, e.kode])).toEqual([
      ['AnvisningsEnhed/InstType3', 'FORMAT_UGYLDIG'],
      ['AnvisningsEnhed/Adresse', 'ADRESSE_UKENDT'],
      ['AnvisningsEnhed/PNummer', 'PNUMMER_IKKE_AKTIV'],
    ]);
  });

  it('on update requires the unit number and checks only the given fields', () => {
    expect(
      validateAnvisningsEnhedFields({ EnhedsNummer: 'G18168', Email: 'ny@kk.dk' }, 'update', ctx),
    ).toEqual([]);
    expect(validateAnvisningsEnhedFields({ Email: 'ny@kk.dk' }, 'update', ctx).map((e) => e.felt)).toEqual([
      'AnvisningsEnhed/EnhedsNummer',
    ]);
  });

  it('on update still reports given blank mandatory fields', () => {
    expect(
      validateAnvisningsEnhedFields(
        { EnhedsNummer: 'G18168', EnhedsNavn: '', InstType3: '' },
        'update',
        ctx,
      ).map((e) => [e.felt, e.kode]),
    ).toEqual([
      ['AnvisningsEnhed/EnhedsNavn', 'FELT_MANGLER'],
      ['AnvisningsEnhed/InstType3', 'FELT_MANGLER'],
    ]);
  });
});
