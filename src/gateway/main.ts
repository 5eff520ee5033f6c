import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { createGateway, gatewaySettings } from './app.ts';
import { loadGatewayConfig } from './config.ts';
import { createRegisterDependencies } from './dependencies.ts';
import type { RouteHandler } from './http/graphql-handler.ts';
import { createGatewayLogger } from './logger.ts';
import { registerOperations } from './operations/register-operations.ts';
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

/** Starts the gateway from its configuration: `npm run gateway`, and half of `npm start`. */
export async function runGateway(
  env: NodeJS.ProcessEnv,
  options: RunGatewayOptions = {},
): Promise<RunningGateway> {
  const config = loadGatewayConfig(env);
  const logger = options.logger ?? createGatewayLogger(config.logLevel);
  const ca =
    options.registryCa ??
    (config.registryCaPath === null ? null : readFileSync(config.registryCaPath, 'utf8'));
  const registry = createRegisterDependencies(config, {
    ca,
    log: (level, fields, message) => logger[level](fields, message),
  });
  const gateway = await createGateway({
    reader: registry.reader,
    writer: registry.writer,
    logger,
    ...gatewaySettings(config),
    responseCache: registry.responseCache,
    ...(registry.sharedState !== null && { persistedQueries: registry.sharedState.persistedQueries }),
    changes: registry.changes,
    routes: new Map([
      ...createWebAppRoutes(),
      ...createPlaygroundRoutes(),
      ...createExportRoutes(registry.reader),
      ...(options.routes ?? []),
    ]),
    operations: registerOperations(registry),
  });
  const running = await startGateway(gateway, { host: config.host, port: config.port });
  logger.info(
    {
      url: running.url,
      registry: config.exportServiceUrl,
      importService: config.importServiceUrl,
      changeFeed: config.changeFeed,
      cacheTtlMs: config.cacheTtlMs,
    },
    `gateway listening: ${running.url}`,
  );
  return {
    ...running,
    close: async () => {
      await running.close();
      registry.close();
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
