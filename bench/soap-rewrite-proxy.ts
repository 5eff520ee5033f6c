import { Agent, createServer, request, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';

/** The HTTPS proxy in front of the register that both contestants of `npm run bench:mesh` call. */
export interface SoapRewriteProxy {
  /** The base URL the gateway uses as its REGISTRY_URL: the register's own paths, unchanged. */
  url: string;
  /** Mesh's WSDL: `<url>/mesh/ExportService?wsdl`, rewritten for what Mesh can read. */
  meshWsdlUrl: string;
  close(): Promise<void>;
}

export interface SoapRewriteProxyOptions {
  registryUrl: string;
  /** The register's CA, to trust its certificate. */
  ca: string;
  /** The certificate and key the proxy serves with (the register's development pair will do). */
  cert: string;
  key: string;
}

/**
 * Mesh's SOAP loader reads only namespaces that start with `http`, so the register's `urn:`
 * namespaces are given http names on Mesh's side, and back again towards the register.
 */
const NAMESPACES: readonly (readonly [urn: string, http: string])[] = [
  ['urn:dagtilbudsregister:export:v1', 'http://dagtilbudsregister.invalid/export/v1'],
  ['urn:dagtilbudsregister:import:v1', 'http://dagtilbudsregister.invalid/import/v1'],
];
const MESH_PREFIX = '/mesh';

/** Headers that describe one connection or one framing, not the message: never forwarded as they are. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);
const endToEnd = (headers: IncomingMessage['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

/** The WSDL with every port's address (`soap:address`, `soap12:address`) set to `location`. */
const withAddress = (wsdl: string, location: string) =>
  wsdl.replace(
    /(<soap(?:12)?:address location=")[^"]*(")/g,
    (_, before: string, after: string) => `${before}${location}${after}`,
  );

const replaceAll = (text: string, pairs: readonly (readonly [string, string])[]) =>
  pairs.reduce((result, [from, to]) => result.split(from).join(to), text);
const toMesh = (text: string) => replaceAll(text, NAMESPACES);
const toRegistry = (text: string) =>
  replaceAll(
    text,
    NAMESPACES.map(([urn, http]) => [http, urn] as const),
  );

/**
 * The WSDL with its `xs:include`d XSD inlined (Mesh ignores `xs:include`): the include's schema
 * element is replaced by the XSD's own, which has the same target namespace.
 */
function inlineSchema(wsdl: string, xsd: string): string {
  const schema = xsd.slice(xsd.indexOf('<xs:schema'));
  return wsdl.replace(
    /<xs:schema targetNamespace="[^"]*">\s*<xs:include schemaLocation="[^"]*"\/>\s*<\/xs:schema>/,
    () => schema.trim(),
  );
}

/**
 * Starts an HTTPS proxy on 127.0.0.1 (port 0) in front of the register, for the Mesh race: both
 * the gateway and Mesh reach the register through it, over one keep-alive TLS agent, so that both
 * see the same upstream. The register's own paths are forwarded byte for byte (the gateway's
 * side); under `/mesh/` the WSDL is served with the XSD inlined and the namespaces renamed, and
 * SOAP calls are renamed back before they are forwarded and their answers renamed again. Written
 * here because no proxy library rewrites bodies both ways without buffering them anyway.
 */
export async function startSoapRewriteProxy(options: SoapRewriteProxyOptions): Promise<SoapRewriteProxy> {
  const upstream = new URL(options.registryUrl);
  const agent = new Agent({ ca: options.ca, keepAlive: true, maxSockets: 64 });
  let origin = '';

  const forward = (
    method: string,
    path: string,
    headers: IncomingMessage['headers'],
    body: Buffer | null,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const upstreamRequest = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method,
          path,
          agent,
          headers: { ...headers, host: upstream.host },
        },
        (res) => {
          buffer(res).then(
            (answer) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: answer }),
            reject,
          );
        },
      );
      upstreamRequest.on('error', reject);
      upstreamRequest.end(body ?? undefined);
    });

  /** The register's paths, unchanged; only the WSDL's addresses are set to the proxy's. */
  const passThrough = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const body = req.method === 'GET' || req.method === 'HEAD' ? null : await buffer(req);
    const isWsdl = req.method === 'GET' && path.toLowerCase().endsWith('?wsdl');
    // The WSDL is rewritten, so it is fetched unencoded; everything else keeps its encoding.
    const headers = { ...endToEnd(req.headers), ...(isWsdl && { 'accept-encoding': 'identity' }) };
    const answer = await forward(req.method ?? 'GET', path, headers, body);
    const bytes = isWsdl
      ? Buffer.from(withAddress(answer.body.toString('utf8'), `${origin}${path.split('?')[0] ?? ''}`))
      : answer.body;
    res.writeHead(answer.status, { ...endToEnd(answer.headers), 'content-length': bytes.length });
    res.end(bytes);
  };

  const meshWsdl = async (service: string, headers: IncomingMessage['headers']) => {
    const plain = { authorization: headers.authorization ?? '', 'accept-encoding': 'identity' };
    const wsdl = await forward('GET', `/${service}?wsdl`, plain, null);
    const xsd = await forward('GET', `/${service}.xsd`, plain, null);
    if (wsdl.status !== 200 || xsd.status !== 200)
      throw new Error(`the register answered ${wsdl.status}/${xsd.status} for ${service}'s WSDL/XSD`);
    const inlined = inlineSchema(wsdl.body.toString('utf8'), xsd.body.toString('utf8'));
    return toMesh(withAddress(inlined, `${origin}${MESH_PREFIX}/${service}`));
  };

  /** Mesh's side: the WSDL rewritten, and SOAP calls renamed both ways. */
  const meshSide = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const service = path.slice(MESH_PREFIX.length + 1).split('?')[0] ?? '';
    if (req.method === 'GET') {
      const text = await meshWsdl(service, req.headers);
      res.writeHead(200, {
        'content-type': 'text/xml; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      return res.end(text);
    }
    const body = Buffer.from(toRegistry((await buffer(req)).toString('utf8')));
    const headers = {
      'content-type': req.headers['content-type'] ?? 'application/soap+xml; charset=utf-8',
      authorization: req.headers.authorization ?? '',
      'accept-encoding': 'identity',
    };
    const answer = await forward('POST', `/${service}`, headers, body);
    const text = toMesh(answer.body.toString('utf8'));
    res.writeHead(answer.status, {
      'content-type': answer.headers['content-type'] ?? 'text/xml',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  const server: Server = createServer(
    { cert: options.cert, key: options.key, keepAlive: true },
    (req, res) => {
      const path = req.url ?? '/';
      const handled = path.startsWith(`${MESH_PREFIX}/`)
        ? meshSide(req, res, path)
        : passThrough(req, res, path);
      handled.catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    },
  );
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The register's development certificate names 127.0.0.1, and the proxy serves with it.
  origin = `https://127.0.0.1:${port}`;
  return {
    url: origin,
    meshWsdlUrl: `${origin}${MESH_PREFIX}/ExportService?wsdl`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
