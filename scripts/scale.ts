import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnGateway, type SpawnedGateway } from '../test/helpers/spawn-gateway.ts';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { startNginx } from '../test/helpers/start-nginx.ts';
import { startRedis } from '../test/helpers/start-redis.ts';

// `npm run scale [-- <replicas>]`: Debian's redis-server, the register (fresh database with the real
// data), N gateway processes (default 3, or SCALE_REPLICAS) sharing Redis, and Debian's nginx in
// front with WebSocket upgrade, all on loopback ports that were free. Prints the URL; Ctrl-C or
// SIGTERM stops them all. Extra gateway settings pass through the environment (CACHE_TTL_MS …).
const replicas = Number(process.argv[2] ?? process.env.SCALE_REPLICAS ?? 3);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) {
  console.error(`scale: the number of gateways must be 1 to 16; got "${process.argv[2] ?? ''}"`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'dtr-scale-'));
const stops: (() => Promise<void>)[] = [];
let stopping = false;
const stopAll = async (code: number) => {
  if (stopping) return;
  stopping = true;
  // The balancer first, then the gateways (graceful), the register and Redis.
  for (const stop of stops.reverse()) await stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
};
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const redis = await startRedis({ maxMemory: '256mb' });
  stops.push(() => redis.stop());
  const registry = await spawnRegistry(dir);
  stops.push(() => registry.stop());
  const env = {
    NODE_ENV: 'production',
    REGISTRY_URL: registry.url,
    REGISTRY_CA: join(dir, 'tls', 'cert.pem'),
    REDIS_URL: redis.url,
  };
  const gateways: SpawnedGateway[] = [];
  for (let i = 0; i < replicas; i++) {
    const gateway = await spawnGateway(env);
    gateways.push(gateway);
    stops.push(() => gateway.stop());
  }
  const nginx = await startNginx(gateways.map((g) => g.hostPort));
  stops.push(() => nginx.stop());
  console.log(
    [
      `redis     ${redis.url}`,
      `register  ${registry.url}`,
      ...gateways.map((g, i) => `gateway ${i + 1} ${g.url}`),
      '',
      `GraphQL through nginx: ${nginx.url}  (subscriptions: ws://127.0.0.1:${nginx.port}/graphql)`,
      'Ctrl-C stops them all.',
    ].join('\n'),
  );
  // A process that dies on its own takes the others down: nothing is left running.
  for (const [i, gateway] of gateways.entries())
    void gateway.exited.then((code) => {
      if (stopping) return;
      console.error(`scale: gateway ${i + 1} exited (${String(code)}); stopping the rest`);
      void stopAll(1);
    });
} catch (error) {
  console.error(`scale: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
