import { describe, expect, it } from 'vitest';
import { MANDATORY } from './require-text.ts';
import { checkTelefonNummer } from './telefon-nummer.ts';

const felt = 'AnvisningsEnhed/TelefonNummer';

describe('checkTelefonNummer', () => {
  it('accepts 8 digits, with or without +45 and spaces', () => {
    for (const ok of ['33123456', '33 12 34 56', '+4533123456', '+45 33 12 34 56', ' 7236 1234 ']) {
      expect(checkTelefonNummer(ok, felt), ok).toEqual([]);
    }
  });

  it('rejects other lengths, prefixes and separators', () => {
    for (const bad of [
      '3312345',
      '331234567',
      '0045 33123456',
      '+46 33123456',
      '33-12-34-56',
      '03312345',
      'ring',
    ]) {
      expect(
        checkTelefonNummer(bad, felt).map((e) => e.kode),
        bad,
      ).toEqual(['TELEFON_UGYLDIG']);
    }
  });

  it('names the field and the value', () => {
    expect(checkTelefonNummer('3312345', felt)[0]?.tekst).toBe(
      'TelefonNummer skal være et dansk telefonnummer med 8 cifre, evt. med +45 foran (fx 33 12 34 56); fik "3312345".',
    );
  });

  it('reports a value over 20 characters as too long, not as a bad number', () => {
    expect(checkTelefonNummer('+45 3 3 1 2 3 4 5 6 7', felt).map((e) => e.kode)).toEqual(['FELT_FOR_LANGT']);
  });

  it('is optional unless told otherwise', () => {
    expect(checkTelefonNummer(undefined, felt)).toEqual([]);
    expect(checkTelefonNummer(' ', felt, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});
