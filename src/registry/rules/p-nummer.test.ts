import { describe, expect, it } from 'vitest';
import { checkActivePNummer, checkPNummer } from './p-nummer.ts';
import { MANDATORY } from './require-text.ts';

const felt = 'AnvisningsEnhed/PNummer';

describe('checkPNummer', () => {
  it('accepts 10 digits without any modulus check', () => {
    expect(checkPNummer('1003388394', felt)).toEqual([]);
    expect(checkPNummer('1234567890', felt)).toEqual([]);
  });

  it('reports anything that is not 10 digits', () => {
    expect(checkPNummer('12345', felt)).toEqual([
      { felt, kode: 'PNUMMER_UGYLDIG', tekst: 'PNummer skal være 10 cifre; fik "12345".' },
    ]);
    expect(checkPNummer('12345678901', felt).map((e) => e.kode)).toEqual(['PNUMMER_UGYLDIG']);
    expect(checkPNummer('12345 67890', felt).map((e) => e.kode)).toEqual(['PNUMMER_UGYLDIG']);
  });

  it('reports a missing mandatory P-number', () => {
    expect(checkPNummer(undefined, felt, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});

describe('checkActivePNummer', () => {
  const active = new Set(['1003388394']);
  const isActive = (p: string): boolean => active.has(p);

  it('accepts an active P-number, trimmed before the look-up', () => {
    expect(checkActivePNummer(' 1003388394 ', felt, isActive)).toEqual([]);
  });

  it('reports a well-formed P-number that is not active', () => {
    const errors = checkActivePNummer('1234567890', felt, isActive);
    expect(errors.map((e) => e.kode)).toEqual(['PNUMMER_IKKE_AKTIV']);
    expect(errors[0]?.tekst).toContain('"1234567890"');
  });

  it('does not look up a malformed P-number', () => {
    const lookUp = (): boolean => {
      throw new Error('must not be called');
    };
    expect(checkActivePNummer('123', felt, lookUp).map((e) => e.kode)).toEqual(['PNUMMER_UGYLDIG']);
    expect(checkActivePNummer(undefined, felt, lookUp)).toEqual([]);
  });
});
