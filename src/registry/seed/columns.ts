/**
 * The register's CSV export files as this project writes and reads them: file names and columns,
 * in order. The headers follow the real export's camelCase spelling (real-data.md §2); where the
 * real header list is unknown, the order is this project's decision.
 */

/** `daginstitution.csv`: the parent level. */
export const DAGINSTITUTION_COLUMNS = [
  'daginstitutionsNummer',
  'daginstitutionsNavn',
  'aktivitetsstatus',
  'ejerformKode',
  'ejerformKode_Tekst',
  'lovgrundlagKode',
  'lovgrundlagKode_Tekst',
  'admKommuneKode',
  'admKommuneKode_Tekst',
  'oprettetTidspunkt',
  'nedlagtTidspunkt',
] as const;

/** The address, CVR/P-number and contact columns that units and alternative addresses share. */
const ENHED_COLUMNS = [
  'kommuneKode',
  'kommuneKode_Tekst',
  'cvrNummer',
  'pNummer',
  'vejNavn',
  'husNummer',
  'etage',
  'doer',
  'postNummer',
  'byNavn',
  'supplerendeBynavn',
  'geoBredde',
  'geoLaengde',
  'dawaId',
  'email',
  'telefonNummer',
  'oprettetTidspunkt',
  'nedlagtTidspunkt',
] as const;

/** `anvisningsenhed.csv`: the units children are assigned to. */
export const ANVISNINGSENHED_COLUMNS = [
  'anvisningsenhedsNummer',
  'daginstitutionsNummer',
  'dagtilbudsNavn',
  'aktivitetsstatus',
  'instType3',
  'instType3_Tekst',
  'ejerformKode',
  'ejerformKode_Tekst',
  ...ENHED_COLUMNS,
] as const;

/** `alternativadresse.csv`: extra addresses under a unit. */
export const ALTERNATIVADRESSE_COLUMNS = [
  'alternativAdresseNummer',
  'anvisningsenhedsNummer',
  'dagtilbudsNavn',
  'aktivitetsstatus',
  ...ENHED_COLUMNS,
] as const;

/** `cvr-produktionsenheder.csv`: the embedded stand-in for the CVR register's P-units. */
export const CVR_PRODUKTIONSENHED_COLUMNS = ['pNummer', 'cvrNummer', 'status'] as const;

/** `provenance.csv`: one row per value that is not copied verbatim from the real data. */
export const PROVENANCE_COLUMNS = ['fil', 'nummer', 'felt', 'oprindelse', 'regel'] as const;

/** The file names in the data folder. */
export const REGISTER_FILES = {
  daginstitution: 'daginstitution.csv',
  anvisningsenhed: 'anvisningsenhed.csv',
  alternativadresse: 'alternativadresse.csv',
  cvrProduktionsenheder: 'cvr-produktionsenheder.csv',
  provenance: 'provenance.csv',
} as const;

/** A column name of one of the files. */
export type DaginstitutionColumn = (typeof DAGINSTITUTION_COLUMNS)[number];
/** A column name of `anvisningsenhed.csv`. */
export type AnvisningsenhedColumn = (typeof ANVISNINGSENHED_COLUMNS)[number];
/** A column name of `alternativadresse.csv`. */
export type AlternativadresseColumn = (typeof ALTERNATIVADRESSE_COLUMNS)[number];
