import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUserDirectory, type UserDirectory } from '../../src/registry/auth/user-directory.ts';
import { ADRESSE_101, ADRESSE_751, KOEBENHAVN_CVR, P } from './import-fixtures.ts';

/*
 * The rights matrix's identities, kinds of daginstitution and the contract they are judged by —
 * docs/register.md's rights table, written out here on its own so that the tests do not grade the
 * register by its own code.
 */

/** Every identity kind, and a second municipality and private owner. */
export const MATRIX_USERS = [
  'admin',
  'reader',
  'kommune-101',
  'kommune-751',
  'privat-33178522',
  'privat-25330390',
] as const;
export type MatrixUser = (typeof MATRIX_USERS)[number];

/**
 * A users file (REGISTRY_USERS_FILE's format: `scrypt$<salt hex>$<hash hex>`, docs/configuration.md) with every
 * matrix identity, password = user name, loaded as the register loads it.
 */
export function matrixUserDirectory(): UserDirectory {
  const dir = mkdtempSync(join(tmpdir(), 'registry-users-'));
  try {
    const path = join(dir, 'users.json');
    const entries = Object.fromEntries(
      MATRIX_USERS.map((user) => {
        const salt = randomBytes(16);
        return [user, `scrypt$${salt.toString('hex')}$${scryptSync(user, salt, 32).toString('hex')}`];
      }),
    );
    writeFileSync(path, JSON.stringify(entries));
    return loadUserDirectory(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Aarhus Kommune's CVR, and spare active P-numbers under it. */
export const AARHUS_CVR = '55133018';
export const P_AARHUS = ['2758739355', '5643040644', '6935926846'] as const;
/** A second private owner in Aarhus: G30303 with its unit G10664, and spare P-numbers. */
export const OTHER_PRIVAT_CVR = '25330390';
export const P_OTHER_PRIVAT = ['1555709436', '1799885007', '9345998804'] as const;
export const OTHER_PRIVAT = { daginstitution: 'G30303', unit: 'G10664' } as const;

/** A kind of daginstitution: what InsertDaginstitution is given for it, and whom it then belongs to. */
export interface Kind {
  ejerformKode: number;
  lovgrundlagKode: number;
  admKommuneKode: number;
  /** The CVR its units' P-numbers give, which the register records as its owner. */
  ejerCvrNummer: string;
  pNumre: readonly string[];
  adresse: Record<string, string>;
}

/** The kinds of target: two municipalities' institutions and two private owners'. */
export const KINDS = {
  kommunal101: {
    ejerformKode: 1,
    lovgrundlagKode: 1,
    admKommuneKode: 101,
    ejerCvrNummer: KOEBENHAVN_CVR,
    pNumre: P.koebenhavn,
    adresse: ADRESSE_101,
  },
  selvejende101: {
    ejerformKode: 2,
    lovgrundlagKode: 2,
    admKommuneKode: 101,
    ejerCvrNummer: KOEBENHAVN_CVR,
    pNumre: P.koebenhavn,
    adresse: ADRESSE_101,
  },
  kommunal751: {
    ejerformKode: 1,
    lovgrundlagKode: 1,
    admKommuneKode: 751,
    ejerCvrNummer: AARHUS_CVR,
    pNumre: P_AARHUS,
    adresse: ADRESSE_751,
  },
  privat33178522: {
    ejerformKode: 3,
    lovgrundlagKode: 4,
    admKommuneKode: 751,
    ejerCvrNummer: '33178522',
    pNumre: P.privat33178522,
    adresse: ADRESSE_751,
  },
  privat25330390: {
    ejerformKode: 3,
    lovgrundlagKode: 4,
    admKommuneKode: 751,
    ejerCvrNummer: OTHER_PRIVAT_CVR,
    pNumre: P_OTHER_PRIVAT,
    adresse: ADRESSE_751,
  },
} as const satisfies Record<string, Kind>;
export type KindName = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** What the rights table looks at. */
export interface ContractScope {
  ejerformKode: number;
  admKommuneKode: number;
  ejerCvrNummer: string | null;
}

/**
 * docs/register.md's rights table: admin everything, reader nothing, `kommune-<code>` the kommunale,
 * selvejende and udliciterede daginstitutioner it administers, `privat-<cvr>` the private ones it owns.
 */
export function contractAllows(user: MatrixUser, scope: ContractScope): boolean {
  if (user === 'admin') return true;
  if (user === 'reader') return false;
  const [kind, id] = user.split('-');
  if (kind === 'kommune')
    return String(scope.admKommuneKode) === id && [1, 2, 4].includes(scope.ejerformKode);
  return scope.ejerformKode === 3 && scope.ejerCvrNummer === id;
}

/** InsertDaginstitution's records for a new daginstitution of a kind, with its first unit. */
export function newInstitution(kind: Kind, name: string): Record<string, unknown> {
  return {
    Daginstitution: {
      daginstitutionsNavn: name,
      ejerformKode: String(kind.ejerformKode),
      lovgrundlagKode: String(kind.lovgrundlagKode),
      admKommuneKode: String(kind.admKommuneKode),
    },
    AnvisningsEnhed: newUnit(kind, `${name}, første enhed`),
  };
}

/** A new anvisningsenhed's fields for a kind (DagInstitutionsNummer added by the caller). */
export function newUnit(
  kind: Kind,
  name: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    EnhedsNavn: name,
    InstType3: '6012',
    Adresse: kind.adresse,
    Email: 'enhed@example.dk',
    TelefonNummer: '33 66 33 66',
    PNummer: kind.pNumre[0],
    ...fields,
  };
}

/** A new alternative address's fields for a kind (EnhedsNummer first, as the XSD orders it). */
export function newAddress(kind: Kind, enhedsNummer: string, name: string, pNummer = kind.pNumre[1]) {
  return {
    EnhedsNummer: enhedsNummer,
    Navn: name,
    Adresse: kind.adresse,
    PNummer: pNummer,
  };
}
