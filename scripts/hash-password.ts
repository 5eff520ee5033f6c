import { randomBytes } from 'node:crypto';
import { hashPassword } from '../src/registry/auth/user-directory.ts';

// `npm run registry:hash-password -- <password>`: prints a users-file value (scrypt, random salt).
const password = process.argv[2];
if (password === undefined || password === '') {
  console.error('usage: npm run registry:hash-password -- <password>');
  process.exit(2);
}
console.log(hashPassword(password, randomBytes(16)));
