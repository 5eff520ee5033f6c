/**
 * The register's data model, with STIL's field names (registry-contract.md §4) so that the store,
 * the SOAP layer and the CSV export all speak the same words. Three levels:
 * Daginstitution → AnvisningsEnhed → AlternativAdresse.
 */

/** `aktivitetsstatus`: `Aktiv` is seen in real data; `Nedlagt` is this project's assumption (contract §3). */
export type Aktivitetsstatus = 'Aktiv' | 'Nedlagt';

/** The three levels, as the samlet export's `dagtilbudsType` would name them. */
export type Niveau = 'daginstitution' | 'anvisningsenhed' | 'alternativadresse';

/** An address as the CSV export spells it; `etage`/`doer` and `dawaId` are assumptions (contract §4). */
export interface Adresse {
  vejNavn: string;
  husNummer: string;
  etage: string | null;
  doer: string | null;
  postNummer: string;
  byNavn: string;
  supplerendeBynavn: string | null;
  /** Official municipality code, unpadded (101, 210). */
  kommuneKode: number;
  /** WGS84 latitude in decimal degrees. */
  geoBredde: number | null;
  /** WGS84 longitude in decimal degrees. */
  geoLaengde: number | null;
  /** DAR/DAWA address id (UUID), where known. */
  dawaId: string | null;
}

/** What every record carries about its life in the register. Timestamps are ISO 8601 with an offset. */
export interface Livsforloeb {
  aktivitetsstatus: Aktivitetsstatus;
  oprettetTidspunkt: string;
  /** When its last change committed (the one `aendringsSekvens` names); null until this register changes it. */
  aendretTidspunkt: string | null;
  nedlagtTidspunkt: string | null;
  /** The change sequence number of the last committed change to this record. */
  aendringsSekvens: number;
}

/** A daginstitution: the parent board / cluster level. Never a Unilogin target. */
export interface Daginstitution extends Livsforloeb {
  daginstitutionsNummer: string;
  daginstitutionsNavn: string;
  ejerformKode: number;
  lovgrundlagKode: number;
  admKommuneKode: number;
}

/**
 * Who owns a daginstitution, as the register records it beside STIL's fields: the CVR number of the
 * owner (for a private institution, the private owner). Set once when the daginstitution is created,
 * from its first unit's P-number; never derived from the units under it afterwards. Internal: the
 * rights look at it (import/rights.ts). ExportService shows it as the optional `ejerCvrNummer` (this
 * project's addition), so that a maintainer's client can tell which institutions it may change.
 */
export interface Ejerskab {
  ejerCvrNummer: string | null;
}

/** A daginstitution as the store keeps it: STIL's fields and its owner. */
export type EjetDaginstitution = Daginstitution & Ejerskab;

/** Fields an anvisningsenhed and an alternativ adresse share. */
export interface Enhedsfelter {
  adresse: Adresse;
  email: string | null;
  telefonNummer: string | null;
  /** Filled in by the register from the P-number. */
  cvrNummer: string | null;
  pNummer: string | null;
}

/** An anvisningsenhed: the unit a child is assigned to. */
export interface AnvisningsEnhed extends Livsforloeb, Enhedsfelter {
  anvisningsenhedsNummer: string;
  daginstitutionsNummer: string;
  enhedsNavn: string;
  instType3: number;
}

/** An alternativ adresse ("lokalitet") under an anvisningsenhed. */
export interface AlternativAdresse extends Livsforloeb, Enhedsfelter {
  alternativAdresseNummer: string;
  anvisningsenhedsNummer: string;
  navn: string;
}

/** The whole register, or one slice of it with all three levels (`dagtilbudsRegister`). */
export interface DagtilbudsRegister {
  daginstitutioner: Daginstitution[];
  anvisningsenheder: AnvisningsEnhed[];
  alternativAdresser: AlternativAdresse[];
}
