import { pino, type Logger } from 'pino';

/**
 * The gateway's structured JSON logger. Authorization headers and passwords are redacted wherever
 * they might be logged by accident.
 */
export function createGatewayLogger(level: string): Logger {
  return pino({
    name: 'gateway',
    level,
    redact: ['req.headers.authorization', '*.password', 'password', 'authorization', '*.Authorization'],
  });
}
