import { describe, expect, it } from 'vitest';
import { checkCrossValidation, lawfulLovgrundlag } from './cross-validation.ts';

const felter = { ejerformKode: 'Daginstitution/ejerformKode', instType3: 'AnvisningsEnhed/InstType3' };

describe('lawfulLovgrundlag', () => {
  it('lists the bases an ejerform may have', () => {
    expect(lawfulLovgrundlag(1)).toEqual([1, 5, 6, 7, 8, 9]);
    expect(lawfulLovgrundlag(3)).toEqual([4, 5, 6, 7, 8]);
  });

  it('narrows the list to those that also allow a type', () => {
    expect(lawfulLovgrundlag(1, 6010)).toEqual([1, 9]);
    expect(lawfulLovgrundlag(2, 6012)).toEqual([2]);
    expect(lawfulLovgrundlag(4, 6014)).toEqual([3]);
    expect(lawfulLovgrundlag(3, 6013)).toEqual([5]);
    expect(lawfulLovgrundlag(2, 6021)).toEqual([7]);
  });

  it('is empty for unknown codes', () => {
    expect(lawfulLovgrundlag(9)).toEqual([]);
    expect(lawfulLovgrundlag(1, 6099)).toEqual([]);
  });
});

describe('checkCrossValidation', () => {
  it('accepts lawful combinations', () => {
    expect(
      checkCrossValidation({ ejerformKode: 1, lovgrundlagKode: 1, instType3Koder: [6010, 6012] }, felter),
    ).toEqual([]);
    expect(
      checkCrossValidation({ ejerformKode: 3, lovgrundlagKode: 4, instType3Koder: [6014] }, felter),
    ).toEqual([]);
    expect(
      checkCrossValidation({ ejerformKode: 3, lovgrundlagKode: 5, instType3Koder: [6013] }, felter),
    ).toEqual([]);
    expect(
      checkCrossValidation({ ejerformKode: 1, lovgrundlagKode: 9, instType3Koder: [6011] }, felter),
    ).toEqual([]);
    expect(
      checkCrossValidation({ ejerformKode: 2, lovgrundlagKode: 8, instType3Koder: [6022] }, felter),
    ).toEqual([]);
  });

  it('accepts a daginstitution without units yet', () => {
    expect(checkCrossValidation({ ejerformKode: 2, lovgrundlagKode: 2, instType3Koder: [] }, felter)).toEqual(
      [],
    );
  });

  it('reports an ejerform that the lovgrundlag does not allow, and what would be lawful', () => {
    expect(checkCrossValidation({ ejerformKode: 3, lovgrundlagKode: 1, instType3Koder: [] }, felter)).toEqual(
      [
        {
          felt: 'Daginstitution/ejerformKode',
          kode: 'KRYDSVALIDERING',
          tekst:
            'Ejerform 3 (Privat) er ikke lovlig med lovgrundlag 1 (Dagtilbudsloven § 19, stk. 2 (kommunal daginstitution)), ' +
            'som kræver ejerform 1 (Kommunal). Med ejerform 3 (Privat) kan lovgrundlaget være ' +
            '4 (Dagtilbudsloven § 19, stk. 5 (privatinstitution)), 5 (Dagtilbudsloven § 21 (dagpleje)), ' +
            '6 (Dagtilbudsloven § 52 (fritidshjem)), 7 (Dagtilbudsloven § 66 (klub)) eller ' +
            '8 (Serviceloven § 32 / § 36 (særlige dagtilbud)).',
        },
      ],
    );
  });

  it('reports a unit type that the lovgrundlag does not allow', () => {
    expect(
      checkCrossValidation({ ejerformKode: 1, lovgrundlagKode: 1, instType3Koder: [6013] }, felter),
    ).toEqual([
      {
        felt: 'AnvisningsEnhed/InstType3',
        kode: 'KRYDSVALIDERING',
        tekst:
          'InstType3 6013 (Dagpleje) kræver lovgrundlag 5 (Dagtilbudsloven § 21 (dagpleje)); ' +
          'daginstitutionen har lovgrundlag 1 (Dagtilbudsloven § 19, stk. 2 (kommunal daginstitution)).',
      },
    ]);
  });

  it('names the ejerform when it narrows the lawful bases for a type', () => {
    const [error] = checkCrossValidation(
      { ejerformKode: 1, lovgrundlagKode: 5, instType3Koder: [6010] },
      felter,
    );
    expect(error?.tekst).toBe(
      'InstType3 6010 (Vuggestue (0-2 år)) kræver lovgrundlag ' +
        '1 (Dagtilbudsloven § 19, stk. 2 (kommunal daginstitution)) eller ' +
        '9 (Landsbyordning (dagtilbudsloven § 19, stk. 2, jf. folkeskoleloven § 24 aa)) ved ejerform 1 (Kommunal); ' +
        'daginstitutionen har lovgrundlag 5 (Dagtilbudsloven § 21 (dagpleje)).',
    );
  });

  it('reports each unlawful type once, and every conflict together', () => {
    const errors = checkCrossValidation(
      { ejerformKode: 3, lovgrundlagKode: 1, instType3Koder: [6013, 6010, 6013, 6021] },
      felter,
    );
    expect(errors.map((e) => [e.felt, e.kode, e.tekst.slice(0, 25)])).toEqual([
      ['Daginstitution/ejerformKode', 'KRYDSVALIDERING', 'Ejerform 3 (Privat) er ik'],
      ['AnvisningsEnhed/InstType3', 'KRYDSVALIDERING', 'InstType3 6013 (Dagpleje)'],
      ['AnvisningsEnhed/InstType3', 'KRYDSVALIDERING', 'InstType3 6021 (Klubtilbu'],
    ]);
  });

  it('leaves unknown codes to the code-table rule', () => {
    expect(
      checkCrossValidation({ ejerformKode: 1, lovgrundlagKode: 99, instType3Koder: [6013] }, felter),
    ).toEqual([]);
    expect(
      checkCrossValidation({ ejerformKode: 7, lovgrundlagKode: 1, instType3Koder: [6013] }, felter),
    ).toEqual([]);
    expect(
      checkCrossValidation({ ejerformKode: 1, lovgrundlagKode: 1, instType3Koder: [6099] }, felter),
    ).toEqual([]);
  });
});
