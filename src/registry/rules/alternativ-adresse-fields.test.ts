import { describe, expect, it } from 'vitest';
import type { AlternativAdresseInput } from '../domain/import-input.ts';
import { validateAlternativAdresseFields } from './alternativ-adresse-fields.ts';
import type { ExternalChecks } from './external-checks.ts';

const ctx: ExternalChecks = {
  isKnownPostNummer: (p) => p === '6240',
  isActivePNummer: (p) => p === '1003388394',
  addressExists: () => true,
};

const valid: AlternativAdresseInput = {
  EnhedsNummer: 'G18171',
  Navn: 'Den Danske Børnehave, legepladsen',
  Adresse: {
    vejNavn: 'Garvergade',
    husNummer: '12',
    postNummer: '6240',
    byNavn: 'Løgumkloster',
    kommuneKode: '550',
  },
  PNummer: '1003388394',
};

describe('validateAlternativAdresseFields', () => {
  it('accepts a complete insert', () => {
    expect(validateAlternativAdresseFields(valid, 'insert', ctx)).toEqual([]);
  });

  it('requires Navn, Adresse and PNummer on insert', () => {
    expect(validateAlternativAdresseFields({}, 'insert', ctx).map((e) => [e.felt, e.kode])).toEqual([
      ['AlternativAdresse/Navn', 'FELT_MANGLER'],
      ['AlternativAdresse/Adresse', 'FELT_MANGLER'],
      ['AlternativAdresse/PNummer', 'FELT_MANGLER'],
    ]);
  });

  it('reports every error of one insert together, with its path', () => {
    const errors = validateAlternativAdresseFields(
      {
        AlternativAdresseNummer: 'G20000',
        EnhedsNummer: 'A1',
        Navn: 'n'.repeat(133),
        Adresse: { ...valid.Adresse, postNummer: '1000', husNummer: '12-14' },
        Email: 'a@b',
        PNummer: '1234567890',
      },
      'insert',
      ctx,
    );
    expect(errors.map((e) => [e.felt, e.kode])).toEqual([
      ['AlternativAdresse/AlternativAdresseNummer', 'NUMMER_TILDELES_AF_REGISTERET'],
      ['AlternativAdresse/EnhedsNummer', 'FORMAT_UGYLDIG'],
      ['AlternativAdresse/Navn', 'FELT_FOR_LANGT'],
      ['AlternativAdresse/Adresse/husNummer', 'FELT_FOR_LANGT'],
      ['AlternativAdresse/Adresse/postNummer', 'POSTNUMMER_UKENDT'],
      ['AlternativAdresse/Email', 'EMAIL_UGYLDIG'],
      ['AlternativAdresse/PNummer', 'PNUMMER_IKKE_AKTIV'],
    ]);
  });

  it('accepts a name of exactly 132 characters', () => {
    expect(validateAlternativAdresseFields({ ...valid, Navn: 'ø'.repeat(132) }, 'insert', ctx)).toEqual([]);
  });

  it('on update requires its own number and checks only the given fields', () => {
    expect(
      validateAlternativAdresseFields({ AlternativAdresseNummer: 'G20000', Navn: 'Ny' }, 'update', ctx),
    ).toEqual([]);
    expect(
      validateAlternativAdresseFields({ AlternativAdresseNummer: 'G20000', Navn: '' }, 'update', ctx).map(
        (e) => [e.felt, e.kode],
      ),
    ).toEqual([['AlternativAdresse/Navn', 'FELT_MANGLER']]);
    expect(validateAlternativAdresseFields({}, 'update', ctx).map((e) => e.felt)).toEqual([
      'AlternativAdresse/AlternativAdresseNummer',
    ]);
  });
});
