import { assertNever } from '../assert-never.ts';
import type { ChangePage } from '../domain/change.ts';
import type { Code, CodeTable, InstitutionKind, InstitutionOf, RegisterSlice } from '../domain/records.ts';

/**
 * A list read, named by the STIL ExportService operation that answers it (registry contract §2), so
 * that cache keys and call counts speak the register's words. Every list answer is a full set.
 */
export type ListRequest =
  | { operation: 'GetAllDaginstitutioner' }
  | { operation: 'GetDagtilbudByAdmKommuneNummer'; municipalityCode: number }
  | { operation: 'GetAllAnvisningsEnheder' }
  | { operation: 'GetAnvisningsEnhederByCvrnummer'; cvrNumber: string }
  | { operation: 'GetAnvisningsEnhederByPnummer'; pNumber: string }
  | { operation: 'GetAnvisningsEnhederByDaginstitutionsnummer'; daycareInstitutionNumber: string }
  | { operation: 'GetAllAlternativAdresser' }
  | { operation: 'GetAlternativAdresserByCvrnummer'; cvrNumber: string }
  | { operation: 'GetAlternativAdresserByPnummer'; pNumber: string }
  | { operation: 'GetAlternativAdresserByAnvisningsenhedsnummer'; assignmentUnitNumber: string };

/** How one upstream call ended: answered, timed out, unreachable, or answered with a fault. */
export type UpstreamOutcome = 'ok' | 'timeout' | 'unavailable' | 'fault';

/** One finished upstream call. */
export interface SettledCall {
  operation: string;
  outcome: UpstreamOutcome;
  seconds: number;
}

/** SOAP calls made, by operation name: how tests and the benchmark count round trips. */
export interface CallMetrics {
  record(operation: string): void;
  /** Reports how one call ended to every listener (the /metrics counters and histogram). */
  settle(call: SettledCall): void;
  /** Hears of every settled call from now on; returns the unsubscribe. */
  onSettled(listener: (call: SettledCall) => void): () => void;
  /** Calls by operation since the last reset. */
  byOperation(): Readonly<Record<string, number>>;
  total(): number;
  reset(): void;
}

/** The gateway's port to the register: reads only, every answer mapped to the domain model. */
export interface RegisterClient {
  /** The records of one level by institutionsnummer; unknown numbers are left out, order is not kept. */
  byNumbers<K extends InstitutionKind>(level: K, numbers: readonly string[]): Promise<InstitutionOf<K>[]>;
  /** One list read. */
  list(request: ListRequest): Promise<RegisterSlice>;
  /** One code table, ordered by code. */
  codeTable(table: CodeTable): Promise<Code[]>;
  /** Whether the batch look-ups (this project's extension) are used, or a bounded fan-out instead. */
  usesBatchExtension(): Promise<boolean>;
  /** Whether the register's WSDL offers the change feed (`GetAendringer`, this project's extension). */
  offersChangeFeed(): Promise<boolean>;
  /** The changes after `afterSequence` (exclusive), oldest first, at most `max` (1..1000). */
  changes(afterSequence: number, max: number): Promise<ChangePage>;
  readonly metrics: CallMetrics;
  /** Releases sockets. */
  close(): void;
}

/** The cache key of a list read: the operation and its argument. */
export function listKey(request: ListRequest): string {
  switch (request.operation) {
    case 'GetAllDaginstitutioner':
    case 'GetAllAnvisningsEnheder':
    case 'GetAllAlternativAdresser':
      return request.operation;
    case 'GetDagtilbudByAdmKommuneNummer':
      return `${request.operation}:${request.municipalityCode}`;
    case 'GetAnvisningsEnhederByCvrnummer':
    case 'GetAlternativAdresserByCvrnummer':
      return `${request.operation}:${request.cvrNumber}`;
    case 'GetAnvisningsEnhederByPnummer':
    case 'GetAlternativAdresserByPnummer':
      return `${request.operation}:${request.pNumber}`;
    case 'GetAnvisningsEnhederByDaginstitutionsnummer':
      return `${request.operation}:${request.daycareInstitutionNumber}`;
    case 'GetAlternativAdresserByAnvisningsenhedsnummer':
      return `${request.operation}:${request.assignmentUnitNumber}`;
    default:
      return assertNever(request, 'list request');
  }
}
