import { getOperationAST, parse } from 'graphql';
import type { ReadinessReport } from './health-routes.ts';

/** One operation to run once before the gateway says it is ready. */
export interface WarmUpOperation {
  query: string;
  variables: Readonly<Record<string, unknown>>;
}

/** A gateway that warms up before it says it is ready. */
export interface WarmUp {
  /** The gateway's readiness, not ready until the warm-up has run: for /readyz. */
  readiness(): Promise<ReadinessReport>;
  /** Starts watching for the moment to warm up (once the gateway listens at `graphqlUrl`). */
  start(graphqlUrl: string): void;
  /** Stops watching; a warm-up in flight finishes on its own. */
  stop(): void;
}

/** How often the gateway's own readiness is looked at until it can warm up. */
const WATCH_INTERVAL_MS = 50;

/** Sent with each warm-up request, so that its log lines say what it was. */
const WARM_UP_REQUEST_ID = 'warm-up';

/**
 * Runs each operation once through the real pipeline — a loopback HTTP request to the gateway's
 * own `/graphql`: HTTP layer, Apollo, plugins, resolvers, loaders, the SOAP client or the read
 * model — as soon as the gateway could serve (its own readiness says so), and reports not ready
 * (`warmUp: waiting|running`) until that is done. A user's first request then meets compiled code,
 * parsed documents and filled caches instead of paying for them.
 *
 * What users may see of it, on purpose: /metrics counts these operations (they ran; hiding them
 * would make the figures lie about the work done), and the response cache keeps their answers,
 * which are the register's true answers at its current sequence. A warm-up that fails (the
 * register went away meanwhile) is reported in /readyz's checks and not retried: readiness then
 * follows the gateway's own checks, as without a warm-up.
 */
export function createWarmUp(
  operations: readonly WarmUpOperation[],
  ready: () => Promise<ReadinessReport>,
): WarmUp {
  let state: 'waiting' | 'running' | 'done' | 'failed' = 'waiting';
  let failure = '';
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = async (graphqlUrl: string): Promise<void> => {
    state = 'running';
    for (const operation of operations) {
      const problem = await execute(graphqlUrl, operation).catch((error: unknown) =>
        error instanceof Error ? error.message : String(error),
      );
      if (problem !== null) {
        state = 'failed';
        failure = problem;
        return;
      }
    }
    state = 'done';
  };

  const readiness = async (): Promise<ReadinessReport> => {
    const own = await ready();
    const warmUp = state === 'failed' ? `failed: ${failure}` : state;
    const finished = state === 'done' || state === 'failed';
    return { ready: own.ready && finished, checks: { ...own.checks, warmUp } };
  };

  return {
    readiness,
    start(graphqlUrl) {
      const watch = async (): Promise<void> => {
        timer = undefined;
        const own = await ready().catch(() => ({ ready: false }));
        if (stopped) return;
        if (own.ready) {
          await run(graphqlUrl);
          return;
        }
        timer = setTimeout(() => void watch(), WATCH_INTERVAL_MS);
        // Watching alone never keeps the process alive.
        timer.unref();
      };
      void watch();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** One operation over HTTP; why it failed, or null when it answered 200 with data and no errors. */
async function execute(graphqlUrl: string, operation: WarmUpOperation): Promise<string | null> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
      'x-request-id': WARM_UP_REQUEST_ID,
    },
    body: JSON.stringify(operation),
  });
  const body = (await response.json()) as { data?: unknown; errors?: readonly { message?: string }[] };
  if (response.status === 200 && body.errors === undefined && body.data != null) return null;
  return body.errors?.[0]?.message ?? `HTTP ${response.status}`;
}

/**
 * The queries among `examples` (GraphiQL tabs: text and variables as JSON), to warm up with. A
 * subscription is left out: it would wait for changes, and what it shares with queries (parsing,
 * validation, the resolvers' model) is warmed by them.
 */
export function warmUpQueries(examples: readonly { query: string; variables: string }[]): WarmUpOperation[] {
  return examples
    .filter((example) => getOperationAST(parse(example.query))?.operation === 'query')
    .map((example) => ({
      query: example.query,
      variables: JSON.parse(example.variables) as Record<string, unknown>,
    }));
}
