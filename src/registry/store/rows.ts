import type {
  Adresse,
  AlternativAdresse,
  AnvisningsEnhed,
  EjetDaginstitution,
  Livsforloeb,
} from '../domain/model.ts';

/** The prefix of the numbers this register issues ("G-numre"); `D10041` and the like are only stored. */
export const NUMBER_PREFIX = 'G';

/** `G` + 5 digits. */
export function formatNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99_999) {
    throw new RangeError(
      `The number space ${NUMBER_PREFIX}00001–${NUMBER_PREFIX}99999 is exhausted at ${value}`,
    );
  }
  return NUMBER_PREFIX + String(value).padStart(5, '0');
}

/** The numeric part of a number in this register's own series, or null for any other shape. */
export function numberValue(nummer: string): number | null {
  const match = /^G(\d{5})$/.exec(nummer);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** How names are stored for "name contains" look-ups, and queries folded to match: case-folded the Danish way, composed (NFC). */
export function foldName(name: string): string {
  return name.toLocaleLowerCase('da-DK').normalize('NFC');
}

interface LivsforloebRow {
  aktivitetsstatus: string;
  oprettet_tidspunkt: string;
  aendret_tidspunkt: string | null;
  nedlagt_tidspunkt: string | null;
  aendrings_sekvens: number;
}
const LIVSFORLOEB_COLUMNS = [
  'aktivitetsstatus',
  'oprettet_tidspunkt',
  'aendret_tidspunkt',
  'nedlagt_tidspunkt',
  'aendrings_sekvens',
];

interface EnhedRow extends LivsforloebRow {
  nummer: string;
  navn: string;
  navn_soeg: string;
  adresse: string;
  email: string | null;
  telefon_nummer: string | null;
  cvr_nummer: string | null;
  p_nummer: string | null;
}
const ENHED_COLUMNS = [
  'nummer',
  'navn',
  'navn_soeg',
  'adresse',
  'email',
  'telefon_nummer',
  'cvr_nummer',
  'p_nummer',
  ...LIVSFORLOEB_COLUMNS,
];

/** A `daginstitution` table row. */
export interface DaginstitutionRow extends LivsforloebRow {
  nummer: string;
  navn: string;
  navn_soeg: string;
  ejerform_kode: number;
  lovgrundlag_kode: number;
  adm_kommune_kode: number;
  ejer_cvr_nummer: string | null;
}
export const DAGINSTITUTION_COLUMNS: readonly string[] = [
  'nummer',
  'navn',
  'navn_soeg',
  'ejerform_kode',
  'lovgrundlag_kode',
  'adm_kommune_kode',
  'ejer_cvr_nummer',
  ...LIVSFORLOEB_COLUMNS,
];

/** An `anvisningsenhed` table row; the address is kept as JSON, never queried by SQL. */
export interface AnvisningsEnhedRow extends EnhedRow {
  daginstitution_nummer: string;
  inst_type3: number;
}
export const ANVISNINGSENHED_COLUMNS: readonly string[] = [
  ...ENHED_COLUMNS,
  'daginstitution_nummer',
  'inst_type3',
];

/** An `alternativ_adresse` table row. */
export interface AlternativAdresseRow extends EnhedRow {
  anvisningsenhed_nummer: string;
}
export const ALTERNATIV_ADRESSE_COLUMNS: readonly string[] = [...ENHED_COLUMNS, 'anvisningsenhed_nummer'];

const toLivsforloebRow = (r: Livsforloeb): LivsforloebRow => ({
  aktivitetsstatus: r.aktivitetsstatus,
  oprettet_tidspunkt: r.oprettetTidspunkt,
  aendret_tidspunkt: r.aendretTidspunkt,
  nedlagt_tidspunkt: r.nedlagtTidspunkt,
  aendrings_sekvens: r.aendringsSekvens,
});

const fromLivsforloebRow = (r: LivsforloebRow): Livsforloeb => ({
  aktivitetsstatus: r.aktivitetsstatus === 'Nedlagt' ? 'Nedlagt' : 'Aktiv',
  oprettetTidspunkt: r.oprettet_tidspunkt,
  aendretTidspunkt: r.aendret_tidspunkt,
  nedlagtTidspunkt: r.nedlagt_tidspunkt,
  aendringsSekvens: r.aendrings_sekvens,
});

type EnhedRecord = Pick<AnvisningsEnhed, 'adresse' | 'email' | 'telefonNummer' | 'cvrNummer' | 'pNummer'> &
  Livsforloeb;

const toEnhedRow = (nummer: string, navn: string, r: EnhedRecord): EnhedRow => ({
  nummer,
  navn,
  navn_soeg: foldName(navn),
  adresse: JSON.stringify(r.adresse),
  email: r.email,
  telefon_nummer: r.telefonNummer,
  cvr_nummer: r.cvrNummer,
  p_nummer: r.pNummer,
  ...toLivsforloebRow(r),
});

const fromEnhedRow = (r: EnhedRow): EnhedRecord => ({
  adresse: JSON.parse(r.adresse) as Adresse,
  email: r.email,
  telefonNummer: r.telefon_nummer,
  cvrNummer: r.cvr_nummer,
  pNummer: r.p_nummer,
  ...fromLivsforloebRow(r),
});

/** Daginstitution → row. */
export const toDaginstitutionRow = (d: EjetDaginstitution): DaginstitutionRow => ({
  nummer: d.daginstitutionsNummer,
  navn: d.daginstitutionsNavn,
  navn_soeg: foldName(d.daginstitutionsNavn),
  ejerform_kode: d.ejerformKode,
  lovgrundlag_kode: d.lovgrundlagKode,
  adm_kommune_kode: d.admKommuneKode,
  ejer_cvr_nummer: d.ejerCvrNummer,
  ...toLivsforloebRow(d),
});

/** Row → Daginstitution. */
export const fromDaginstitutionRow = (r: DaginstitutionRow): EjetDaginstitution => ({
  daginstitutionsNummer: r.nummer,
  daginstitutionsNavn: r.navn,
  ejerformKode: r.ejerform_kode,
  lovgrundlagKode: r.lovgrundlag_kode,
  admKommuneKode: r.adm_kommune_kode,
  ejerCvrNummer: r.ejer_cvr_nummer,
  ...fromLivsforloebRow(r),
});

/** AnvisningsEnhed → row. */
export const toAnvisningsEnhedRow = (e: AnvisningsEnhed): AnvisningsEnhedRow => ({
  ...toEnhedRow(e.anvisningsenhedsNummer, e.enhedsNavn, e),
  daginstitution_nummer: e.daginstitutionsNummer,
  inst_type3: e.instType3,
});

/** Row → AnvisningsEnhed. */
export const fromAnvisningsEnhedRow = (r: AnvisningsEnhedRow): AnvisningsEnhed => ({
  anvisningsenhedsNummer: r.nummer,
  daginstitutionsNummer: r.daginstitution_nummer,
  enhedsNavn: r.navn,
  instType3: r.inst_type3,
  ...fromEnhedRow(r),
});

/** AlternativAdresse → row. */
export const toAlternativAdresseRow = (a: AlternativAdresse): AlternativAdresseRow => ({
  ...toEnhedRow(a.alternativAdresseNummer, a.navn, a),
  anvisningsenhed_nummer: a.anvisningsenhedsNummer,
});

/** Row → AlternativAdresse. */
export const fromAlternativAdresseRow = (r: AlternativAdresseRow): AlternativAdresse => ({
  alternativAdresseNummer: r.nummer,
  anvisningsenhedsNummer: r.anvisningsenhed_nummer,
  navn: r.navn,
  ...fromEnhedRow(r),
});
