import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GRAPHQL_PATH, type Gateway } from './app.ts';
import { trackForGracefulClose } from '../http/graceful-close.ts';
import { sendError } from './http/send.ts';

/** How long close() lets requests in flight run before it cuts them off. */
const CLOSE_DEADLINE_MS = 10_000;

/** A listening gateway. */
export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  port: number;
  /**
   * Answers new requests 503, lets requests in flight finish (within a deadline), closes the
   * server, then stops the gateway.
   */
  close(): Promise<void>;
}

/** A built gateway's requests, as a server mounts them: the register's `RegistryHandler` shape. */
export interface GatewayHandler {
  handle: RequestListener;
  /** Answers every new request 503 from now on: the listener calls it as it begins to close. */
  close(): void;
}

/** The gateway's request handler, listening nowhere yet; it turns requests away once closing. */
export function createGatewayHandler(gateway: Gateway): GatewayHandler {
  let closing = false;
  return {
    handle: (req, res) => {
      if (!closing) return gateway.handle(req, res);
      res.setHeader('Retry-After', '1');
      sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The gateway is shutting down.');
    },
    close: () => {
      closing = true;
    },
  };
}

/** Listens with a built gateway (port 0: any free port). */
export async function startGateway(
  gateway: Gateway,
  listen: { host: string; port: number; closeDeadlineMs?: number },
): Promise<RunningGateway> {
  const handler = createGatewayHandler(gateway);
  const server = createServer(handler.handle);
  const graceful = trackForGracefulClose(server);
  // Keep-alive sockets of load generators and phones: longer than typical client pools' idle time.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const subscriptions = gateway.attachSubscriptions(server);
  const { port } = server.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    close: async () => {
      // WebSocket connections are not requests in flight: closed first, so the server can stop.
      await subscriptions.close();
      handler.close();
      await graceful.close(listen.closeDeadlineMs ?? CLOSE_DEADLINE_MS);
      await gateway.stop();
    },
  };
}
