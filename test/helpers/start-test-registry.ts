import { pino } from 'pino';
import { createDemoUserDirectory, type UserDirectory } from '../../src/registry/auth/user-directory.ts';
import { createRegistryServices } from '../../src/registry/app.ts';
import { createExternalRegisters } from '../../src/registry/external/create-external-registers.ts';
import { seedStore } from '../../src/registry/seed/seed-store.ts';
import { startRegistryServer } from '../../src/registry/server.ts';
import type { RegistryStore } from '../../src/registry/store/registry-store.ts';
import { openSqliteStore } from '../../src/registry/store/sqlite-store.ts';
import { generateDevelopmentCertificate, type TlsMaterial } from '../../src/registry/tls.ts';

/** A register on port 0 with a fresh in-memory database holding the real data. */
export interface TestRegistry {
  url: string;
  /** The PEM certificate a client must trust. */
  ca: string;
  /** Certificate and key, for a test server that must pass as the register (the fault proxy). */
  tls: TlsMaterial;
  store: RegistryStore;
  close(): Promise<void>;
}

let certificate: Promise<TlsMaterial> | undefined;

/** How a test register differs from the default one. */
export interface TestRegistryOptions {
  maxRequestBodyBytes?: number;
  seed?: boolean;
  authFailureLimit?: { maxFailures: number; maxFailuresPerUser?: number; windowMs: number };
  /** The URL the WSDLs name as the register's address; where it listens by default. */
  publicUrl?: string;
  /** Who may log in; the demo identities by default. */
  users?: UserDirectory;
  /** ExportService's change feed (GetAendringer); on unless false. */
  changeFeed?: boolean;
  /** Password hashes running at once (the register's default: cores − 1). */
  hashQueue?: { maxRunning: number };
}

/** Starts a register for one test file; close it in afterAll. */
export async function startTestRegistry(options: TestRegistryOptions = {}): Promise<TestRegistry> {
  certificate ??= generateDevelopmentCertificate();
  const tls = await certificate;
  const store = openSqliteStore({ path: ':memory:' });
  if (options.seed !== false) seedStore(store);
  const server = await startRegistryServer({
    services: await createRegistryServices(store, createExternalRegisters('embedded', store), {
      changeFeed: options.changeFeed ?? true,
      sharedAnswersMaxBytes: 64 * 1024 * 1024,
    }),
    users: options.users ?? createDemoUserDirectory(),
    tls,
    host: '127.0.0.1',
    port: 0,
    maxRequestBodyBytes: options.maxRequestBodyBytes ?? 4 * 1024 * 1024,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(options.authFailureLimit === undefined ? {} : { authFailureLimit: options.authFailureLimit }),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    ...(options.hashQueue === undefined ? {} : { hashQueue: options.hashQueue }),
  });
  return {
    url: server.url,
    ca: tls.cert,
    tls,
    store,
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

/** The `Authorization` header value for a demo identity (password = user name). */
export function basicAuth(user: string, password = user): string {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}
