import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './free-port.ts';

/** Debian's redis-server, where `.ci/install-system-deps` puts it. */
export const REDIS_SERVER = '/usr/bin/redis-server';

/** A redis-server of a test (or of `npm run scale`) on a free loopback port. */
export interface RedisServer {
  url: string;
  port: number;
  /** The process id now (a restart changes it); for a benchmark's CPU figures. */
  readonly pid: number | undefined;
  /** Kills it at once (SIGKILL: an outage, not a shutdown) and waits for the exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is saved). */
  restart(): Promise<void>;
  /** SIGTERM and wait; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts redis-server on 127.0.0.1 with nothing saved to disk, bounded in memory with the policy
 * docs/scaling.md recommends (every key has a TTL; the least recently used goes first when full).
 */
export async function startRedis(
  options: {
    maxMemory?: string;
    /** Allows DEBUG SLEEP from loopback, for a test of a slow Redis. */
    debugCommands?: boolean;
  } = {},
): Promise<RedisServer> {
  let port = 0;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const proc = spawn(
      REDIS_SERVER,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory',
        options.maxMemory ?? '64mb',
        '--maxmemory-policy',
        'allkeys-lru',
        '--loglevel',
        'warning',
        ...(options.debugCommands === true ? ['--enable-debug-command', 'local'] : []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let gone = false;
    exited = new Promise((resolve) => proc.once('exit', () => ((gone = true), resolve())));
    child = proc;
    await waitForPort(port, 10_000, () => gone);
  };

  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }

  const signal = async (name: NodeJS.Signals) => {
    const proc = child;
    if (proc === null || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(name);
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid;
    },
    kill: () => signal('SIGKILL'),
    restart: async () => {
      await signal('SIGKILL');
      await launch();
    },
    stop: () => signal('SIGTERM'),
  };
}
