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
  it('the demo directory knows the four identities with password = user name', async () => {
    const demo = createDemoUserDirectory();
    expect(await demo.authenticate({ userName: 'kommune-101', password: 'kommune-101' })).toEqual({
      kind: 'kommune',
      name: 'kommune-101',
      kommuneKode: 101,
    });
    expect(await demo.authenticate({ userName: 'admin', password: 'wrong' })).toBeNull();
    expect(await demo.authenticate({ userName: 'admin', password: '' })).toBeNull();
    expect(await demo.authenticate({ userName: 'kommune-751', password: 'kommune-751' })).toBeNull();
  });

  it('a users file checks scrypt hashes and refuses the demo passwords', async () => {
    const directory = loadUserDirectory(
      usersFile({ admin: hashPassword('s3cret', Buffer.from('salt-for-tests')) }),
    );
    expect((await directory.authenticate({ userName: 'admin', password: 's3cret' }))?.kind).toBe('admin');
    expect(await directory.authenticate({ userName: 'admin', password: 'admin' })).toBeNull();
    expect(await directory.authenticate({ userName: 'reader', password: 'reader' })).toBeNull();
  });

  it('hashes off the event loop: timers keep firing while passwords are checked', async () => {
    const directory = loadUserDirectory(usersFile({ admin: hashPassword('s3cret', Buffer.from('salt')) }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    // Known and unknown users alike: an unknown one is hashed against a dummy.
    await Promise.all([
      directory.authenticate({ userName: 'admin', password: 'guess-1' }),
      directory.authenticate({ userName: 'ukendt', password: 'guess-2' }),
    ]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });

  it('a users file with an unknown identity shape or a bad hash is refused at start-up', () => {
    expect(() => loadUserDirectory(usersFile({ root: hashPassword('x', Buffer.from('s')) }))).toThrow(
      /not a known identity shape/,
    );
    expect(() => loadUserDirectory(usersFile({ admin: 'plaintext' }))).toThrow(/scrypt/);
  });
});
