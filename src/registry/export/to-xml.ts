import type {
  Adresse,
  AlternativAdresse,
  AnvisningsEnhed,
  Daginstitution,
  DagtilbudsRegister,
  Ejerskab,
  Livsforloeb,
} from '../domain/model.ts';
import { codeText, type CodeTableName, type Kode } from '../domain/code-tables.ts';

/**
 * Pure mapping from the domain model to the ExportService XSD's element objects, as node-soap
 * serialises them. Element order follows the XSD's sequences; absent optional values are left out.
 */

type XmlObject = Record<string, unknown>;

const optional = <T>(name: string, value: T | null): Record<string, T> =>
  value === null ? {} : { [name]: value };

const tekst = (table: CodeTableName, kode: number): string => codeText(table, kode) ?? '';

const livsforloeb = (r: Livsforloeb): XmlObject => ({
  aktivitetsstatus: r.aktivitetsstatus,
  oprettetTidspunkt: r.oprettetTidspunkt,
  ...optional('aendretTidspunkt', r.aendretTidspunkt),
  ...optional('nedlagtTidspunkt', r.nedlagtTidspunkt),
  aendringsSekvens: r.aendringsSekvens,
});

/** Adresse → AdresseExtend. */
export const adresseToXml = (a: Adresse): XmlObject => ({
  vejNavn: a.vejNavn,
  husNummer: a.husNummer,
  ...optional('etage', a.etage),
  ...optional('doer', a.doer),
  postNummer: a.postNummer,
  byNavn: a.byNavn,
  ...optional('supplerendeBynavn', a.supplerendeBynavn),
  kommuneKode: a.kommuneKode,
  kommuneKode_Tekst: tekst('kommuneKode', a.kommuneKode),
  ...optional('geoBredde', a.geoBredde),
  ...optional('geoLaengde', a.geoLaengde),
  ...optional('dawaId', a.dawaId),
});

/** Daginstitution → daginstitutionExtend. */
export const daginstitutionToXml = (d: Daginstitution & Partial<Ejerskab>): XmlObject => ({
  daginstitutionsNummer: d.daginstitutionsNummer,
  daginstitutionsNavn: d.daginstitutionsNavn,
  ejerformKode: d.ejerformKode,
  ejerformKode_Tekst: tekst('ejerformKode', d.ejerformKode),
  lovgrundlagKode: d.lovgrundlagKode,
  lovgrundlagKode_Tekst: tekst('lovgrundlagKode', d.lovgrundlagKode),
  admKommuneKode: d.admKommuneKode,
  admKommuneKode_Tekst: tekst('kommuneKode', d.admKommuneKode),
  // This project's addition: the recorded owner, so that a maintainer's client can tell what it may change.
  ...optional('ejerCvrNummer', d.ejerCvrNummer ?? null),
  ...livsforloeb(d),
});

const enhedsfelter = (e: AnvisningsEnhed | AlternativAdresse): XmlObject => ({
  Adresse: adresseToXml(e.adresse),
  ...optional('Email', e.email),
  ...optional('TelefonNummer', e.telefonNummer),
  ...optional('CVRNummer', e.cvrNummer),
  ...optional('PNummer', e.pNummer),
});

/** AnvisningsEnhed → anvisningenhedExtend. */
export const anvisningsEnhedToXml = (e: AnvisningsEnhed): XmlObject => ({
  EnhedsNummer: e.anvisningsenhedsNummer,
  DagInstitutionsNummer: e.daginstitutionsNummer,
  EnhedsNavn: e.enhedsNavn,
  InstType3: e.instType3,
  InstType3_Tekst: tekst('InstType3', e.instType3),
  ...enhedsfelter(e),
  ...livsforloeb(e),
});

/** AlternativAdresse → alternativadresseExtend. */
export const alternativAdresseToXml = (a: AlternativAdresse): XmlObject => ({
  AlternativAdresseNummer: a.alternativAdresseNummer,
  EnhedsNummer: a.anvisningsenhedsNummer,
  Navn: a.navn,
  ...enhedsfelter(a),
  ...livsforloeb(a),
});

/** A list of daginstitutioner → daginstitutionerExtend. */
export const daginstitutionerToXml = (list: readonly Daginstitution[]): XmlObject => ({
  daginstitution: list.map(daginstitutionToXml),
});

/** A list of anvisningsenheder → anvisningenhederExtend. */
export const anvisningsenhederToXml = (list: readonly AnvisningsEnhed[]): XmlObject => ({
  anvisningsenhed: list.map(anvisningsEnhedToXml),
});

/** A list of alternative addresses → alternativadresserExtend. */
export const alternativAdresserToXml = (list: readonly AlternativAdresse[]): XmlObject => ({
  alternativAdresse: list.map(alternativAdresseToXml),
});

/** A slice of the register → dagtilbudsRegister. */
export const dagtilbudsRegisterToXml = (r: DagtilbudsRegister): XmlObject => ({
  daginstitutioner: daginstitutionerToXml(r.daginstitutioner),
  anvisningsenheder: anvisningsenhederToXml(r.anvisningsenheder),
  alternativAdresser: alternativAdresserToXml(r.alternativAdresser),
});

/** A code table → kodetabel. */
export const kodetabelToXml = (rows: readonly Kode[]): XmlObject => ({
  kode: rows.map((r) => ({ kode: r.kode, tekst: r.tekst })),
});
