import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.ts';

describe('foldText', () => {
  it('spells out the Danish letters in either case', () => {
    expect(foldText('Æblehaven')).toBe('aeblehaven');
    expect(foldText('ØSTERBRO Åbyhøj')).toBe('oesterbro aabyhoej');
  });

  it('makes the spelt-out and the real letters meet', () => {
    for (const search of ['aeblehaven', 'Aeblehaven', 'æblehaven', 'ÆBLEHAVEN']) {
      expect(foldText('Børnehuset Æblehaven').includes(foldText(search))).toBe(true);
    }
  });

  it('drops other accents and folds white space', () => {
    expect(foldText('Crèche  Café\tMüller ')).toBe('creche cafe muller');
  });

  it('keeps text without accents as it is, lower-cased', () => {
    expect(foldText('Dagplejen Silkeborg')).toBe('dagplejen silkeborg');
  });
});
