import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDemoUserDirectory, loadUserDirectory } from './auth/user-directory.ts';
import { createRegistryServices } from './app.ts';
import { createExternalRegisters } from './external/create-external-registers.ts';
import { loadRegistryConfig } from './config.ts';
import { createRegistryLogger } from './logger.ts';
import { seedStore } from './seed/seed-store.ts';
import { startRegistryServer, type RunningRegistry } from './server.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import { loadOrCreateDevelopmentCertificate, readTlsMaterial } from './tls.ts';
import { warmUpHttps, warmUpServices } from './warm-up.ts';
import type { Logger } from 'pino';
import { onStop } from '../process/on-stop.ts';

/** A running register, with the certificate a client must trust. */
export type StartedRegistry = RunningRegistry & { ca: string };

/** Starts the register from its configuration: `npm run registry`, and half of `npm start`. */
export async function runRegistry(env: NodeJS.ProcessEnv, logger?: Logger): Promise<StartedRegistry> {
  const config = loadRegistryConfig(env);
  const log = logger ?? createRegistryLogger(config.logLevel);
  const started = performance.now();
  if (config.databasePath !== ':memory:') mkdirSync(dirname(config.databasePath), { recursive: true });
  const store = openSqliteStore({ path: config.databasePath });
  if (store.isEmpty()) {
    const counts = seedStore(store);
    log.info(
      { ...counts, databasePath: config.databasePath },
      'fresh database: loaded the real register data',
    );
  }
  const tls =
    config.tlsCertPath !== null && config.tlsKeyPath !== null
      ? readTlsMaterial(config.tlsCertPath, config.tlsKeyPath)
      : await loadOrCreateDevelopmentCertificate(config.tlsDirectory);
  const users =
    config.usersFilePath === null ? createDemoUserDirectory() : loadUserDirectory(config.usersFilePath);
  if (config.usersFilePath === null)
    log.warn('demo identities are on (password = user name); set REGISTRY_USERS_FILE');
  const services = await createRegistryServices(
    store,
    {
      ...createExternalRegisters(config.externalChecks, store),
      ...(config.faultKillInWrite === null ? {} : { inWrite: killInWrite(config.faultKillInWrite, log) }),
    },
    { changeFeed: config.changeFeed, sharedAnswersMaxBytes: config.sharedAnswersMaxBytes },
  );
  // Before it says it listens (its readiness): the first caller should not pay for first runs.
  let warmUpStarted = performance.now();
  const warmUpFailed = await warmUpServices(services, log);
  let warmUpMs = performance.now() - warmUpStarted;
  if (warmUpFailed.length > 0) log.warn({ operations: warmUpFailed }, 'warm-up reads did not answer 200');
  const server = await startRegistryServer({
    services,
    users,
    tls,
    host: config.host,
    port: config.port,
    maxRequestBodyBytes: config.maxRequestBodyBytes,
    sendTimeoutMs: config.sendTimeoutMs,
    logger: log,
    publicUrl: config.publicUrl,
    authFailureLimit: {
      maxFailures: config.loginFailuresPerAddress,
      maxFailuresPerUser: config.loginFailuresPerUser,
      windowMs: config.loginFailureWindowMs,
    },
    hashQueue: { maxRunning: config.maxConcurrentHashes },
  });
  warmUpStarted = performance.now();
  await warmUpHttps(server.url, tls.cert);
  warmUpMs += performance.now() - warmUpStarted;
  log.info(
    {
      url: server.url,
      changeFeed: config.changeFeed,
      startupMs: Math.round(performance.now() - started),
      warmUpMs: Math.round(warmUpMs),
    },
    `register listening: ${server.url}/ExportService?wsdl`,
  );
  return {
    ...server,
    ca: tls.cert,
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

/** Test-only fault injection: dies without cleanup in the middle of a write transaction. */
function killInWrite(operation: string, log: Logger): (current: string) => void {
  log.warn({ operation }, 'REGISTRY_FAULT_KILL_IN_WRITE is set: the process will kill itself mid-write');
  return (current) => {
    if (current === operation) process.kill(process.pid, 'SIGKILL');
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const registry = await runRegistry(process.env);
  const stop = () => {
    registry.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  onStop(stop, process.env);
}
