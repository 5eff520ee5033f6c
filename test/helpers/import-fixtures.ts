/**
 * Writes a maintainer would send, built on the real data: addresses the embedded DAR knows and
 * spare P-numbers the embedded CVR knows (data/register/cvr-produktionsenheder.csv). Keys are in
 * the XSD's sequence order, as the schema requires.
 */

/** Spare, active P-numbers per CVR (not used by any unit in the data), and ceased ones. */
export const P = {
  koebenhavn: ['4774805696', '8676166552', '8940978117'],
  koebenhavnOphoert: '5158215495',
  privat33178522: ['4241298019', '7241232336', '8405267581'],
  privat33178522Ophoert: '1142587758',
} as const;

/** København's CVR, which its P-numbers give. */
export const KOEBENHAVN_CVR = '64942212';

/** Real institutions to act on. */
export const REAL = {
  /** Kommunal, § 19 stk. 2, administered by København (101). */
  kommunal101: 'G29215',
  /** Kommunal dagpleje (§ 21) in København. */
  dagpleje101: 'G29216',
  /** Private, CVR 33178522, in Aarhus (751), with its one unit G10662. */
  privat751: 'G30306',
  privatUnit751: 'G10662',
} as const;

/** A known København address (G10432's). */
export const ADRESSE_101 = {
  vejNavn: 'Tyborøn Allé',
  husNummer: '47',
  postNummer: '2720',
  byNavn: 'Vanløse',
  kommuneKode: '101',
};

/** G10662's address in Egå (Aarhus). */
export const ADRESSE_751 = {
  vejNavn: 'Skæring Hedevej',
  husNummer: '14A',
  postNummer: '8250',
  byNavn: 'Egå',
  kommuneKode: '751',
};

/** A new anvisningsenhed's fields. */
export function unit(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    EnhedsNavn: 'Æblehaven',
    InstType3: '6012',
    Adresse: ADRESSE_101,
    Email: 'aeblehaven@kk.dk',
    TelefonNummer: '33 66 33 66',
    PNummer: P.koebenhavn[0],
    ...fields,
  };
}

/** A new kommunal daginstitution in København. */
export function daginstitution(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    daginstitutionsNavn: 'Børnehuset Æblehaven',
    ejerformKode: '1',
    lovgrundlagKode: '1',
    admKommuneKode: '101',
    ...fields,
  };
}
