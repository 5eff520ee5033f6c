import { describe, expect, it } from 'vitest';
import { writeElements } from './xml-writer.ts';

describe('writeElements', () => {
  it('writes nested elements and repeated ones in order, escaping text', () => {
    expect(
      writeElements({
        anvisningsenhed: [
          {
            EnhedsNummer: 'G10662',
            EnhedsNavn: 'Æble & <Pære>',
            Adresse: { husNummer: '14A', geoBredde: 56.2 },
          },
          { EnhedsNummer: 'D10041' },
        ],
        tom: [],
      }),
    ).toBe(
      '<anvisningsenhed><EnhedsNummer>G10662</EnhedsNummer><EnhedsNavn>Æble &amp; &lt;Pære&gt;</EnhedsNavn>' +
        '<Adresse><husNummer>14A</husNummer><geoBredde>56.2</geoBredde></Adresse></anvisningsenhed>' +
        '<anvisningsenhed><EnhedsNummer>D10041</EnhedsNummer></anvisningsenhed>',
    );
  });
});
