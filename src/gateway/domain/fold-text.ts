/**
 * Folds text for searching, so that what people type meets what the register stores: composed
 * (NFC) first, so a name stored decomposed folds like one typed composed; lower case; the Danish
 * letters and their spellings without them made one (æ, ae → a; ø, oe → o; å, aa → a), so
 * `borne`, `boerne` and `børne` all find "Børne…", `aabyhoj` and `abyhøj` find "Åbyhøj"; other
 * accents dropped; punctuation and runs of white space made one space (symbols such as emoji
 * stay: they are what was typed). Both the stored text and
 * the search text are folded the same way, so only their folded forms are ever compared.
 */
export function foldText(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      // Before NFD: NFD would split å into a + ring.
      .replace(/æ/g, 'a')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/aa|ae/g, 'a')
      .replace(/oe/g, 'o')
      .replace(/[\p{P}\p{Z}\s]+/gu, ' ')
      .trim()
  );
}
