import { describe, expect, it } from 'vitest';
import { checkHusNummer } from './hus-nummer.ts';
import { MANDATORY } from './require-text.ts';

const felt = 'AnvisningsEnhed/Adresse/husNummer';

describe('checkHusNummer', () => {
  it('accepts digits with an optional letter', () => {
    for (const ok of ['1', '38', '601', '1A', '2b', '080', '999Z'])
      expect(checkHusNummer(ok, felt), ok).toEqual([]);
  });

  it('rejects other shapes', () => {
    for (const bad of ['A', '1AB', '1-3', '12 A', 'st']) {
      expect(
        checkHusNummer(bad, felt).map((e) => e.kode),
        bad,
      ).toEqual(['FORMAT_UGYLDIG']);
    }
    expect(checkHusNummer('1-3', felt)[0]?.tekst).toBe(
      'husNummer skal være 1-3 cifre og evt. et bogstav (fx 38 eller 1A); fik "1-3".',
    );
  });

  it('reports more than 4 characters as too long', () => {
    expect(checkHusNummer('1234A', felt).map((e) => e.kode)).toEqual(['FELT_FOR_LANGT']);
  });

  it('reports a missing mandatory house number', () => {
    expect(checkHusNummer(undefined, felt, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});
