import { DEFAULT_FAILURE_LIMITS } from './auth/failure-throttle.ts';
import { defaultHashQueueLimits } from './auth/login-check.ts';
import type { ExternalChecksMode } from './external/create-external-registers.ts';

/** The register's configuration: read once from the environment, validated, frozen. */
export interface RegistryConfig {
  host: string;
  port: number;
  /** SQLite file; created with its schema and the real data on first start. `:memory:` for none. */
  databasePath: string;
  /** PEM certificate and key; when absent, a development certificate is made in `tlsDirectory`. */
  tlsCertPath: string | null;
  tlsKeyPath: string | null;
  tlsDirectory: string;
  /** JSON users file with scrypt hashes; when absent, the demo identities are on. */
  usersFilePath: string | null;
  maxRequestBodyBytes: number;
  /** A client that takes no part of an answer for this long is disconnected. */
  sendTimeoutMs: number;
  /** Memory for the ExportService's big answers, shared between callers until the next write. */
  sharedAnswersMaxBytes: number;
  logLevel: string;
  /** CVR (P-numbers) and DAR (addresses) checks: `embedded` (the data the project carries) or `off`. */
  externalChecks: ExternalChecksMode;
  /** The URL clients reach the register at, for the WSDLs' addresses; null: where it listens. */
  publicUrl: string | null;
  /** Failed logins let through per client address and per user name in a window (then 429). */
  loginFailuresPerAddress: number;
  loginFailuresPerUser: number;
  loginFailureWindowMs: number;
  /** Password hashes (scrypt) running at once; the rest wait their turn. */
  maxConcurrentHashes: number;
  /** Test-only: an ImportService operation inside whose write transaction the process kills itself. */
  faultKillInWrite: string | null;
  /** Whether ExportService offers the change feed (GetAendringer); off: a register like STIL's. */
  changeFeed: boolean;
}

/** Reads `REGISTRY_*` variables; throws one clear message naming every bad value. */
export function loadRegistryConfig(env: NodeJS.ProcessEnv): Readonly<RegistryConfig> {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}; got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const text = (name: string): string | null => {
    const raw = env[name];
    return raw === undefined || raw === '' ? null : raw;
  };
  const config: RegistryConfig = {
    host: text('REGISTRY_HOST') ?? 'localhost',
    port: integer('REGISTRY_PORT', 8443, 0, 65_535),
    databasePath: text('REGISTRY_DB_PATH') ?? 'var/registry.sqlite',
    tlsCertPath: text('REGISTRY_TLS_CERT'),
    tlsKeyPath: text('REGISTRY_TLS_KEY'),
    tlsDirectory: text('REGISTRY_TLS_DIR') ?? 'var/registry-tls',
    usersFilePath: text('REGISTRY_USERS_FILE'),
    maxRequestBodyBytes: integer('REGISTRY_MAX_BODY_BYTES', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    sendTimeoutMs: integer('REGISTRY_SEND_TIMEOUT_MS', 30_000, 100, 3_600_000),
    sharedAnswersMaxBytes: integer('REGISTRY_SHARED_ANSWERS_MAX_BYTES', 64 * 1024 * 1024, 0, 4 * 1024 ** 3),
    logLevel: text('REGISTRY_LOG_LEVEL') ?? 'info',
    externalChecks: 'embedded',
    faultKillInWrite: text('REGISTRY_FAULT_KILL_IN_WRITE'),
    publicUrl: publicUrl(text('REGISTRY_PUBLIC_URL'), problems),
    changeFeed: true,
    loginFailuresPerAddress: integer(
      'REGISTRY_LOGIN_FAILURES_PER_ADDRESS',
      DEFAULT_FAILURE_LIMITS.maxFailures,
      1,
      1e9,
    ),
    loginFailuresPerUser: integer(
      'REGISTRY_LOGIN_FAILURES_PER_USER',
      DEFAULT_FAILURE_LIMITS.maxFailuresPerUser,
      1,
      1e9,
    ),
    loginFailureWindowMs: integer(
      'REGISTRY_LOGIN_FAILURE_WINDOW_MS',
      DEFAULT_FAILURE_LIMITS.windowMs,
      100,
      86_400_000,
    ),
    maxConcurrentHashes: integer(
      'REGISTRY_MAX_CONCURRENT_HASHES',
      defaultHashQueueLimits().maxRunning,
      1,
      64,
    ),
  };
  const feed = text('REGISTRY_CHANGE_FEED') ?? 'on';
  if (feed === 'on' || feed === 'off') config.changeFeed = feed === 'on';
  else problems.push(`REGISTRY_CHANGE_FEED must be "on" or "off"; got "${feed}"`);
  const checks = text('REGISTRY_EXTERNAL_CHECKS') ?? 'embedded';
  if (checks === 'embedded' || checks === 'off') config.externalChecks = checks;
  else problems.push(`REGISTRY_EXTERNAL_CHECKS must be "embedded" or "off"; got "${checks}"`);
  if ((config.tlsCertPath === null) !== (config.tlsKeyPath === null)) {
    problems.push('REGISTRY_TLS_CERT and REGISTRY_TLS_KEY must be given together');
  }
  if (problems.length > 0) throw new RegistryConfigError(problems);
  return Object.freeze(config);
}

/** An absolute http(s) URL without query or fragment, its trailing slash dropped; null when not set. */
function publicUrl(raw: string | null, problems: string[]): string | null {
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`REGISTRY_PUBLIC_URL must be an absolute URL; got "${raw}"`);
    return null;
  }
  if (
    !['https:', 'http:'].includes(url.protocol) ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== ''
  ) {
    problems.push(
      `REGISTRY_PUBLIC_URL must be an http(s) URL without credentials, query or fragment; got "${raw}"`,
    );
    return null;
  }
  return url.href.replace(/\/+$/, '');
}

/** Every problem of the register's environment at once, so that one start-up names them all. */
export class RegistryConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid register configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'RegistryConfigError';
    this.problems = problems;
  }
}
