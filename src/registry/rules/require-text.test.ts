import { describe, expect, it } from 'vitest';
import { hasText, MANDATORY, OPTIONAL, requireText, textLength } from './require-text.ts';

const felt = 'AnvisningsEnhed/EnhedsNavn';

describe('requireText', () => {
  it('accepts a name with Danish letters', () => {
    expect(requireText('Børnehuset Æblegården på Ærø', felt, 132, MANDATORY)).toEqual([]);
  });

  it('accepts exactly the maximum width and rejects one more', () => {
    expect(requireText('æ'.repeat(132), felt, 132, MANDATORY)).toEqual([]);
    expect(requireText('æ'.repeat(133), felt, 132, MANDATORY)).toEqual([
      { felt, kode: 'FELT_FOR_LANGT', tekst: 'EnhedsNavn må højst være 132 tegn; fik 133 tegn.' },
    ]);
  });

  it('counts a decomposed å as one character', () => {
    expect(requireText('a\u030a'.repeat(132), felt, 132, MANDATORY)).toEqual([]);
  });

  it('does not count surrounding whitespace', () => {
    expect(requireText(` ${'x'.repeat(132)} `, felt, 132, MANDATORY)).toEqual([]);
  });

  it('reports a missing mandatory field', () => {
    expect(requireText(undefined, felt, 132, MANDATORY)).toEqual([
      { felt, kode: 'FELT_MANGLER', tekst: 'EnhedsNavn mangler; feltet er obligatorisk.' },
    ]);
  });

  it('reports a blank mandatory field', () => {
    const errors = requireText('   ', felt, 132, MANDATORY);
    expect(errors.map((e) => e.kode)).toEqual(['FELT_MANGLER']);
    expect(errors[0]?.tekst).toContain('er tomt');
  });

  it('accepts an absent or blank optional field', () => {
    expect(requireText(undefined, felt, 132, OPTIONAL)).toEqual([]);
    expect(requireText('', felt, 132, OPTIONAL)).toEqual([]);
  });

  it('still checks the width of a given optional field', () => {
    expect(requireText('x'.repeat(133), felt, 132, OPTIONAL).map((e) => e.kode)).toEqual(['FELT_FOR_LANGT']);
  });
});

describe('hasText and textLength', () => {
  it('treats whitespace-only as no text', () => {
    expect(hasText(' \t')).toBe(false);
    expect(hasText(undefined)).toBe(false);
    expect(hasText(' a ')).toBe(true);
  });

  it('counts code points of the trimmed, composed value', () => {
    expect(textLength(' Ærø ')).toBe(3);
  });
});

describe('invisible characters', () => {
  it('a mandatory value of invisible characters only is blank', () => {
    for (const value of [
      '\u200B\u200B',
      '\uFEFF',
      '\u00AD',
      '\u200D\u2060',
      '\u3164',
      '\u0007',
      ' \u202E ',
    ]) {
      expect(
        requireText(value, felt, 132, MANDATORY).map((e) => e.kode),
        JSON.stringify(value),
      ).toEqual(['FELT_MANGLER']);
      expect(hasText(value)).toBe(false);
    }
  });

  it('a value with one visible character carries text', () => {
    expect(hasText('\u200Bx\u200B')).toBe(true);
    expect(hasText('\u0301')).toBe(true);
  });
});
