import { describe, expect, it } from 'vitest';
import { validateDaginstitutionFields } from './daginstitution-fields.ts';

describe('validateDaginstitutionFields', () => {
  const valid = {
    daginstitutionsNavn: 'Børnehusene i Kokkedal',
    ejerformKode: '1',
    lovgrundlagKode: '1',
    admKommuneKode: '210',
  };

  it('accepts a complete insert, with a padded admKommuneKode too', () => {
    expect(validateDaginstitutionFields(valid, 'insert')).toEqual([]);
    expect(validateDaginstitutionFields({ ...valid, admKommuneKode: '0101' }, 'insert')).toEqual([]);
  });

  it('requires every mandatory field on insert', () => {
    expect(validateDaginstitutionFields({}, 'insert').map((e) => [e.felt, e.kode])).toEqual([
      ['Daginstitution/daginstitutionsNavn', 'FELT_MANGLER'],
      ['Daginstitution/ejerformKode', 'FELT_MANGLER'],
      ['Daginstitution/lovgrundlagKode', 'FELT_MANGLER'],
      ['Daginstitution/admKommuneKode', 'FELT_MANGLER'],
    ]);
  });

  it('reports every error of one insert together, with its path', () => {
    const errors = validateDaginstitutionFields(
      {
        daginstitutionsNummer: 'G99999',
        daginstitutionsNavn: 'Æ'.repeat(133),
        ejerformKode: 'Kommunal',
        lovgrundlagKode: '42',
        admKommuneKode: '102',
      },
      'insert',
    );
    expect(errors.map((e) => [e.felt, e.kode])).toEqual([
      ['Daginstitution/daginstitutionsNummer', 'NUMMER_TILDELES_AF_REGISTERET'],
      ['Daginstitution/daginstitutionsNavn', 'FELT_FOR_LANGT'],
      ['Daginstitution/ejerformKode', 'FORMAT_UGYLDIG'],
      ['Daginstitution/lovgrundlagKode', 'KODE_UKENDT'],
      ['Daginstitution/admKommuneKode', 'KOMMUNEKODE_UKENDT'],
    ]);
  });

  it('accepts a name of exactly 132 characters', () => {
    expect(
      validateDaginstitutionFields({ ...valid, daginstitutionsNavn: 'å'.repeat(132) }, 'insert'),
    ).toEqual([]);
  });

  it('on update requires the number and checks only the given fields', () => {
    expect(validateDaginstitutionFields({ daginstitutionsNummer: 'G18062' }, 'update')).toEqual([]);
    expect(
      validateDaginstitutionFields({ daginstitutionsNummer: 'D10041', ejerformKode: '2' }, 'update'),
    ).toEqual([]);
    expect(
      validateDaginstitutionFields({ ejerformKode: '2' }, 'update').map((e) => [e.felt, e.kode]),
    ).toEqual([['Daginstitution/daginstitutionsNummer', 'FELT_MANGLER']]);
  });

  it('on update still reports a given blank mandatory field', () => {
    expect(
      validateDaginstitutionFields(
        { daginstitutionsNummer: 'G18062', daginstitutionsNavn: ' ' },
        'update',
      ).map((e) => [e.felt, e.kode]),
    ).toEqual([['Daginstitution/daginstitutionsNavn', 'FELT_MANGLER']]);
  });

  it('uses the path it is given', () => {
    expect(validateDaginstitutionFields({}, 'insert', 'Opret/Daginstitution')[0]?.felt).toBe(
      'Opret/Daginstitution/daginstitutionsNavn',
    );
  });
});
