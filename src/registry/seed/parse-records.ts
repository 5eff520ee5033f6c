import type {
  AlternativAdresse,
  AnvisningsEnhed,
  Daginstitution,
  Enhedsfelter,
  Livsforloeb,
} from '../domain/model.ts';
import type { AlternativadresseColumn, AnvisningsenhedColumn, DaginstitutionColumn } from './columns.ts';
import type { CsvRow } from './csv.ts';
import { readRow, type RowReader } from './row-reader.ts';

// Formats from registry-contract.md §5. Widths not published there are kept generous on purpose:
// the seed must not reject real values that the register accepted.
const NUMMER = /^[A-Z]\d{5}$/;
const NUMMER_TEXT = 'a letter and 5 digits (e.g. G18062)';
const CVR = /^\d{8}$/;
const P_NUMMER = /^\d{10}$/;
const POST_NUMMER = /^\d{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAVN_MAX = 132;

type LivsforloebColumn = 'aktivitetsstatus' | 'oprettetTidspunkt' | 'nedlagtTidspunkt';

function readLivsforloeb(row: RowReader<LivsforloebColumn>): Livsforloeb {
  const aktivitetsstatus = row.status('aktivitetsstatus');
  const oprettetTidspunkt = row.timestamp('oprettetTidspunkt');
  const nedlagtTidspunkt = row.optionalTimestamp('nedlagtTidspunkt');
  if ((aktivitetsstatus === 'Nedlagt') !== (nedlagtTidspunkt !== null)) {
    throw row.error('nedlagtTidspunkt', 'must be given exactly when aktivitetsstatus is Nedlagt');
  }
  // Seeded records predate the change sequence: nothing has changed them yet.
  return {
    aktivitetsstatus,
    oprettetTidspunkt,
    aendretTidspunkt: null,
    nedlagtTidspunkt,
    aendringsSekvens: 0,
  };
}

type EnhedColumn = Exclude<AlternativadresseColumn & AnvisningsenhedColumn, 'dagtilbudsNavn'>;

function readEnhedsfelter(row: RowReader<EnhedColumn>): Enhedsfelter {
  const geoBredde = row.optionalDecimal('geoBredde', -90, 90);
  const geoLaengde = row.optionalDecimal('geoLaengde', -180, 180);
  if ((geoBredde === null) !== (geoLaengde === null)) {
    throw row.error('geoLaengde', 'geoBredde and geoLaengde must both be given or both be empty');
  }
  const cvrNummer = row.optionalMatching('cvrNummer', CVR, '8 digits');
  const pNummer = row.optionalMatching('pNummer', P_NUMMER, '10 digits');
  if (pNummer !== null && cvrNummer === null) {
    throw row.error('cvrNummer', 'a unit with a P-number must carry the CVR-number it belongs to');
  }
  return {
    adresse: {
      vejNavn: row.text('vejNavn', NAVN_MAX),
      husNummer: row.text('husNummer', 10),
      etage: row.optionalText('etage', 10),
      doer: row.optionalText('doer', 10),
      postNummer: row.matching('postNummer', POST_NUMMER, '4 digits'),
      byNavn: row.text('byNavn', NAVN_MAX),
      supplerendeBynavn: row.optionalText('supplerendeBynavn', NAVN_MAX),
      kommuneKode: row.code('kommuneKode', 'kommuneKode'),
      geoBredde,
      geoLaengde,
      dawaId: row.optionalMatching('dawaId', UUID, 'a UUID'),
    },
    email: row.optionalText('email', 132),
    telefonNummer: row.optionalText('telefonNummer', 20),
    cvrNummer,
    pNummer,
  };
}

// The `_Tekst` columns are not read: a code's text always comes from the code tables.

/** Maps a `daginstitution.csv` row to a `Daginstitution`, validating every field. */
export function parseDaginstitution(csvRow: CsvRow<DaginstitutionColumn>): Daginstitution {
  const row = readRow(csvRow);
  return {
    daginstitutionsNummer: row.matching('daginstitutionsNummer', NUMMER, NUMMER_TEXT),
    daginstitutionsNavn: row.text('daginstitutionsNavn', NAVN_MAX),
    ejerformKode: row.code('ejerformKode', 'ejerformKode'),
    lovgrundlagKode: row.code('lovgrundlagKode', 'lovgrundlagKode'),
    admKommuneKode: row.code('admKommuneKode', 'kommuneKode'),
    ...readLivsforloeb(row),
  };
}

/** Maps an `anvisningsenhed.csv` row to an `AnvisningsEnhed`, validating every field. */
export function parseAnvisningsEnhed(csvRow: CsvRow<AnvisningsenhedColumn>): AnvisningsEnhed {
  const row = readRow(csvRow);
  return {
    anvisningsenhedsNummer: row.matching('anvisningsenhedsNummer', NUMMER, NUMMER_TEXT),
    daginstitutionsNummer: row.matching('daginstitutionsNummer', NUMMER, NUMMER_TEXT),
    enhedsNavn: row.text('dagtilbudsNavn', NAVN_MAX),
    instType3: row.code('instType3', 'InstType3'),
    ...readEnhedsfelter(row),
    ...readLivsforloeb(row),
  };
}

/** Maps an `alternativadresse.csv` row to an `AlternativAdresse`, validating every field. */
export function parseAlternativAdresse(csvRow: CsvRow<AlternativadresseColumn>): AlternativAdresse {
  const row = readRow(csvRow);
  return {
    alternativAdresseNummer: row.matching('alternativAdresseNummer', NUMMER, NUMMER_TEXT),
    anvisningsenhedsNummer: row.matching('anvisningsenhedsNummer', NUMMER, NUMMER_TEXT),
    navn: row.text('dagtilbudsNavn', NAVN_MAX),
    ...readEnhedsfelter(row),
    ...readLivsforloeb(row),
  };
}
