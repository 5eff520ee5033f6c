import { describe, expect, it } from 'vitest';
import { checkInstitutionsNummer, checkNummerNotGiven, checkOwnNummer } from './institutions-nummer.ts';
import { MANDATORY } from './require-text.ts';

const felt = 'Daginstitution/daginstitutionsNummer';

describe('checkInstitutionsNummer', () => {
  it('accepts G-numbers and the one real D-number', () => {
    for (const ok of ['G18062', 'G10432', 'G29214', 'D10041', ' G18062 ']) {
      expect(checkInstitutionsNummer(ok, felt), ok).toEqual([]);
    }
  });

  it('rejects other shapes', () => {
    for (const bad of ['18062', 'g18062', 'G1806', 'G180620', 'GG8062', 'G18 62']) {
      expect(
        checkInstitutionsNummer(bad, felt).map((e) => e.kode),
        bad,
      ).toEqual(['FORMAT_UGYLDIG']);
    }
    expect(checkInstitutionsNummer('18062', felt)[0]?.tekst).toBe(
      'daginstitutionsNummer skal være et institutionsnummer på 6 tegn: et stort bogstav og 5 cifre (fx G18062); fik "18062".',
    );
  });

  it('reports a missing mandatory number', () => {
    expect(checkInstitutionsNummer(undefined, felt, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});

describe('checkNummerNotGiven', () => {
  it('accepts an absent or blank number', () => {
    expect(checkNummerNotGiven(undefined, felt)).toEqual([]);
    expect(checkNummerNotGiven('', felt)).toEqual([]);
  });

  it('reports a number the client chose', () => {
    expect(checkNummerNotGiven('G99999', felt)).toEqual([
      {
        felt,
        kode: 'NUMMER_TILDELES_AF_REGISTERET',
        tekst:
          'daginstitutionsNummer må ikke angives ved oprettelse; registeret tildeler nummeret og returnerer det i svaret.',
      },
    ]);
  });
});

describe('checkOwnNummer', () => {
  it('forbids the number on insert', () => {
    expect(checkOwnNummer('insert', 'G18062', felt).map((e) => e.kode)).toEqual([
      'NUMMER_TILDELES_AF_REGISTERET',
    ]);
    expect(checkOwnNummer('insert', undefined, felt)).toEqual([]);
  });

  it('requires a well-formed number on update', () => {
    expect(checkOwnNummer('update', 'G18062', felt)).toEqual([]);
    expect(checkOwnNummer('update', undefined, felt).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
    expect(checkOwnNummer('update', 'x', felt).map((e) => e.kode)).toEqual(['FORMAT_UGYLDIG']);
  });
});
