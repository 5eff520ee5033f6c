import type { CallerCredentials } from '../ports/caller-credentials.ts';
import type { CodeTable, InstitutionKind, InstitutionOf } from '../domain/records.ts';
import type { RegisterWrites, WriteOperation, WriteResult } from '../ports/register-writer.ts';

/**
 * A coded value to check against one of the register's code tables before writing, named as the
 * register names the field in its fejlbeskeder (`AnvisningsEnhed/InstType3`), so that the gateway's
 * own errors and the register's land at the same place in the caller's input.
 */
export interface CodeCheck {
  /** The request's record element (`Daginstitution`, `AnvisningsEnhed`). */
  record: string;
  /** The register's element name (`InstType3`), also used in the message. */
  element: string;
  table: CodeTable;
  value: number | null | undefined;
}

/** A committed write. */
export type Written = Extract<WriteResult, { kind: 'ok' }>;

/** Reads a record from the register, not the cache, and stores it for everyone. */
export type ReadFresh = <K extends InstitutionKind>(
  level: K,
  number: string,
) => Promise<InstitutionOf<K> | null>;

/** One write: what it sends, what it touches, and what its payload reads back. */
export interface WriteSpec<P extends object> {
  operation: WriteOperation;
  codes?: readonly CodeCheck[];
  /** The numbers the input names (the record acted on, a parent); forgotten after the write. */
  numbers: readonly (string | null)[];
  /** A move's record: its parent before the move is read first, for the payload and eviction. */
  moving?: { level: 'AssignmentUnit' | 'AlternativeAddress'; number: string };
  /** The write, sent as it is or (with `writer.dryRun`) as a dry run. */
  write<R>(writer: RegisterWrites<R>, caller: CallerCredentials): Promise<R>;
  /** The payload's records, read back after the cache has forgotten what the write touched. */
  readBack(written: Written, fresh: ReadFresh, previousParent: string | null): Promise<P>;
  /** The payload when nothing was written: its records null. */
  refused: P;
}
