/** The gateway's configuration: read once from the environment, validated, frozen. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** The register's base URL; the services are at `/ExportService` and `/ImportService`. */
  registryUrl: string;
  exportServiceUrl: string;
  importServiceUrl: string;
  /** The gateway's own read identity at the register (HTTP Basic). */
  registryUsername: string;
  registryPassword: string;
  /** PEM file of the CA that signed the register's certificate; null: the system's CAs. */
  registryCaPath: string | null;
  /**
   * `auto`: the live read model when the register's WSDL offers the change feed (GetAendringer),
   * else the TTL cache; `off`: always the TTL cache. `GATEWAY_CHANGE_FEED`.
   */
  changeFeed: 'auto' | 'off';
  /** The wait between two polls of the change feed of an idle register. */
  changeFeedPollIntervalMs: number;
  /** The TTL cache's TTL (TTL mode; the live model's code tables too). */
  cacheTtlMs: number;
  cacheMaxEntries: number;
  /** The whole-response cache's size in characters of stored JSON (about bytes); 0: none. */
  responseCacheMaxBytes: number;
  /** Whether a response-cache hit is answered by the HTTP layer, before Apollo's pipeline (same bytes). */
  responseCacheEarly: boolean;
  /** How long past its TTL a cached answer may still be served while the register fails; 0: never. */
  cacheStaleIfErrorMs: number;
  /** The deadline of one SOAP call (one attempt). */
  soapTimeoutMs: number;
  /** Retries of a read (ExportService) after a timeout, a reset or a 502/503/504; writes never. */
  soapReadRetries: number;
  /** The backoff ceiling of the first retry, doubling per retry; the wait is random below it. */
  soapRetryBaseDelayMs: number;
  /** SOAP calls in flight at once per service; the rest wait in turn. */
  soapMaxConcurrentCalls: number;
  /** Consecutive failures of a service that open its circuit breaker. */
  breakerFailureThreshold: number;
  /** How long an open breaker fails fast before it lets one probe through. */
  breakerCoolDownMs: number;
  /** Callers' failed logins (the register's 401 to a mutation) passed on per user name in a window. */
  loginFailuresPerUser: number;
  /** Failed logins of all callers together passed on in a window; below the register's own limit. */
  loginFailuresPerGateway: number;
  loginFailureWindowMs: number;
  maxPageSize: number;
  /** Open WebSocket (subscription) connections per process. */
  subscriptionMaxConnections: number;
  /** The interval of the WebSocket pings that keep a connection alive and find dead ones. */
  subscriptionKeepAliveMs: number;
  /** A WebSocket connection without a running subscription is closed after this long. */
  subscriptionIdleTimeoutMs: number;
  /** Whether the schema may be introspected (GraphiQL needs it); `GATEWAY_INTROSPECTION`. */
  introspection: boolean;
  /**
   * Redis for the state replicas share (APQ, answers, login counters); null: all of it in the
   * process (the embedded default). `redis://` or `rediss://`.
   */
  redisUrl: string | null;
  /** Put before every key this gateway writes, so that several deployments can share one Redis. */
  redisKeyPrefix: string;
  /** A Redis command slower than this is given up on and the in-process store answers instead. */
  redisCommandTimeoutMs: number;
  /** How long after a failure Redis is left alone before it is tried again. */
  redisRetryAfterMs: number;
  /** The longest any key lives in Redis, whatever its own TTL; persisted queries get this one. */
  redisMaxKeyTtlMs: number;
  /** Origins whose pages may call the gateway (CORS), `GATEWAY_CORS_ORIGINS`: `*` or a comma list. */
  corsOrigins: '*' | readonly string[];
  logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Every problem found in the gateway's environment, reported at once before anything starts. */
export class GatewayConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid gateway configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'GatewayConfigError';
    this.problems = problems;
  }
}

/**
 * Reads the gateway's variables (`GATEWAY_*`, `REGISTRY_*`, `CACHE_*`, …); throws one clear message
 * naming every bad value. The only reader of the environment in the gateway.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): Readonly<GatewayConfig> {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? null : raw.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}; got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = text(name);
    if (raw === null) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${name} must be true or false; got "${raw}"`);
    return fallback;
  };
  const httpsUrl = (name: string, fallback: string): string => {
    const raw = text(name) ?? fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      problems.push(`${name} must be a URL; got "${raw}"`);
      return fallback;
    }
    // Basic credentials travel with every call: never over plain HTTP.
    if (url.protocol !== 'https:') problems.push(`${name} must be an https:// URL; got "${raw}"`);
    return raw.replace(/\/+$/, '');
  };

  const origins = (raw: string | null): '*' | readonly string[] => {
    if (raw === null || raw === '*') return '*';
    const list = raw
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    for (const origin of list) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = null;
      }
      // An origin is scheme://host[:port], exactly as a browser sends it in `Origin`.
      if (parsed === null || parsed.origin !== origin) {
        problems.push(
          `GATEWAY_CORS_ORIGINS must be * or origins like https://app.example.dk; got "${origin}"`,
        );
      }
    }
    return Object.freeze(list);
  };

  const registryUrl = httpsUrl('REGISTRY_URL', 'https://localhost:8443');
  // The real register's paths are not public: each service may have a URL of its own.
  const serviceUrl = (name: string, service: string): string =>
    text(name) === null ? `${registryUrl}/${service}` : httpsUrl(name, '');
  const logLevel = text('LOG_LEVEL') ?? 'info';
  const changeFeed = text('GATEWAY_CHANGE_FEED') ?? 'auto';
  if (changeFeed !== 'auto' && changeFeed !== 'off')
    problems.push(`GATEWAY_CHANGE_FEED must be auto or off; got "${changeFeed}"`);
  const redisUrl = text('REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\/[^\s]+$/.test(redisUrl))
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL; got "${redisUrl}"`);
  const redisKeyPrefix = text('REDIS_KEY_PREFIX') ?? 'dtr-gateway';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(redisKeyPrefix))
    problems.push(`REDIS_KEY_PREFIX must be 1 to 64 of A-Z a-z 0-9 . _ -; got "${redisKeyPrefix}"`);
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const config: GatewayConfig = {
    host: text('GATEWAY_HOST') ?? 'localhost',
    port: integer('GATEWAY_PORT', 4000, 0, 65_535),
    registryUrl,
    exportServiceUrl: serviceUrl('REGISTRY_EXPORT_URL', 'ExportService'),
    importServiceUrl: serviceUrl('REGISTRY_IMPORT_URL', 'ImportService'),
    registryUsername: text('REGISTRY_USERNAME') ?? 'reader',
    registryPassword: env.REGISTRY_PASSWORD ?? 'reader',
    registryCaPath: text('REGISTRY_CA'),
    changeFeed: changeFeed === 'off' ? 'off' : 'auto',
    changeFeedPollIntervalMs: integer('CHANGE_FEED_POLL_INTERVAL_MS', 500, 10, 60_000),
    cacheTtlMs: integer('CACHE_TTL_MS', 60_000, 1, 24 * 3600_000),
    cacheMaxEntries: integer('CACHE_MAX_ENTRIES', 20_000, 100, 10_000_000),
    responseCacheMaxBytes: integer('RESPONSE_CACHE_MAX_BYTES', 32 * 1024 * 1024, 0, 4 * 1024 ** 3),
    responseCacheEarly: flag('RESPONSE_CACHE_EARLY', true),
    cacheStaleIfErrorMs: integer('CACHE_STALE_IF_ERROR_MS', 24 * 3600_000, 0, 7 * 24 * 3600_000),
    soapTimeoutMs: integer('SOAP_TIMEOUT_MS', 10_000, 100, 600_000),
    soapReadRetries: integer('SOAP_READ_RETRIES', 2, 0, 10),
    soapRetryBaseDelayMs: integer('SOAP_RETRY_BASE_DELAY_MS', 100, 1, 60_000),
    soapMaxConcurrentCalls: integer('SOAP_MAX_CONCURRENT_CALLS', 16, 1, 1000),
    breakerFailureThreshold: integer('BREAKER_FAILURE_THRESHOLD', 5, 1, 1000),
    breakerCoolDownMs: integer('BREAKER_COOL_DOWN_MS', 5000, 10, 600_000),
    loginFailuresPerUser: integer('GATEWAY_LOGIN_FAILURES_PER_USER', 5, 1, 1000),
    loginFailuresPerGateway: integer('GATEWAY_LOGIN_FAILURES_PER_GATEWAY', 15, 1, 100_000),
    loginFailureWindowMs: integer('GATEWAY_LOGIN_FAILURE_WINDOW_MS', 60_000, 100, 24 * 3600_000),
    maxPageSize: integer('MAX_PAGE_SIZE', 500, 1, 1000),
    subscriptionMaxConnections: integer('SUBSCRIPTION_MAX_CONNECTIONS', 1000, 1, 100_000),
    subscriptionKeepAliveMs: integer('SUBSCRIPTION_KEEP_ALIVE_MS', 12_000, 100, 600_000),
    subscriptionIdleTimeoutMs: integer('SUBSCRIPTION_IDLE_TIMEOUT_MS', 300_000, 100, 24 * 3600_000),
    introspection: flag('GATEWAY_INTROSPECTION', true),
    redisUrl,
    redisKeyPrefix,
    redisCommandTimeoutMs: integer('REDIS_COMMAND_TIMEOUT_MS', 250, 10, 60_000),
    redisRetryAfterMs: integer('REDIS_RETRY_AFTER_MS', 1000, 10, 600_000),
    redisMaxKeyTtlMs: integer('REDIS_MAX_KEY_TTL_MS', 24 * 3600_000, 1000, 30 * 24 * 3600_000),
    corsOrigins: origins(text('GATEWAY_CORS_ORIGINS')),
    logLevel,
  };
  if (config.registryUsername.includes(':')) problems.push('REGISTRY_USERNAME must not contain ":"');
  if (problems.length > 0) throw new GatewayConfigError(problems);
  return Object.freeze(config);
}
