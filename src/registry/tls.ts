import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A PEM certificate (which is also the CA a client must trust) and its key. */
export interface TlsMaterial {
  cert: string;
  key: string;
}

/** Reads a configured certificate and key. */
export function readTlsMaterial(certPath: string, keyPath: string): TlsMaterial {
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}

/** Makes a self-signed development certificate for localhost, offline. */
export async function generateDevelopmentCertificate(): Promise<TlsMaterial> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // Long enough for a sandbox; delete the directory to make a new one.
    notAfterDate: new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** The development certificate kept in `directory`, made there on first start. */
export async function loadOrCreateDevelopmentCertificate(directory: string): Promise<TlsMaterial> {
  const certPath = join(directory, 'cert.pem');
  const keyPath = join(directory, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) return readTlsMaterial(certPath, keyPath);
  const material = await generateDevelopmentCertificate();
  mkdirSync(directory, { recursive: true });
  writeFileSync(keyPath, material.key, { mode: 0o600 });
  writeFileSync(certPath, material.cert);
  return material;
}
