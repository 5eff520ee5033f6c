import { readFileSync } from 'node:fs';
import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { BasicCredentials } from '../../http/basic-credentials.ts';
import { identityFromUserName, type Identity } from './identity.ts';

/**
 * Checks credentials; resolves the identity, or null for unknown users and wrong passwords. An
 * unknown user costs the same work as a known one with a wrong password, so the answer's timing
 * does not tell which user names exist.
 */
export interface UserDirectory {
  authenticate(credentials: BasicCredentials): Promise<Identity | null>;
}

/** The embedded default's demo identities; each one's password is its user name (docs/register.md, "Identities"). */
export const DEMO_USERS = ['admin', 'reader', 'kommune-101', 'privat-33178522'] as const;

/** The demo directory: only for the embedded sandbox, refused once a users file is configured. */
export function createDemoUserDirectory(): UserDirectory {
  const known = new Set<string>(DEMO_USERS);
  // Unknown names are compared too, against a value no password digests to.
  const nobody = randomBytes(32);
  return {
    authenticate({ userName, password }) {
      // Digests have one length whatever was sent: the comparison takes the same time for all.
      const expected = known.has(userName) ? digest(userName) : nobody;
      const matches = timingSafeEqual(digest(password), expected);
      return Promise.resolve(matches ? identityFromUserName(userName) : null);
    },
  };
}

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/**
 * A users file: one JSON object `{ "<user>": "scrypt$<salt hex>$<hash hex>" }`, made with
 * `npm run registry:hash-password`. User names must follow the identity shapes.
 *
 * scrypt runs on libuv's thread pool (`crypto.scrypt`), never on the event loop; how many hashes
 * run at once is the caller's to bound (the login check's queue).
 */
export function loadUserDirectory(path: string): UserDirectory {
  const entries = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new UsersFileError(`Users file ${path}: expected a JSON object of user name → scrypt hash`);
  }
  const users = new Map<string, { identity: Identity; salt: Buffer; hash: Buffer }>();
  for (const [userName, value] of Object.entries(entries)) {
    const identity = identityFromUserName(userName);
    const parts = typeof value === 'string' ? value.split('$') : [];
    if (identity === null)
      throw new UsersFileError(`Users file ${path}: "${userName}" is not a known identity shape`);
    if (parts.length !== 3 || parts[0] !== 'scrypt') {
      throw new UsersFileError(
        `Users file ${path}: "${userName}" needs a value "scrypt$<salt hex>$<hash hex>"`,
      );
    }
    users.set(userName, {
      identity,
      salt: Buffer.from(parts[1] ?? '', 'hex'),
      hash: Buffer.from(parts[2] ?? '', 'hex'),
    });
  }
  // An unknown user is hashed as well, against a salt and hash nobody's password matches, so that
  // it costs what a known user with a wrong password costs.
  const dummy = { identity: null, salt: randomBytes(16), hash: randomBytes(32) };
  return {
    async authenticate({ userName, password }) {
      const user = users.get(userName) ?? dummy;
      const hash = await scryptAsync(password, user.salt, user.hash.length);
      return timingSafeEqual(hash, user.hash) ? user.identity : null;
    },
  };
}

/** Makes a users-file value for a password. */
export function hashPassword(password: string, salt: Buffer): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A users file the register cannot read as user name → scrypt hash: it refuses to start. */
export class UsersFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsersFileError';
  }
}
