import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Graceful shutdown for a node:http server (the idea of the register's, not its code: the gateway
 * shares nothing with it). `server.close()` also closes "idle" connections, and Node counts one as
 * idle as soon as its response has been ended, even while it is still being written: closing at once
 * cut answers off. So close waits until no response is in flight and every socket has written out
 * what it holds, within a deadline, and only then closes.
 */
export function trackForGracefulClose(server: Server) {
  const inFlight = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
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
    /** Lets answers in flight finish (at most `deadlineMs`), then closes every connection. */
    async close(deadlineMs: number): Promise<void> {
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
