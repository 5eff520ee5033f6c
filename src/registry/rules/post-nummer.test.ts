import { describe, expect, it } from 'vitest';
import { checkPostNummer } from './post-nummer.ts';
import { MANDATORY } from './require-text.ts';

const felt = 'AnvisningsEnhed/Adresse/postNummer';
const known = new Set(['2300', '2980', '0800']);
const isKnown = (p: string): boolean => known.has(p);

describe('checkPostNummer', () => {
  it('accepts a known 4-digit postcode, leading zero and spaces included', () => {
    expect(checkPostNummer('2300', felt, isKnown)).toEqual([]);
    expect(checkPostNummer('0800', felt, isKnown)).toEqual([]);
    expect(checkPostNummer(' 2980 ', felt, isKnown)).toEqual([]);
  });

  it('reports a value that is not 4 digits, without asking the register', () => {
    const lookUp = (): boolean => {
      throw new Error('must not be called');
    };
    expect(checkPostNummer('230', felt, lookUp)).toEqual([
      { felt, kode: 'POSTNUMMER_UGYLDIG', tekst: 'postNummer skal være 4 cifre; fik "230".' },
    ]);
    for (const bad of ['23000', 'DK-2300', '2300 København S']) {
      expect(
        checkPostNummer(bad, felt, lookUp).map((e) => e.kode),
        bad,
      ).toEqual(['POSTNUMMER_UGYLDIG']);
    }
  });

  it('reports a well-formed postcode the register does not know', () => {
    expect(checkPostNummer('1234', felt, isKnown)).toEqual([
      {
        felt,
        kode: 'POSTNUMMER_UKENDT',
        tekst: 'postNummer "1234" findes ikke i adresseregisteret; angiv et dansk postnummer.',
      },
    ]);
  });

  it('reports a missing mandatory postcode', () => {
    expect(checkPostNummer(undefined, felt, isKnown, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});
