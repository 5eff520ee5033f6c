import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { parseBasicAuthorization } from '../http/basic-credentials.ts';
import { createFairQueue, type FairQueueLimits } from './auth/fair-queue.ts';
import {
  createFailureThrottle,
  DEFAULT_FAILURE_LIMITS,
  type FailureLimits,
} from './auth/failure-throttle.ts';
import { createLoginCheck, defaultHashQueueLimits } from './auth/login-check.ts';
import type { UserDirectory } from './auth/user-directory.ts';
import { trackForGracefulClose } from '../http/graceful-close.ts';
import { handleSoapEndpoint } from './http/soap-endpoint.ts';
import { requestIdFrom } from '../http/request-id.ts';
import { send } from '../http/send.ts';
import type { SoapService } from './soap/soap-service.ts';
import type { TlsMaterial } from './tls.ts';

/** What the register's request handler needs; built by the caller, which owns the store. */
export interface RegistryHandlerOptions {
  services: readonly SoapService[];
  users: UserDirectory;
  maxRequestBodyBytes: number;
  /** A client that takes no part of an answer for this long is disconnected (default 30 s). */
  sendTimeoutMs?: number;
  logger: Logger;
  /** Failed logins per client address and per user name before either is refused for the window. */
  authFailureLimit?: Partial<FailureLimits>;
  /** How many password hashes run at once and may wait (all clients, and one client address). */
  hashQueue?: Partial<FairQueueLimits>;
  /** The URL clients reach the register at, put in the WSDLs' addresses; default: where it listens. */
  publicUrl?: string | null;
}

/** What the register's HTTPS server needs: the handler's options and where to listen. */
export interface RegistryServerOptions extends RegistryHandlerOptions {
  tls: TlsMaterial;
  host: string;
  port: number;
}

/** The register's request handling, listening nowhere yet: a server (or a test) mounts `handle`. */
export interface RegistryHandler {
  handle: RequestListener;
  /** Answers every new request 503 from now on: the listener calls it as it begins to close. */
  close(): void;
  /**
   * Tells the handler where it is reached, for the WSDLs' addresses when the options named no
   * publicUrl: only the listener knows it, once bound (port 0).
   */
  listeningAt(url: string): void;
}

/** A listening register. */
export interface RunningRegistry {
  /** Base URL; services at `${url}/ExportService` and `${url}/ImportService`. */
  url: string;
  port: number;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

/** Builds the register's handler. Every request needs Basic auth, checked before any XML is read. */
export function createRegistryHandler(options: RegistryHandlerOptions): RegistryHandler {
  let closing = false;
  let publicUrl = options.publicUrl ?? '';
  const logins = createLoginCheck({
    users: options.users,
    throttle: createFailureThrottle({ ...DEFAULT_FAILURE_LIMITS, ...options.authFailureLimit }),
    queue: createFairQueue({ ...defaultHashQueueLimits(), ...options.hashQueue }),
  });
  const byPath = new Map(options.services.map((s) => [`/${s.name}`, s]));
  const schemaPaths = new Map(
    options.services.flatMap((s) => [...s.schemas.keys()].map((f) => [`/${f}`, s])),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const path = req.url?.split('?')[0];
    const client = req.socket.remoteAddress ?? 'unknown';
    const credentials = parseBasicAuthorization(req.headers.authorization);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const user = credentials?.userName;
      options.logger.info(
        { requestId, client, user, method: req.method, path, status: res.statusCode, durationMs },
        'request',
      );
    });
    if (closing) {
      req.resume();
      return send(res, 503, 'text/plain', 'The register is shutting down\n');
    }
    // Health is for the platform's probes: no credentials, no data.
    if (path === '/healthz' && req.method === 'GET')
      return send(res, 200, 'application/json', '{"status":"ok"}\n');
    const login = await logins.check(req.headers.authorization, client);
    if (login.kind !== 'accepted') {
      // Drain and drop whatever body came along: nothing of it is read before authentication.
      req.resume();
      if (login.kind === 'blocked') {
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(login.retryAfterMs / 1000))));
        return send(res, 429, 'text/plain', 'Too many failed logins; try again later\n');
      }
      if (login.kind === 'busy') {
        res.setHeader('Retry-After', '1');
        return send(res, 503, 'text/plain', 'Too many logins waiting to be checked; try again shortly\n');
      }
      res.setHeader('WWW-Authenticate', 'Basic realm="Dagtilbudsregisteret", charset="UTF-8"');
      return send(res, 401, 'text/plain', 'Authentication required\n');
    }
    const { identity } = login;
    const log = options.logger.child({ requestId, user: identity.name });
    // The Host header is the client's to choose: it is neither parsed nor echoed (the WSDL's address is publicUrl).
    const url = new URL(req.url ?? '/', 'https://localhost');
    const service = byPath.get(url.pathname) ?? schemaPaths.get(url.pathname);
    if (service === undefined) return send(res, 404, 'text/plain', 'Not found\n');
    await handleSoapEndpoint(
      service,
      req,
      res,
      url,
      {
        maxBodyBytes: options.maxRequestBodyBytes,
        sendTimeoutMs: options.sendTimeoutMs ?? 30_000,
        publicUrl,
      },
      { identity, requestId, log },
    );
  };

  return {
    handle: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        options.logger.error({ err: error }, 'request failed');
        if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error\n');
        else res.destroy();
      });
    },
    close: () => {
      closing = true;
    },
    listeningAt: (url) => {
      publicUrl ||= url;
    },
  };
}

/** Starts the register's HTTPS server with a handler built from `options`. */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RunningRegistry> {
  const handler = createRegistryHandler(options);
  const server: Server = createServer({ cert: options.tls.cert, key: options.tls.key }, handler.handle);
  const shutdown = trackForGracefulClose(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  // An unspecified address (0.0.0.0, ::) is no place to send requests to; localhost is.
  const reachableHost = ['0.0.0.0', '[::]', '::'].includes(host) ? 'localhost' : host;
  handler.listeningAt(`https://${reachableHost}:${port}`);
  return {
    url: `https://${host}:${port}`,
    port,
    close: async () => {
      handler.close();
      await shutdown.close();
    },
  };
}
