import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.ts';

const finds = (stored: string, typed: string) => foldText(stored).includes(foldText(typed));

describe('foldText', () => {
  it('makes the Danish letters, their spellings and their plain letters meet', () => {
    for (const typed of ['borne', 'boerne', 'børne', 'BØRNE']) expect(finds('Børnehuset', typed)).toBe(true);
    for (const typed of ['aeblehaven', 'Aeblehaven', 'æblehaven', 'ablehaven']) {
      expect(finds('Børnehuset Æblehaven', typed)).toBe(true);
    }
    for (const typed of ['aabyhoj', 'abyhoj', 'Åbyhøj', 'aabyhoej'])
      expect(finds('Åbyhøj', typed)).toBe(true);
  });

  it('folds a name stored decomposed (NFD) like the composed query', () => {
    expect(finds('A\u030Abyho\u0308j'.normalize('NFD'), 'Åbyhøj')).toBe(true);
    expect(finds('Åbyhøj'.normalize('NFD'), 'abyhoj')).toBe(true);
  });

  it('drops other accents, punctuation and extra white space', () => {
    expect(foldText('Crèche  Café\tMüller, 14A. ')).toBe('creche cafe muller 14a');
  });

  it('keeps text without accents as it is, lower-cased', () => {
    expect(foldText('Dagplejen Silkeborg')).toBe('dagplejen silkeborg');
  });
});
