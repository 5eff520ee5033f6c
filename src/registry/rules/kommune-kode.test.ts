import { describe, expect, it } from 'vitest';
import { KOMMUNER } from '../domain/code-tables.ts';
import { checkKommuneKode, parseKommuneKode } from './kommune-kode.ts';
import { MANDATORY } from './require-text.ts';

const felt = 'AnvisningsEnhed/Adresse/kommuneKode';

describe('parseKommuneKode', () => {
  it('reads the unpadded and the padded form alike', () => {
    expect(parseKommuneKode('101')).toBe(101);
    expect(parseKommuneKode('0101')).toBe(101);
    expect(parseKommuneKode('851')).toBe(851);
  });

  it('refuses other shapes', () => {
    for (const bad of ['1', '10', '00101', 'K101', '10 1']) expect(parseKommuneKode(bad), bad).toBeNull();
  });
});

describe('checkKommuneKode', () => {
  it('accepts all 98 official codes, unpadded and padded', () => {
    expect(KOMMUNER).toHaveLength(98);
    for (const { kode } of KOMMUNER) {
      expect(checkKommuneKode(String(kode), felt)).toEqual([]);
      expect(checkKommuneKode(String(kode).padStart(4, '0'), felt)).toEqual([]);
    }
  });

  it('reports an unknown code', () => {
    expect(checkKommuneKode('102', felt)).toEqual([
      {
        felt,
        kode: 'KOMMUNEKODE_UKENDT',
        tekst: 'kommuneKode "102" er ikke en af de 98 officielle kommunekoder.',
      },
    ]);
    expect(checkKommuneKode('1010', felt).map((e) => e.kode)).toEqual(['KOMMUNEKODE_UKENDT']);
  });

  it('reports a malformed code as FORMAT_UGYLDIG', () => {
    expect(checkKommuneKode('København', felt).map((e) => e.kode)).toEqual(['FORMAT_UGYLDIG']);
    expect(checkKommuneKode('00101', felt).map((e) => e.kode)).toEqual(['FORMAT_UGYLDIG']);
  });

  it('reports a missing mandatory code', () => {
    expect(checkKommuneKode('', felt, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});
