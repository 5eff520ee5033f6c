import type {
  AlternativAdresse,
  AnvisningsEnhed,
  Daginstitution,
  Enhedsfelter,
  Livsforloeb,
} from '../domain/model.ts';
import { codeText, type CodeTableName } from '../domain/code-tables.ts';
import { CsvFormatError } from './csv-format-error.ts';
import { formatDecimal } from './decimal.ts';

// The inverse of parse-records.ts: rows in the column order of columns.ts, empty string for no value.

function text(table: CodeTableName, kode: number): string {
  const value = codeText(table, kode);
  if (value === null) throw new CsvFormatError(`${kode} is not a code in ${table}`);
  return value;
}

const orEmpty = (value: string | null): string => value ?? '';
const decimalOrEmpty = (value: number | null): string => (value === null ? '' : formatDecimal(value));

function enhedValues(record: Enhedsfelter & Livsforloeb): string[] {
  const a = record.adresse;
  return [
    String(a.kommuneKode),
    text('kommuneKode', a.kommuneKode),
    orEmpty(record.cvrNummer),
    orEmpty(record.pNummer),
    a.vejNavn,
    a.husNummer,
    orEmpty(a.etage),
    orEmpty(a.doer),
    a.postNummer,
    a.byNavn,
    orEmpty(a.supplerendeBynavn),
    decimalOrEmpty(a.geoBredde),
    decimalOrEmpty(a.geoLaengde),
    orEmpty(a.dawaId),
    orEmpty(record.email),
    orEmpty(record.telefonNummer),
    record.oprettetTidspunkt,
    orEmpty(record.nedlagtTidspunkt),
  ];
}

/** A `daginstitution.csv` row for a `Daginstitution`. */
export function formatDaginstitution(record: Daginstitution): string[] {
  return [
    record.daginstitutionsNummer,
    record.daginstitutionsNavn,
    record.aktivitetsstatus,
    String(record.ejerformKode),
    text('ejerformKode', record.ejerformKode),
    String(record.lovgrundlagKode),
    text('lovgrundlagKode', record.lovgrundlagKode),
    String(record.admKommuneKode),
    text('kommuneKode', record.admKommuneKode),
    record.oprettetTidspunkt,
    orEmpty(record.nedlagtTidspunkt),
  ];
}

/** An `anvisningsenhed.csv` row; the export repeats the parent's `ejerformKode` on every unit. */
export function formatAnvisningsEnhed(record: AnvisningsEnhed, ejerformKode: number): string[] {
  return [
    record.anvisningsenhedsNummer,
    record.daginstitutionsNummer,
    record.enhedsNavn,
    record.aktivitetsstatus,
    String(record.instType3),
    text('InstType3', record.instType3),
    String(ejerformKode),
    text('ejerformKode', ejerformKode),
    ...enhedValues(record),
  ];
}

/** An `alternativadresse.csv` row for an `AlternativAdresse`. */
export function formatAlternativAdresse(record: AlternativAdresse): string[] {
  return [
    record.alternativAdresseNummer,
    record.anvisningsenhedsNummer,
    record.navn,
    record.aktivitetsstatus,
    ...enhedValues(record),
  ];
}
