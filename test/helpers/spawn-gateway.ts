import type { ChildProcess } from 'node:child_process';
import { spawnServer } from './spawn-server.ts';

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

/**
 * Starts `src/gateway/main.ts` on 127.0.0.1, port 0, with `env` on top of this process's
 * environment, and resolves once it listens (its "gateway listening" log line names the URL).
 */
export async function spawnGateway(env: Record<string, string>): Promise<SpawnedGateway> {
  const server = await spawnServer({
    name: 'gateway',
    entry: 'src/gateway/main.ts',
    env: { GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: '0', LOG_LEVEL: 'info', ...env },
    urlPattern: /"url":"(http:\/\/[^"]+)"/,
  });
  return {
    url: server.url,
    hostPort: new URL(server.url).host,
    process: server.process,
    exited: server.exited,
    stop: () => server.signal('SIGTERM'),
    kill: () => server.signal('SIGKILL'),
  };
}
