/**
 * The register's SQLite schema. Records are never deleted: closing sets `aktivitetsstatus` and
 * `nedlagt_tidspunkt`, so a number once used stays in a table and is never issued again.
 */
/**
 * Kept in SQLite's `user_version` (migrate-schema.ts): 2 added `daginstitution.ejer_cvr_nummer`,
 * 3 added `aendret_tidspunkt` on every level (add-missing-columns.ts).
 */
export const SCHEMA_VERSION = 3;

/** Every level's life cycle (domain Livsforloeb): active or closed, when, and its last change. */
const LIVSFORLOEB = `  aktivitetsstatus TEXT NOT NULL CHECK (aktivitetsstatus IN ('Aktiv', 'Nedlagt')),
  oprettet_tidspunkt TEXT NOT NULL,
  aendret_tidspunkt TEXT,
  nedlagt_tidspunkt TEXT,
  aendrings_sekvens INTEGER NOT NULL DEFAULT 0`;

/** What units and alternative addresses share (domain Enhedsfelter): address, contact, CVR and P. */
const ENHEDSFELTER = `  adresse TEXT NOT NULL,
  email TEXT,
  telefon_nummer TEXT,
  cvr_nummer TEXT,
  p_nummer TEXT,`;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS daginstitution (
  nummer TEXT PRIMARY KEY CHECK (length(nummer) = 6),
  navn TEXT NOT NULL,
  navn_soeg TEXT NOT NULL,
  ejerform_kode INTEGER NOT NULL,
  lovgrundlag_kode INTEGER NOT NULL,
  adm_kommune_kode INTEGER NOT NULL,
  -- The owner's CVR, recorded when the daginstitution is created (version 2); the rights read it.
  ejer_cvr_nummer TEXT,
${LIVSFORLOEB}
) STRICT;
CREATE INDEX IF NOT EXISTS daginstitution_adm_kommune ON daginstitution (adm_kommune_kode);

CREATE TABLE IF NOT EXISTS anvisningsenhed (
  nummer TEXT PRIMARY KEY CHECK (length(nummer) = 6),
  daginstitution_nummer TEXT NOT NULL REFERENCES daginstitution (nummer),
  navn TEXT NOT NULL,
  navn_soeg TEXT NOT NULL,
  inst_type3 INTEGER NOT NULL,
${ENHEDSFELTER}
${LIVSFORLOEB}
) STRICT;
CREATE INDEX IF NOT EXISTS anvisningsenhed_parent ON anvisningsenhed (daginstitution_nummer);
CREATE INDEX IF NOT EXISTS anvisningsenhed_cvr ON anvisningsenhed (cvr_nummer);
CREATE INDEX IF NOT EXISTS anvisningsenhed_p ON anvisningsenhed (p_nummer);

CREATE TABLE IF NOT EXISTS alternativ_adresse (
  nummer TEXT PRIMARY KEY CHECK (length(nummer) = 6),
  anvisningsenhed_nummer TEXT NOT NULL REFERENCES anvisningsenhed (nummer),
  navn TEXT NOT NULL,
  navn_soeg TEXT NOT NULL,
${ENHEDSFELTER}
${LIVSFORLOEB}
) STRICT;
CREATE INDEX IF NOT EXISTS alternativ_adresse_parent ON alternativ_adresse (anvisningsenhed_nummer);
CREATE INDEX IF NOT EXISTS alternativ_adresse_cvr ON alternativ_adresse (cvr_nummer);
CREATE INDEX IF NOT EXISTS alternativ_adresse_p ON alternativ_adresse (p_nummer);

-- One number space for all three levels: the highest number ever issued or loaded, per prefix.
CREATE TABLE IF NOT EXISTS nummerserie (
  prefix TEXT PRIMARY KEY,
  sidste INTEGER NOT NULL
) STRICT;

-- The change sequence: one row per committed change; AUTOINCREMENT never reuses a sequence number.
CREATE TABLE IF NOT EXISTS aendring (
  sekvens INTEGER PRIMARY KEY AUTOINCREMENT,
  niveau TEXT NOT NULL,
  nummer TEXT NOT NULL,
  operation TEXT NOT NULL,
  identitet TEXT NOT NULL,
  tidspunkt TEXT NOT NULL
) STRICT;
`;
