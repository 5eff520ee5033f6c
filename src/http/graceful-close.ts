import type { Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Graceful shutdown for a node:http(s) server, the gateway's and the register's alike (this folder
 * holds what both servers use and neither owns). `server.close()` also closes "idle" connections,
 * and Node counts a connection as idle as soon as its response has been ended, even while megabytes
 * of it are still being written: closing at once cut long answers off. So close waits until no
 * response is in flight and every socket has written out what it holds, within a deadline.
 */
export function trackForGracefulClose(server: HttpServer) {
  const inFlight = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let closing = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  server.on('secureConnection', track);
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    // Tell keep-alive clients to reconnect elsewhere once this answer is done.
    if (closing) res.setHeader('Connection', 'close');
  });
  const settled = () => inFlight.size === 0 && [...sockets].every((s) => s.writableLength === 0);

  return {
    /** Whether close() has begun: new requests should be turned away. */
    isClosing: () => closing,
    /** Stops accepting, lets answers in flight finish (at most `deadlineMs`), then closes. */
    async close(deadlineMs = 10_000): Promise<void> {
      closing = true;
      const deadline = Date.now() + deadlineMs;
      while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
