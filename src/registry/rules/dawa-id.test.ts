import { describe, expect, it } from 'vitest';
import { checkDawaId } from './dawa-id.ts';

const felt = 'AnvisningsEnhed/Adresse/dawaId';

describe('checkDawaId', () => {
  it('accepts a UUID in either case, and no value', () => {
    expect(checkDawaId('1b37bf64-7bcb-431b-8d1b-46cf5ba08eb6', felt)).toEqual([]);
    expect(checkDawaId('1B37BF64-7BCB-431B-8D1B-46CF5BA08EB6', felt)).toEqual([]);
    expect(checkDawaId(undefined, felt)).toEqual([]);
    expect(checkDawaId('', felt)).toEqual([]);
  });

  it('rejects anything else', () => {
    for (const bad of [
      '1b37bf647bcb431b8d1b46cf5ba08eb6',
      '{1b37bf64-7bcb-431b-8d1b-46cf5ba08eb6}',
      'x'.repeat(36),
    ]) {
      expect(
        checkDawaId(bad, felt).map((e) => e.kode),
        bad,
      ).toEqual(['FORMAT_UGYLDIG']);
    }
  });
});
