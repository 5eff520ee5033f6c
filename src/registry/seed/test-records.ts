import type { Adresse } from '../domain/model.ts';

/** Records for the seed's tests, from the committed data. */

/** G10662's address (Den Private Børnehave Højvang, Egå), the fields every copy of it has. */
export const HOEJVANG_ADRESSE = {
  vejNavn: 'Skæring Hedevej',
  husNummer: '14A',
  postNummer: '8250',
  byNavn: 'Egå',
  kommuneKode: 751,
} as const;

/** The same address as a whole record, without coordinates. */
export const EGAA_ADRESSE: Adresse = {
  ...HOEJVANG_ADRESSE,
  etage: null,
  doer: null,
  supplerendeBynavn: null,
  geoBredde: null,
  geoLaengde: null,
  dawaId: null,
};
