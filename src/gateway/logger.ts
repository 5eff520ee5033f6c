import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Where credentials could sit in something logged by accident: a request's headers, an axios
 * error's request config, a credentials object. Redacted, whatever the case of the header name.
 * (Callers' credentials are also opaque objects that never serialise: ports/caller-credentials.ts.)
 */
export const REDACTED_PATHS: readonly string[] = [
  'password',
  '*.password',
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'config.headers.Authorization',
  'config.headers.authorization',
  '*.config.headers.Authorization',
  '*.config.headers.authorization',
  'wsdl_headers.Authorization',
  '*.wsdl_headers.Authorization',
];

/** The gateway's structured JSON logger, to stdout or to `destination` (tests read it). */
export function createGatewayLogger(level: string, destination?: DestinationStream): Logger {
  const options = { name: 'gateway', level, redact: [...REDACTED_PATHS] };
  return destination === undefined ? pino(options) : pino(options, destination);
}
