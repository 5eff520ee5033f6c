import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A server in its own process, listening. */
export interface SpawnedServer {
  /** The URL its "listening" log line names. */
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code or signal when the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** Sends `name` unless the process has ended, then waits for the exit. */
  signal(name: NodeJS.Signals): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts `entry` (a path from the project's root) with tsx and `env` on top of this process's
 * environment, and resolves once its JSON log names the URL it listens at (`urlPattern`'s group).
 * `npm run gateway` and `npm run registry` in a child process: what `spawn-gateway.ts` and
 * `spawn-registry.ts` start.
 */
export async function spawnServer(options: {
  /** How an error names it: "gateway", "register". */
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  urlPattern: RegExp;
}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, options.entry)], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = options.urlPattern.exec(output);
      if (match?.[1] !== undefined) {
        child.stdout?.off('data', onData);
        // Keep reading (and dropping) its logs, so that a full pipe never blocks it.
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) =>
      reject(new Error(`${options.name} exited (${String(code)}) before listening:\n${output}`)),
    );
  });
  return {
    url,
    process: child,
    exited,
    signal: async (name) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(name);
      await exited;
    },
  };
}
