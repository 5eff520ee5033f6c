import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestSourceMs } from './newest-source.ts';
import { spawnTimedServer, type TimedServer } from './spawn-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist/gateway/main.js');

/**
 * How the benchmarks run the gateway, as `npm run gateway` does: the compiled JavaScript when
 * `dist/` has it (`npm run build`), else the sources through tsx — labelled, because tsx's start
 * is not the product's.
 */
export const gatewayRuntime = existsSync(compiled)
  ? {
      label: 'compiled (node dist/gateway/main.js)',
      command: [process.execPath, compiled] as const,
      stale: statSync(compiled).mtimeMs < newestSourceMs(join(root, 'src')),
    }
  : {
      label: 'tsx (no dist/: npm run build for the compiled start)',
      command: [process.execPath, '--import', 'tsx', join(root, 'src/gateway/main.ts')] as const,
      stale: false,
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
