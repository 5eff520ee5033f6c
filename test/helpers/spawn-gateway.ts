import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A gateway in its own process, as `npm run gateway` starts it. */
export interface SpawnedGateway {
  /** The GraphQL endpoint. */
  url: string;
  /** `127.0.0.1:port`, as an nginx upstream names it. */
  hostPort: string;
  process: ChildProcess;
  exited: Promise<number | NodeJS.Signals | null>;
  /** SIGTERM (graceful), then wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, answers in flight lost. */
  kill(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts `src/gateway/main.ts` on 127.0.0.1, port 0, with `env` on top of this process's
 * environment, and resolves once it listens (its "gateway listening" log line names the URL).
 */
export async function spawnGateway(env: Record<string, string>): Promise<SpawnedGateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/gateway/main.ts')], {
    cwd: root,
    env: { ...process.env, GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
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
      reject(new Error(`gateway exited (${String(code)}) before listening:\n${output}`)),
    );
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    hostPort: new URL(url).host,
    process: child,
    exited,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
