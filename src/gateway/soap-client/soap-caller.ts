import { Agent } from 'node:https';
import soap, { type Client } from 'soap';
import { isAppError } from '../errors.ts';
import { REQUEST_ID_HEADER } from '../../http/request-id.ts';
import type { CallMetrics, UpstreamOutcome } from '../ports/register-client.ts';
import { currentRequestScope } from '../request-scope.ts';
import { basicAuthorization, type BasicCredentials } from '../../http/basic-credentials.ts';
import { translateSoapError, type CallContext } from './translate-error.ts';

/** Where and how to call one SOAP service. */
/** The register's WSDL lacks an operation the gateway calls: translated like any unreadable answer. */
export class MissingOperationError extends Error {
  constructor(operation: string) {
    super(`The WSDL has no operation ${operation}`);
    this.name = 'MissingOperationError';
  }
}

export interface SoapCallerOptions {
  /** The service's endpoint; its WSDL is read from `<serviceUrl>?wsdl`. */
  serviceUrl: string;
  /** PEM of the CA that signed the register's certificate; null trusts the system's CAs. */
  ca: string | null;
  /** The identity used when a call names none. */
  credentials: BasicCredentials;
  timeoutMs: number;
  metrics: CallMetrics;
  /**
   * The WSDL port whose operations are called, e.g. ExportService's `ExportServiceSoap`: node-soap's
   * client methods are those of the WSDL's last port (the SOAP 1.2 one), while the envelopes it
   * sends are SOAP 1.1; naming the 1.1 port makes binding and envelope agree.
   */
  port: { service: string; port: string };
}

/** What one call carries beside its arguments. */
export interface CallOptions extends CallContext {
  /**
   * The caller's own `Authorization` header value, for this call only (a write); without it the
   * service's own identity is used.
   */
  authorization?: string;
  /** The id sent as `X-Request-Id`; by default that of the request being served, if any. */
  requestId?: string;
  /** Rewrites this call's envelope before it is sent (a SOAP header for this call only). */
  postProcess?: (xml: string) => string;
}

/** One long-lived node-soap client for one service. */
export interface SoapCaller {
  /**
   * Calls an operation once (never retried) and maps its `<Operation>Result`; every failure is an
   * AppError.
   */
  call<T>(operation: string, args: object, map: (result: unknown) => T, options?: CallOptions): Promise<T>;
  /** The operations the service's WSDL declares. */
  operations(): Promise<ReadonlySet<string>>;
  /** Closes the kept-alive sockets. */
  close(): void;
}

type SoapMethod = (args: object, options: object, extraHeaders: object) => Promise<[unknown]>;
type PortMethod = (
  args: object,
  callback: (error: unknown, result: unknown) => void,
  options: object,
  extraHeaders: object,
) => void;

/** One operation of one port (`client[service][port][operation]`), as a promise like node-soap's *Async. */
function portMethod(
  client: Client,
  at: SoapCallerOptions['port'],
  operation: string,
): SoapMethod | undefined {
  const method = asObject(asObject(asObject(client[at.service])[at.port]))[operation];
  if (typeof method !== 'function') return undefined;
  return (args, options, extraHeaders) =>
    new Promise((resolve, reject) => {
      (method as PortMethod)(
        args,
        (error, result) => (error === null || error === undefined ? resolve([result]) : reject(error)),
        options,
        extraHeaders,
      );
    });
}

/**
 * A SoapCaller over node-soap. node-soap keeps headers and security on the client object, so nothing
 * per call is ever set on it: credentials, agent and deadline travel as the call's own options.
 * The client is made on first use (so the gateway starts while the register is down) and made again
 * after a failed attempt.
 */
export function createSoapCaller(options: SoapCallerOptions): SoapCaller {
  const httpsAgent = new Agent({ keepAlive: true, ...(options.ca !== null && { ca: options.ca }) });
  let client: Promise<Client> | null = null;

  const getClient = (): Promise<Client> => {
    client ??= soap
      .createClientAsync(`${options.serviceUrl}?wsdl`, {
        endpoint: options.serviceUrl,
        wsdl_options: { httpsAgent, timeout: options.timeoutMs },
        wsdl_headers: { Authorization: basicAuthorization(options.credentials) },
      })
      .catch((error: unknown) => {
        client = null;
        throw translateSoapError('wsdl', error);
      });
    return client;
  };

  return {
    async call(operation, args, map, callOptions = {}) {
      const soapClient = await getClient();
      const method = portMethod(soapClient, options.port, operation);
      if (method === undefined) {
        throw translateSoapError(operation, new MissingOperationError(operation));
      }
      options.metrics.record(operation);
      const started = performance.now();
      const settle = (outcome: UpstreamOutcome) =>
        options.metrics.settle({ operation, outcome, seconds: (performance.now() - started) / 1000 });
      const requestId = callOptions.requestId ?? currentRequestScope()?.requestId;
      try {
        const [output] = await method(
          args,
          // axios's `timeout` is an idle timeout; the signal bounds the whole call.
          {
            httpsAgent,
            timeout: options.timeoutMs,
            signal: AbortSignal.timeout(options.timeoutMs),
            ...(callOptions.postProcess !== undefined && { postProcess: callOptions.postProcess }),
          },
          // Per call, like the credentials: the shared client's own headers are never touched.
          {
            Authorization: callOptions.authorization ?? basicAuthorization(options.credentials),
            ...(requestId !== undefined && { [REQUEST_ID_HEADER]: requestId }),
          },
        );
        const result =
          typeof output === 'object' && output !== null
            ? (output as Record<string, unknown>)[`${operation}Result`]
            : undefined;
        const mapped = map(result);
        settle('ok');
        return mapped;
      } catch (error) {
        const translated = translateSoapError(operation, error, callOptions);
        settle(outcomeOf(translated));
        throw translated;
      }
    },
    async operations() {
      const described: unknown = (await getClient()).describe();
      const names = new Set<string>();
      for (const ports of Object.values(asObject(described))) {
        for (const operations of Object.values(asObject(ports))) {
          for (const name of Object.keys(asObject(operations))) names.add(name);
        }
      }
      return names;
    },
    close() {
      httpsAgent.destroy();
    },
  };
}

/** The metrics label of a failed call: the register's failure to answer, or a fault about the request. */
const outcomeOf = (error: unknown): UpstreamOutcome => {
  if (!isAppError(error)) return 'fault';
  if (error.code === 'UPSTREAM_TIMEOUT') return 'timeout';
  return error.code === 'UPSTREAM_UNAVAILABLE' ? 'unavailable' : 'fault';
};

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
