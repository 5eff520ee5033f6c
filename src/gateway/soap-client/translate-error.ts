import { AppError } from '../errors.ts';
import { UnexpectedAnswerError } from './unexpected-answer.ts';

/** What may be logged about a failed call: never the request, its headers or the whole envelope. */
export interface SoapErrorDetail {
  operation: string;
  code?: string;
  httpStatus?: number;
  faultCode?: string;
  faultString?: string;
  message: string;
}

interface SoapLikeError {
  code?: unknown;
  message?: unknown;
  response?: { status?: unknown };
  root?: { Envelope?: { Body?: { Fault?: { faultcode?: unknown; faultstring?: unknown } } } };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ERR_SOCKET_CLOSED',
]);
// axios: ECONNABORTED/ETIMEDOUT for its own timeout, ERR_CANCELED for the call's abort signal.
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);

/** What a call was, for its translation: a write with the caller's own credentials, or a read. */
export interface CallContext {
  /** The call carried the caller's own credentials: a 401 is theirs, not the gateway's. */
  callerCredentials?: boolean;
  /** The call was a write: its outcome is unknown after a timeout. `number`: what it acted on. */
  write?: { number: string | null };
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Picks the loggable facts out of a node-soap / axios error. */
export function describeSoapError(operation: string, error: unknown): SoapErrorDetail {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SoapLikeError;
  const fault = e.root?.Envelope?.Body?.Fault;
  const message = asString(e.message) ?? String(error);
  // node-soap reports a failed WSDL download as text only: "Invalid WSDL URL: … Code: 401 …".
  const status =
    e.response?.status ?? Number(/^Invalid WSDL URL:[\s\S]*?Code: (\d{3})/.exec(message)?.[1] ?? Number.NaN);
  return {
    operation,
    ...(asString(e.code) !== undefined && { code: asString(e.code) }),
    ...(typeof status === 'number' && !Number.isNaN(status) && { httpStatus: status }),
    ...(fault !== undefined && {
      faultCode: asString(fault.faultcode),
      faultString: asString(fault.faultstring),
    }),
    // The first line only: node-soap appends the whole response body to some messages.
    message: message.split('\n')[0] ?? message,
  };
}

/**
 * Translates a failed register call into the gateway's vocabulary: the one place where upstream
 * faults, timeouts and HTTP errors become typed errors. The client sees a short message; the detail
 * (never credentials or envelopes) rides along as `cause` for the log.
 */
export function translateSoapError(operation: string, error: unknown, call: CallContext = {}): AppError {
  if (error instanceof AppError) return error;
  const cause = describeSoapError(operation, error);
  if (error instanceof UnexpectedAnswerError) {
    return new AppError('UPSTREAM_FAULT', 'The register answered in an unexpected shape.', { cause });
  }
  if (cause.code !== undefined && TIMEOUT_CODES.has(cause.code)) {
    if (call.write !== undefined) {
      // Never retried: the write may have been committed. The caller checks before trying again.
      const number = call.write.number;
      return new AppError(
        'UPSTREAM_TIMEOUT',
        `The register did not answer in time; the outcome of ${operation} is unknown. ` +
          (number === null
            ? 'Check whether it was made before trying again.'
            : `Read ${number} to check whether it was made before trying again.`),
        { cause, ...(number !== null && { extensions: { number } }) },
      );
    }
    return new AppError('UPSTREAM_TIMEOUT', 'The register did not answer in time.', { cause });
  }
  if (call.callerCredentials === true && cause.httpStatus === 401) {
    return new AppError('UNAUTHENTICATED', 'The register did not accept the credentials of this request.', {
      cause,
    });
  }
  if (cause.faultString !== undefined || cause.faultCode !== undefined) {
    return new AppError('UPSTREAM_FAULT', 'The register refused the request.', { cause });
  }
  const tlsProblem = cause.code !== undefined && /CERT|SSL|TLS/.test(cause.code);
  const networkProblem = cause.code !== undefined && NETWORK_CODES.has(cause.code);
  // 401/403: the gateway's own credentials are wrong, which no client can fix; 429: the register
  // throttles the gateway; 5xx: the register is down.
  const httpProblem =
    cause.httpStatus !== undefined && (cause.httpStatus >= 500 || [401, 403, 429].includes(cause.httpStatus));
  if (tlsProblem || networkProblem || httpProblem) {
    return new AppError('UPSTREAM_UNAVAILABLE', 'The register is unavailable.', { cause });
  }
  return new AppError('UPSTREAM_FAULT', 'The register could not answer the request.', { cause });
}
