import { createServer, request as httpsRequest } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request. */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'status'; status: 500 | 502 | 503 }
  | { kind: 'truncated' }
  | { kind: 'malformed' }
  | { kind: 'soapFault' };

/** One request the proxy saw. */
export interface SeenRequest {
  method: string;
  path: string;
  soapAction: string | undefined;
  body: string;
  fault: Fault['kind'];
  /** The `X-Request-Id` the gateway sent with it, if any. */
  requestId: string | undefined;
}

/** A fault-injecting HTTPS proxy in front of the register, for the gateway's resilience tests. */
export interface FaultProxy {
  url: string;
  /** Requests seen so far, oldest first. */
  seen: SeenRequest[];
  /** Sets the fault for every following request (or one chosen per request). */
  setFault(fault: Fault | ((req: { path: string; soapAction: string | undefined }) => Fault)): void;
  /** Forwards every following request to another register (one restored, or replaced). */
  setTarget(target: string): void;
  close(): Promise<void>;
}

const SOAP_FAULT =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
  '<soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Injected fault</faultstring></soap:Fault></soap:Body></soap:Envelope>';

/**
 * Starts the proxy on port 0 with the register's certificate, forwarding to `target` over HTTPS.
 * It speaks HTTP (not just TCP) so that it can answer 500/503, truncated or malformed XML and SOAP
 * faults per request, and it records every request so a test can count what reached the register.
 */
export async function startFaultProxy(options: {
  target: string;
  ca: string;
  cert: string;
  key: string;
}): Promise<FaultProxy> {
  let choose: (req: { path: string; soapAction: string | undefined }) => Fault = () => ({ kind: 'pass' });
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let target = new URL(options.target);

  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const upstream = httpsRequest(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: target.host },
          ca: options.ca,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '/';
    const soapAction =
      typeof req.headers.soapaction === 'string' ? req.headers.soapaction.replace(/"/g, '') : undefined;
    const fault = choose({ path, soapAction });
    seen.push({
      method: req.method ?? 'GET',
      path,
      soapAction,
      body: body.toString('utf8'),
      fault: fault.kind,
      requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined,
    });
    switch (fault.kind) {
      case 'hang':
        return; // never answers; the client's timeout must act
      case 'reset':
        req.socket.destroy();
        return;
      case 'status':
        res
          .writeHead(fault.status, { 'content-type': 'text/html' })
          .end('<html><body>Service Unavailable</body></html>');
        return;
      case 'soapFault':
        res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' }).end(SOAP_FAULT);
        return;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        break;
      default:
        break;
    }
    const answer = await forward(req, body);
    const headers = { ...answer.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    if (fault.kind === 'truncated') {
      // Promise the whole body, send half of it, then cut the connection.
      res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    const payload =
      fault.kind === 'malformed'
        ? Buffer.from(answer.body.toString('utf8').slice(0, -40) + '<<not xml')
        : answer.body;
    res.writeHead(answer.status, { ...headers, 'content-length': String(payload.length) }).end(payload);
  };

  const server = createServer({ cert: options.cert, key: options.key }, (req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    seen,
    setFault(fault) {
      choose = typeof fault === 'function' ? fault : () => fault;
    },
    setTarget(next) {
      target = new URL(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
