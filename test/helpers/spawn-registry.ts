import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the register in a child process on port 0 with a database file and TLS directory in
 * `dir`, and resolves once it listens. Extra environment variables are passed on.
 */
export async function spawnRegistry(dir: string, env: Record<string, string> = {}): Promise<SpawnedRegistry> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/registry/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      REGISTRY_PORT: '0',
      REGISTRY_HOST: '127.0.0.1',
      REGISTRY_DB_PATH: join(dir, 'registry.sqlite'),
      REGISTRY_TLS_DIR: join(dir, 'tls'),
      REGISTRY_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(https:\/\/[^"]+)"/.exec(output);
      if (match?.[1] !== undefined) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) =>
      reject(new Error(`register exited (${String(code)}) before listening:\n${output}`)),
    );
  });
  return {
    url,
    ca: readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8'),
    process: child,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
