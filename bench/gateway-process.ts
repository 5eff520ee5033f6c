import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTimedServer, type TimedServer } from './spawn-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// The benchmarks measure the gateway as `npm run gateway` runs it: the compiled JavaScript, built
// first when missing or older than its sources, by the one stale check `npm start` runs too.
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'if-stale', 'server'], { stdio: 'inherit' });

/** How the benchmarks run the gateway, said in their output. */
export const gatewayRuntime = {
  label: 'compiled (node dist/gateway/main.js)',
  command: [process.execPath, join(root, 'dist/gateway/main.js')] as const,
};

/** Starts a gateway in its own process on 127.0.0.1 (port 0), timed to its first answer. */
export function spawnGatewayProcess(registry: {
  url: string;
  caPath: string;
  env?: Record<string, string>;
}): Promise<TimedServer> {
  return spawnTimedServer({
    label: 'gateway',
    command: gatewayRuntime.command,
    env: {
      REGISTRY_URL: registry.url,
      REGISTRY_CA: registry.caPath,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      // The URL is logged at info; requests are not.
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      ...registry.env,
    },
    urlPattern: /"url":"(http:\/\/[^"]+)"/,
  });
}
