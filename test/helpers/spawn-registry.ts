import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnServer } from './spawn-server.ts';

/** A register running in its own process, as `npm run registry` starts it. */
export interface SpawnedRegistry {
  url: string;
  ca: string;
  process: ChildProcess;
  /** Resolves with the exit code or signal when the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the register in a child process on port 0 with a database file and TLS directory in
 * `dir`, and resolves once it listens. Extra environment variables are passed on.
 */
export async function spawnRegistry(dir: string, env: Record<string, string> = {}): Promise<SpawnedRegistry> {
  const server = await spawnServer({
    name: 'register',
    entry: 'src/registry/main.ts',
    env: {
      REGISTRY_PORT: '0',
      REGISTRY_HOST: '127.0.0.1',
      REGISTRY_DB_PATH: join(dir, 'registry.sqlite'),
      REGISTRY_TLS_DIR: join(dir, 'tls'),
      REGISTRY_LOG_LEVEL: 'info',
      ...env,
    },
    urlPattern: /"url":"(https:\/\/[^"]+)"/,
  });
  return {
    url: server.url,
    ca: readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8'),
    process: server.process,
    exited: server.exited,
    stop: () => server.signal('SIGTERM'),
  };
}
