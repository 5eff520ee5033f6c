import { describe, expect, it } from 'vitest';
import { checkCvrNummer, isValidCvrNummer } from './cvr-nummer.ts';
import { MANDATORY } from './require-text.ts';

const felt = 'AnvisningsEnhed/CVRNummer';

describe('isValidCvrNummer', () => {
  it('accepts real CVR numbers', () => {
    expect(isValidCvrNummer('33178522')).toBe(true);
    expect(isValidCvrNummer('29188335')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidCvrNummer('33178523')).toBe(false);
    expect(isValidCvrNummer('29188336')).toBe(false);
  });

  it('rejects anything that is not 8 digits', () => {
    expect(isValidCvrNummer('3317852')).toBe(false);
    expect(isValidCvrNummer('331785220')).toBe(false);
    expect(isValidCvrNummer('3317852a')).toBe(false);
  });
});

describe('checkCvrNummer', () => {
  it('accepts a valid CVR, also with surrounding spaces', () => {
    expect(checkCvrNummer('33178522', felt)).toEqual([]);
    expect(checkCvrNummer(' 29188335 ', felt)).toEqual([]);
  });

  it('reports a wrong length', () => {
    expect(checkCvrNummer('12345', felt)).toEqual([
      { felt, kode: 'CVR_UGYLDIG', tekst: 'CVRNummer skal være 8 cifre; fik "12345".' },
    ]);
  });

  it('reports a failed modulus-11 check', () => {
    const errors = checkCvrNummer('33178523', felt);
    expect(errors.map((e) => e.kode)).toEqual(['CVR_UGYLDIG']);
    expect(errors[0]?.tekst).toContain('modulus 11');
  });

  it('is optional unless told otherwise', () => {
    expect(checkCvrNummer(undefined, felt)).toEqual([]);
    expect(checkCvrNummer(undefined, felt, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});
