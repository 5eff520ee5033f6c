import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GRAPHQL_PATH, type Gateway } from './app.ts';

/** A listening gateway. */
export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  port: number;
  /** Stops accepting connections, waits for requests in flight, then stops the gateway. */
  close(): Promise<void>;
}

/** Listens with a built gateway (port 0: any free port). */
export async function startGateway(
  gateway: Gateway,
  listen: { host: string; port: number },
): Promise<RunningGateway> {
  const server = createServer(gateway.handle);
  // Keep-alive sockets of load generators and phones: longer than typical client pools' idle time.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      await gateway.stop();
    },
  };
}
