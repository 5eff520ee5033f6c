/**
 * What an ImportService write carries, as node-soap hands it over: every leaf a string (or absent),
 * keyed by the XML element names of the ImportService XSD (STIL's Datamodel names, verbatim).
 * The rules check these raw values, so that a bad value is reported with its field, never coerced.
 */

/** An address (`Adresse`), nested in a unit or an alternative address. */
export interface AdresseInput {
  vejNavn?: string;
  husNummer?: string;
  etage?: string;
  doer?: string;
  postNummer?: string;
  byNavn?: string;
  supplerendeBynavn?: string;
  kommuneKode?: string;
  geoBredde?: string;
  geoLaengde?: string;
  dawaId?: string;
}

/** `Daginstitution`: `daginstitutionsNummer` is given on Update only; an Insert is issued one. */
export interface DaginstitutionInput {
  daginstitutionsNummer?: string;
  daginstitutionsNavn?: string;
  ejerformKode?: string;
  lovgrundlagKode?: string;
  admKommuneKode?: string;
}

/** `AnvisningsEnhed`: `EnhedsNummer` on Update only; `DagInstitutionsNummer` names the parent on Insert. */
export interface AnvisningsEnhedInput {
  EnhedsNummer?: string;
  DagInstitutionsNummer?: string;
  EnhedsNavn?: string;
  InstType3?: string;
  Adresse?: AdresseInput;
  Email?: string;
  TelefonNummer?: string;
  PNummer?: string;
}

/** `AlternativAdresse`: `AlternativAdresseNummer` on Update only; `EnhedsNummer` names the parent unit on Insert. */
export interface AlternativAdresseInput {
  AlternativAdresseNummer?: string;
  EnhedsNummer?: string;
  Navn?: string;
  Adresse?: AdresseInput;
  Email?: string;
  TelefonNummer?: string;
  PNummer?: string;
}
