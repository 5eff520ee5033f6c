import { describe, expect, it } from 'vitest';
import { checkCode, parseCode } from './code-table.ts';
import { MANDATORY } from './require-text.ts';

describe('parseCode', () => {
  it('reads plain integers, leading zeros and surrounding spaces included', () => {
    expect(parseCode('6010')).toBe(6010);
    expect(parseCode(' 06010 ')).toBe(6010);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'abc', '-1', '1.0', '1,0', '6 010', '1234567890']) {
      expect(parseCode(bad), bad).toBeNull();
    }
  });
});

describe('checkCode', () => {
  it('accepts known codes of each table', () => {
    expect(checkCode('InstType3', '6013', 'AnvisningsEnhed/InstType3')).toEqual([]);
    expect(checkCode('ejerformKode', '4', 'Daginstitution/ejerformKode')).toEqual([]);
    expect(checkCode('lovgrundlagKode', '9', 'Daginstitution/lovgrundlagKode')).toEqual([]);
  });

  it('reports a non-numeric value as FORMAT_UGYLDIG', () => {
    expect(checkCode('ejerformKode', 'Kommunal', 'Daginstitution/ejerformKode')).toEqual([
      {
        felt: 'Daginstitution/ejerformKode',
        kode: 'FORMAT_UGYLDIG',
        tekst: 'ejerformKode skal være en heltalskode; fik "Kommunal".',
      },
    ]);
  });

  it('reports an unknown number as KODE_UKENDT and lists the known codes', () => {
    expect(checkCode('InstType3', '6099', 'AnvisningsEnhed/InstType3')).toEqual([
      {
        felt: 'AnvisningsEnhed/InstType3',
        kode: 'KODE_UKENDT',
        tekst:
          'InstType3 6099 findes ikke i kodetabellen InstType3; gyldige koder er 6010, 6011, 6012, 6013, 6014, 6020, 6021, 6022.',
      },
    ]);
    expect(checkCode('lovgrundlagKode', '10', 'Daginstitution/lovgrundlagKode').map((e) => e.kode)).toEqual([
      'KODE_UKENDT',
    ]);
  });

  it('reports a missing mandatory code', () => {
    expect(
      checkCode('ejerformKode', undefined, 'Daginstitution/ejerformKode', MANDATORY).map((e) => e.kode),
    ).toEqual(['FELT_MANGLER']);
  });
});
