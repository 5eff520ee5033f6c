import { createClient } from '@keyv/redis';

/** Redis did not serve a command (closed, or no answer in time): the caller falls back to the process. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/**
 * The one Redis client of a gateway process. node-redis as @keyv/redis re-exports it, so that the
 * Keyv store and rate-limiter-flexible share one connection and one version of its types.
 */
export type SharedRedisClient = ReturnType<typeof createClient>;

/** Where the connection stands, for /readyz and /metrics. */
export interface SharedRedisReport {
  /** `starting`: not connected yet; `down`: the in-process stores answer until Redis is back. */
  state: 'starting' | 'up' | 'down';
  /** When the current outage began (epoch ms); null while up. */
  downSinceMs: number | null;
  /** Operations the in-process stores answered because Redis was down or slow, since start. */
  fallbacks: number;
  /** Times Redis went from usable to not, since start. */
  outages: number;
}

/** What a Redis operation came to: its value, or nothing (the caller uses its in-process store). */
export type RedisAttempt<T> = { ok: true; value: T } | { ok: false };

/** A gateway's connection to Redis, with the health its users share. */
export interface SharedRedis {
  client: SharedRedisClient;
  /** Before every key: `<REDIS_KEY_PREFIX>:`. */
  keyPrefix: string;
  /**
   * Runs one operation against Redis within the command deadline. While Redis is known to be down
   * (or was slow less than `retryAfterMs` ago) it is not asked at all; a failure or a timeout marks
   * it so. Never throws: `{ ok: false }` means "use the in-process store".
   */
  attempt<T>(operation: (client: SharedRedisClient) => Promise<T>): Promise<RedisAttempt<T>>;
  report(): Readonly<SharedRedisReport>;
  /** Drops the connection at once (the gateway has stopped serving). */
  close(): void;
}

export interface SharedRedisOptions {
  url: string;
  keyPrefix: string;
  commandTimeoutMs: number;
  retryAfterMs: number;
  log: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;
}

const FALLBACK = { ok: false } as const;

/**
 * Connects to Redis in the background and keeps trying (node-redis reconnects with backoff). The
 * gateway never waits for it: until Redis answers, and whenever it stops answering, the in-process
 * stores serve, and each change of state is logged once.
 */
export function createSharedRedis(options: SharedRedisOptions): SharedRedis {
  const connectTimeoutMs = Math.max(options.commandTimeoutMs, 1000);
  const client: SharedRedisClient = createClient({
    url: options.url,
    // Fail at once while disconnected instead of queueing: the in-process store answers instead.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  const report: SharedRedisReport = { state: 'starting', downSinceMs: null, fallbacks: 0, outages: 0 };
  let retryAtMs = 0;
  let closing = false;

  let probe: NodeJS.Timeout | null = null;
  // While down, a PING now and then finds out when Redis answers again, also with no traffic (a
  // slow Redis that recovers never reconnects, so no 'ready' would say so).
  const startProbing = () => {
    if (probe !== null) return;
    probe = setInterval(() => {
      if (report.state !== 'down' || closing || !client.isReady) return;
      void withDeadline(client.ping(), options.commandTimeoutMs).then(markUp, () => {});
    }, options.retryAfterMs);
    probe.unref();
  };
  const markDown = (error: unknown) => {
    retryAtMs = Date.now() + options.retryAfterMs;
    if (report.state === 'down' || closing) return;
    startProbing();
    report.state = 'down';
    report.downSinceMs = Date.now();
    report.outages += 1;
    options.log(
      'warn',
      { redis: redactUrl(options.url), error: error instanceof Error ? error.message : String(error) },
      'Redis unavailable: shared state falls back to in-process stores until it is back',
    );
  };
  function markUp() {
    retryAtMs = 0;
    if (probe !== null) clearInterval(probe);
    probe = null;
    if (report.state === 'up') return;
    const wasDown = report.state === 'down';
    report.state = 'up';
    report.downSinceMs = null;
    options.log(
      'info',
      { redis: redactUrl(options.url) },
      wasDown ? 'Redis is back: shared state in Redis again' : 'Redis connected: shared state in Redis',
    );
  }

  // The first connection, or the first failure to make it, whichever comes first.
  let settleStart: () => void = () => {};
  const started = new Promise<void>((resolve) => (settleStart = resolve));
  client.on('ready', settleStart);
  client.on('error', settleStart);
  client.on('ready', markUp);
  // node-redis emits an error per failed reconnect; markDown logs only the first of an outage.
  client.on('error', markDown);
  client.on('end', () => markDown(new RedisUnavailableError('connection closed')));
  void client.connect().catch(markDown);

  const usable = () => client.isReady && Date.now() >= retryAtMs;

  return {
    client,
    keyPrefix: `${options.keyPrefix}:`,
    async attempt(operation) {
      // A replica that has just started waits for its first connection or failure (at most the
      // connect timeout) rather than count logins in the process while the fleet's are a moment away.
      if (report.state === 'starting') await withDeadline(started, connectTimeoutMs).catch(() => {});
      if (!usable()) {
        report.fallbacks += 1;
        return FALLBACK;
      }
      try {
        const value = await withDeadline(operation(client), options.commandTimeoutMs);
        // A slow Redis that answers again never reconnects, so no 'ready' says it is back. Not an
        // answer to a command sent before the last failure, though: that would flap.
        if (Date.now() >= retryAtMs) markUp();
        return { ok: true, value };
      } catch (error) {
        markDown(error);
        report.fallbacks += 1;
        return FALLBACK;
      }
    },
    report: () => ({ ...report }),
    close: () => {
      closing = true;
      if (probe !== null) clearInterval(probe);
      client.removeAllListeners('error');
      client.on('error', () => {});
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * Rejects once `ms` have passed; the command itself is left to finish (or fail) on its own. The
 * rejection waits for the event loop's next I/O phase (setImmediate runs after it): when the loop
 * was busy past the deadline, an answer that arrived meanwhile is read first, so a busy process
 * does not take its own lag for a slow Redis.
 */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => setImmediate(() => reject(new RedisUnavailableError(`Redis did not answer within ${ms} ms`))),
      ms,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The URL without its password, for logs. */
const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis';
  }
};
