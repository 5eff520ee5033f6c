import type { RouteHandler } from '../http/graphql-handler.ts';
import { send } from '../../http/send.ts';

/** One readiness check's answer. */
export interface ReadinessReport {
  ready: boolean;
  checks: Readonly<Record<string, string>>;
}

/**
 * `/healthz`: the process is up and answering (for a liveness probe: no upstream is asked).
 * `/readyz`: the gateway can serve (register reachable and its WSDL loaded, breaker closed), 503 if not.
 */
export function createHealthRoutes(readiness: () => Promise<ReadinessReport>): Map<string, RouteHandler> {
  const json = 'application/json; charset=utf-8';
  return new Map<string, RouteHandler>([
    ['/healthz', (_req, res) => send(res, 200, json, '{"status":"ok"}\n')],
    [
      '/readyz',
      async (_req, res) => {
        const report = await readiness().catch((error: unknown) => ({
          ready: false,
          checks: { readiness: error instanceof Error ? error.message : 'failed' },
        }));
        send(
          res,
          report.ready ? 200 : 503,
          json,
          `${JSON.stringify({ status: report.ready ? 'ready' : 'not ready', ...report })}\n`,
        );
      },
    ],
  ]);
}
