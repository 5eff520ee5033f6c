import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { createGateway, gatewaySettings } from './app.ts';
import { loadGatewayConfig } from './config.ts';
import { createRegisterDependencies } from './dependencies.ts';
import type { RouteHandler } from './http/graphql-handler.ts';
import { createGatewayLogger } from './logger.ts';
import { registerOperations } from './operations/register-operations.ts';
import { createWarmUp, warmUpQueries } from './operations/warm-up.ts';
import { PLAYGROUND_EXAMPLES } from './playground/examples.ts';
import { createExportRoutes } from './export/routes.ts';
import { createPlaygroundRoutes } from './playground/routes.ts';
import { startGateway, type RunningGateway } from './server.ts';
import { onStop } from '../process/on-stop.ts';
import { createWebAppRoutes } from './web-app/routes.ts';

/** What a caller (`src/main.ts`) may hand in instead of configuring it. */
export interface RunGatewayOptions {
  logger?: Logger;
  /** The register's CA as PEM text (the embedded register's certificate), instead of `REGISTRY_CA`. */
  registryCa?: string;
  /** Extra HTTP routes by exact path, beside `/graphql`. */
  routes?: ReadonlyMap<string, RouteHandler>;
}

/** Readiness when the dependencies report none. */
const readyAlways = async () => ({ ready: true, checks: {} });

/** Starts the gateway from its configuration: `npm run gateway`, and half of `npm start`. */
export async function runGateway(
  env: NodeJS.ProcessEnv,
  options: RunGatewayOptions = {},
): Promise<RunningGateway> {
  // Since the process started: what loading the modules took, when nothing ran before this.
  const modulesLoadedMs = Math.round(performance.now());
  const config = loadGatewayConfig(env);
  const logger = options.logger ?? createGatewayLogger(config.logLevel);
  const ca =
    options.registryCa ??
    (config.registryCaPath === null ? null : readFileSync(config.registryCaPath, 'utf8'));
  const dependencies = await createRegisterDependencies(config, {
    ca,
    log: (level, fields, message) => logger[level](fields, message),
  });
  const operations = registerOperations(dependencies);
  // Not ready until the playground's example queries have run once: the first user's request
  // should not pay for the first execution (compiling, the first SOAP calls, the first loads).
  const warmUp = createWarmUp(warmUpQueries(PLAYGROUND_EXAMPLES), operations.readiness ?? readyAlways);
  const gateway = await createGateway({
    reader: dependencies.reader,
    writer: dependencies.writer,
    logger,
    ...gatewaySettings(config),
    responseCache: dependencies.responseCache,
    ...(dependencies.sharedState !== null && { persistedQueries: dependencies.sharedState.persistedQueries }),
    changes: dependencies.changes,
    routes: new Map([
      ...createWebAppRoutes(),
      ...createPlaygroundRoutes(),
      ...createExportRoutes(dependencies.reader),
      ...(options.routes ?? []),
    ]),
    operations: { ...operations, readiness: warmUp.readiness },
  });
  const running = await startGateway(gateway, { host: config.host, port: config.port });
  warmUp.start(running.url);
  logger.info(
    {
      url: running.url,
      registry: config.exportServiceUrl,
      importService: config.importServiceUrl,
      changeFeed: config.changeFeed,
      cacheTtlMs: config.cacheTtlMs,
      modulesLoadedMs,
      listeningMs: Math.round(performance.now()),
    },
    `gateway listening: ${running.url}`,
  );
  return {
    ...running,
    close: async () => {
      warmUp.stop();
      await running.close();
      dependencies.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gateway = await runGateway(process.env);
  const stop = () => {
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  onStop(stop, process.env);
}
