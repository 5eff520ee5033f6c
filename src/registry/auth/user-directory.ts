import { readFileSync } from 'node:fs';
import { createHash, scryptSync, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { BasicCredentials } from './basic-credentials.ts';
import { identityFromUserName, type Identity } from './identity.ts';

/** Checks credentials; resolves the identity, or null for unknown users and wrong passwords. */
export interface UserDirectory {
  authenticate(credentials: BasicCredentials): Identity | null;
}

/** The embedded default's demo identities; each one's password is its user name (README). */
export const DEMO_USERS = ['admin', 'reader', 'kommune-101', 'privat-33178522'] as const;

/** The demo directory: only for the embedded sandbox, refused once a users file is configured. */
export function createDemoUserDirectory(): UserDirectory {
  const known = new Set<string>(DEMO_USERS);
  return {
    authenticate({ userName, password }) {
      if (!known.has(userName) || !safeEqual(password, userName)) return null;
      return identityFromUserName(userName);
    },
  };
}

/**
 * A users file: one JSON object `{ "<user>": "scrypt$<salt hex>$<hash hex>" }`, made with
 * `npm run registry:hash-password`. User names must follow the identity shapes.
 */
export function loadUserDirectory(path: string): UserDirectory {
  const entries = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new Error(`Users file ${path}: expected a JSON object of user name → scrypt hash`);
  }
  const users = new Map<string, { identity: Identity; salt: Buffer; hash: Buffer }>();
  for (const [userName, value] of Object.entries(entries)) {
    const identity = identityFromUserName(userName);
    const parts = typeof value === 'string' ? value.split('$') : [];
    if (identity === null) throw new Error(`Users file ${path}: "${userName}" is not a known identity shape`);
    if (parts.length !== 3 || parts[0] !== 'scrypt') {
      throw new Error(`Users file ${path}: "${userName}" needs a value "scrypt$<salt hex>$<hash hex>"`);
    }
    users.set(userName, {
      identity,
      salt: Buffer.from(parts[1] ?? '', 'hex'),
      hash: Buffer.from(parts[2] ?? '', 'hex'),
    });
  }
  // scrypt costs tens of milliseconds by design; remember recent successes (keyed by a digest of
  // the credentials, never the password itself) so a busy client does not pay it on every call.
  const verified = new LRUCache<string, Identity>({ max: 1000, ttl: 5 * 60_000 });
  return {
    authenticate({ userName, password }) {
      const user = users.get(userName);
      if (user === undefined) return null;
      const key = createHash('sha256').update(userName).update('\0').update(password).digest('hex');
      const known = verified.get(key);
      if (known !== undefined) return known;
      const hash = scryptSync(password, user.salt, user.hash.length);
      if (!timingSafeEqual(hash, user.hash)) return null;
      verified.set(key, user.identity);
      return user.identity;
    },
  };
}

/** Makes a users-file value for a password. */
export function hashPassword(password: string, salt: Buffer): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
