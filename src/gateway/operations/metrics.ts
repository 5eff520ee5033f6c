import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RouteHandler } from '../http/graphql-handler.ts';
import { send } from '../../http/send.ts';
import type { ResponseStoreReport } from '../graphql/response-cache.ts';
import type { CacheStats } from '../read-model/ttl-cache/key-value-cache.ts';
import type { CircuitState } from '../ports/circuit-state.ts';
import type { CallMetrics } from '../ports/register-client.ts';

// Ordered by how bad it is, so that `max` over services reads naturally in a dashboard.
const BREAKER_VALUES: Readonly<Record<CircuitState, number>> = { closed: 0, 'half-open': 1, open: 2 };

/** One GraphQL operation answered, as the metrics count it. */
export interface AnsweredOperation {
  /** The operation's name as written; none: anonymous. */
  name: string | undefined;
  outcome: 'ok' | 'error';
  seconds: number;
  /** Served by the HTTP layer from the response cache, without entering Apollo. */
  early: boolean;
}

/** What the rest of the gateway records into the metrics. */
export type OperationRecorder = (answered: AnsweredOperation) => void;

/** What /metrics shows besides the process defaults. */
export interface GatewayMetricsSources {
  /** SOAP calls to the register, by operation (the client's own counter). */
  soapCalls: CallMetrics;
  /** Named gauges read at scrape time (cache size, breaker state …), each a number. */
  gauges?: Readonly<Record<string, { help: string; read: () => number }>>;
  /** Named counters kept elsewhere and read at scrape time (Redis fallbacks …). */
  counters?: Readonly<Record<string, { help: string; read: () => number }>>;
  /** The shared cache's counts since start, read at scrape time. */
  cache?: () => Readonly<CacheStats>;
  /** The response cache's counts since start and its contents now, read at scrape time. */
  responseCache?: () => Readonly<ResponseStoreReport>;
  /** Each register service's circuit breaker, read at scrape time. */
  breakers?: () => Readonly<Record<string, CircuitState>>;
}

/**
 * Prometheus metrics (prom-client): GraphQL operations by name and outcome with durations, SOAP
 * calls by operation and outcome with durations, the shared cache, the response cache, the
 * breakers, the process defaults, and gauges handed in. One registry per gateway, never the global
 * one, so that two gateways in one process (tests) do not mix.
 */
export function createGatewayMetrics(sources: GatewayMetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new Counter({
    name: 'gateway_graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (ok, error)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'GraphQL operation durations by operation name and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'gateway_soap_calls',
    help: 'SOAP calls made to the register since start, by operation',
    labelNames: ['operation'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [operation, count] of Object.entries(sources.soapCalls.byOperation()))
        this.set({ operation }, count);
    },
  });
  const upstreamCalls = new Counter({
    name: 'gateway_upstream_calls_total',
    help: 'SOAP calls to the register by operation and outcome (ok, timeout, unavailable, fault)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const upstreamDurations = new Histogram({
    name: 'gateway_upstream_call_duration_seconds',
    help: 'SOAP call durations (one attempt) by operation and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const unsubscribe = sources.soapCalls.onSettled(({ operation, outcome, seconds }) => {
    upstreamCalls.inc({ operation, outcome });
    upstreamDurations.observe({ operation, outcome }, seconds);
  });
  /** A counter that mirrors a count kept elsewhere (a cache counts; the counter reads it at scrape time). */
  const mirroredCounter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  const cache = sources.cache;
  if (cache !== undefined) {
    mirroredCounter(
      'gateway_cache_hits_total',
      'Shared cache look-ups that found an entry',
      () => cache().hits,
    );
    mirroredCounter(
      'gateway_cache_misses_total',
      'Shared cache look-ups that found none',
      () => cache().misses,
    );
    mirroredCounter(
      'gateway_cache_evictions_total',
      'Shared cache entries pushed out to make room',
      () => cache().evictions,
    );
  }
  const responses = sources.responseCache;
  if (responses !== undefined) {
    mirroredCounter(
      'gateway_response_cache_hits_total',
      'Queries answered whole from the response cache, without executing them',
      () => responses().hits,
    );
    mirroredCounter(
      'gateway_response_cache_misses_total',
      'Cacheable queries the response cache had no answer for',
      () => responses().misses,
    );
    for (const [name, help, read] of [
      ['gateway_response_cache_entries', 'Answers in the response cache', () => responses().entries],
      [
        'gateway_response_cache_size',
        'The response cache size in characters of JSON, keys and overhead (RESPONSE_CACHE_MAX_BYTES bounds it)',
        () => responses().size,
      ],
    ] as const) {
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    }
  }
  const breakers = sources.breakers;
  if (breakers !== undefined) {
    new Gauge({
      name: 'gateway_circuit_state',
      help: 'Circuit breaker state per register service: 0 closed, 1 half-open, 2 open',
      labelNames: ['service'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [service, state] of Object.entries(breakers()))
          this.set({ service }, BREAKER_VALUES[state]);
      },
    });
  }
  for (const [name, counter] of Object.entries(sources.counters ?? {}))
    mirroredCounter(name, counter.help, counter.read);
  for (const [name, gauge] of Object.entries(sources.gauges ?? {})) {
    new Gauge({
      name,
      help: gauge.help,
      registers: [registry],
      collect() {
        this.set(gauge.read());
      },
    });
  }

  const earlyAnswers = new Counter({
    name: 'gateway_graphql_early_answers_total',
    help: 'GraphQL operations answered from the response cache by the HTTP layer, before Apollo (also counted in gateway_graphql_operations_total)',
    labelNames: ['operation'],
    registers: [registry],
  });
  /** Counts one answered GraphQL operation; `early`: served by the HTTP layer from the response cache. */
  const recordOperation = (answered: AnsweredOperation) => {
    // Operation names are chosen by clients: keep the label set bounded.
    const operation = (answered.name ?? 'anonymous').slice(0, 60);
    operations.inc({ operation, outcome: answered.outcome });
    durations.observe({ operation, outcome: answered.outcome }, answered.seconds);
    if (answered.early) earlyAnswers.inc({ operation });
  };

  const route: RouteHandler = async (_req, res) => {
    send(res, 200, registry.contentType, await registry.metrics());
  };
  return { recordOperation, route, registry, stop: unsubscribe };
}
