import type { InstitutionKind } from '../domain/records.ts';
import type { RegisterClient } from '../ports/register-client.ts';
import type { BasicCredentials } from '../../http/basic-credentials.ts';
import { createCallMetrics } from './call-metrics.ts';
import { mapWithConcurrency } from './map-with-concurrency.ts';
import {
  BATCH_OPERATIONS,
  BY_NUMBER,
  CHANGE_FEED_OPERATION,
  CODE_TABLE_OPERATIONS,
  listCall,
  mapCodes,
  MAX_BATCH_NUMBERS,
} from './operations.ts';
import type { CircuitState } from '../ports/circuit-state.ts';
import { createResilientCaller, type ResiliencePolicy } from './resilience/resilient-caller.ts';
import { createSoapCaller } from './soap-caller.ts';
import { toChangePage } from './to-change-page.ts';

/** How the gateway reaches the register's ExportService. */
export interface SoapRegisterClientOptions {
  exportServiceUrl: string;
  ca: string | null;
  credentials: BasicCredentials;
  timeoutMs: number;
  /** False hides the batch extension, as against STIL's own register (tests, comparisons). */
  useExtensions?: boolean;
  /** Calls in flight at once when looking numbers up one by one (no batch extension). */
  fanOutConcurrency?: number;
  /** Retries, breaker and concurrency cap of the reads; identical concurrent reads always share a call. */
  resilience: Omit<ResiliencePolicy, 'coalesce'>;
}

/** The RegisterClient over SOAP, with the state of its circuit breaker (for readiness and metrics). */
export interface SoapRegisterClient extends RegisterClient {
  /** The ExportService breaker: `closed`, `open` (failing fast) or `half-open` (one probe allowed). */
  circuitState(): CircuitState;
}

/** The RegisterClient over node-soap: one long-lived client for the ExportService. */
export function createSoapRegisterClient(options: SoapRegisterClientOptions): SoapRegisterClient {
  const metrics = createCallMetrics();
  const caller = createResilientCaller(
    createSoapCaller({
      serviceUrl: options.exportServiceUrl,
      port: { service: 'ExportService', port: 'ExportServiceSoap' },
      ca: options.ca,
      credentials: options.credentials,
      timeoutMs: options.timeoutMs,
      metrics,
    }),
    { ...options.resilience, coalesce: true },
  );
  const fanOut = options.fanOutConcurrency ?? 8;
  let batchSupport: Promise<boolean> | null = null;
  const usesBatchExtension = (): Promise<boolean> => {
    if (options.useExtensions === false) return Promise.resolve(false);
    // Read from the WSDL the register serves: STIL's own register has no batch operations.
    batchSupport ??= caller.operations().then(
      (names) => BATCH_OPERATIONS.every((name) => names.has(name)),
      (error: unknown) => {
        batchSupport = null;
        throw error;
      },
    );
    return batchSupport;
  };

  let feedSupport: Promise<boolean> | null = null;
  const offersChangeFeed = (): Promise<boolean> => {
    feedSupport ??= caller.operations().then(
      (names) => names.has(CHANGE_FEED_OPERATION),
      (error: unknown) => {
        feedSupport = null;
        throw error;
      },
    );
    return feedSupport;
  };

  return {
    metrics,
    usesBatchExtension,
    offersChangeFeed,
    changes(afterSequence, max) {
      return caller.call(CHANGE_FEED_OPERATION, { fraSekvens: afterSequence, maksAntal: max }, toChangePage);
    },
    async byNumbers<K extends InstitutionKind>(level: K, numbers: readonly string[]) {
      const operations = BY_NUMBER[level];
      if (numbers.length === 0) return [];
      if (await usesBatchExtension()) {
        const chunks: string[][] = [];
        for (let i = 0; i < numbers.length; i += MAX_BATCH_NUMBERS) {
          chunks.push(numbers.slice(i, i + MAX_BATCH_NUMBERS));
        }
        const answers = await Promise.all(
          chunks.map((chunk) => caller.call(operations.batch, operations.batchArgs(chunk), operations.map)),
        );
        return answers.flat();
      }
      const answers = await mapWithConcurrency(numbers, fanOut, (number) =>
        caller.call(operations.single, operations.singleArgs(number), operations.map),
      );
      return answers.flat();
    },
    list(request) {
      const { args, map } = listCall(request);
      return caller.call(request.operation, args, map);
    },
    codeTable(table) {
      return caller.call(CODE_TABLE_OPERATIONS[table], {}, mapCodes);
    },
    close: () => caller.close(),
    circuitState: () => caller.circuitState(),
  };
}
