import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoUserDirectory, hashPassword, loadUserDirectory } from './user-directory.ts';

const usersFile = (entries: Record<string, string>) => {
  const path = join(mkdtempSync(join(tmpdir(), 'users-')), 'users.json');
  writeFileSync(path, JSON.stringify(entries));
  return path;
};

describe('user directories', () => {
  it('the demo directory knows the four identities with password = user name', () => {
    const demo = createDemoUserDirectory();
    expect(demo.authenticate({ userName: 'kommune-101', password: 'kommune-101' })).toEqual({
      kind: 'kommune',
      name: 'kommune-101',
      kommuneKode: 101,
    });
    expect(demo.authenticate({ userName: 'admin', password: 'wrong' })).toBeNull();
    expect(demo.authenticate({ userName: 'kommune-751', password: 'kommune-751' })).toBeNull();
  });

  it('a users file checks scrypt hashes and refuses the demo passwords', () => {
    const directory = loadUserDirectory(
      usersFile({ admin: hashPassword('s3cret', Buffer.from('salt-for-tests')) }),
    );
    expect(directory.authenticate({ userName: 'admin', password: 's3cret' })?.kind).toBe('admin');
    expect(directory.authenticate({ userName: 'admin', password: 'admin' })).toBeNull();
    expect(directory.authenticate({ userName: 'reader', password: 'reader' })).toBeNull();
  });

  it('a users file with an unknown identity shape or a bad hash is refused at start-up', () => {
    expect(() => loadUserDirectory(usersFile({ root: hashPassword('x', Buffer.from('s')) }))).toThrow(
      /not a known identity shape/,
    );
    expect(() => loadUserDirectory(usersFile({ admin: 'plaintext' }))).toThrow(/scrypt/);
  });
});
