import { describe, expect, it } from 'vitest';
import { EJERFORM, INST_TYPE3, isKnownCode, LOVGRUNDLAG } from '../domain/code-tables.ts';
import { CROSS_VALIDATION_MATRIX } from './cross-validation-matrix.ts';

describe('CROSS_VALIDATION_MATRIX', () => {
  it('has exactly one row for every lovgrundlagKode', () => {
    const rows = CROSS_VALIDATION_MATRIX.map((r) => r.lovgrundlagKode).sort((a, b) => a - b);
    expect(rows).toEqual(LOVGRUNDLAG.map((r) => r.kode));
  });

  it('names only codes that exist in the code tables', () => {
    for (const row of CROSS_VALIDATION_MATRIX) {
      for (const kode of row.ejerformKoder) expect(isKnownCode('ejerformKode', kode)).toBe(true);
      for (const kode of row.instType3Koder) expect(isKnownCode('InstType3', kode)).toBe(true);
    }
  });

  it('leaves no ejerform and no InstType3 without a lawful lovgrundlag', () => {
    for (const { kode } of EJERFORM) {
      expect(
        CROSS_VALIDATION_MATRIX.some((r) => r.ejerformKoder.includes(kode)),
        `ejerform ${kode}`,
      ).toBe(true);
    }
    for (const { kode } of INST_TYPE3) {
      expect(
        CROSS_VALIDATION_MATRIX.some((r) => r.instType3Koder.includes(kode)),
        `InstType3 ${kode}`,
      ).toBe(true);
    }
  });
});
