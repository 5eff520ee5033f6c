/**
 * Folds text for "name contains" matching: lower case, the Danish letters spelt out (æ → ae,
 * ø → oe, å → aa, as Danes write them without the letters), other accents dropped, runs of
 * white space made one. Both the name and the search text are folded, so `aeblehaven`,
 * `Aeblehaven` and `æblehaven` all find `Æblehaven`.
 */
export function foldText(text: string): string {
  return (
    text
      .toLowerCase()
      // Before NFD: NFD would split å into a + ring and lose the second a.
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
