import { pino, type Logger } from 'pino';

/**
 * The register's structured JSON logger. Authorization headers and passwords are redacted wherever
 * they might be logged by accident.
 */
export function createRegistryLogger(level: string): Logger {
  return pino({
    name: 'registry',
    level,
    redact: ['req.headers.authorization', '*.password', 'password', 'authorization'],
  });
}
