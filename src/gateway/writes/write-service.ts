import { assertNever } from '../assert-never.ts';
import { parentOf } from '../domain/parent-of.ts';
import type { Institution, InstitutionKind, InstitutionOf } from '../domain/records.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import type { CallerCredentials } from '../ports/caller-credentials.ts';
import type { RegisterReader } from '../ports/register-reader.ts';
import type { RegisterError, RegisterWriter, WriteResult } from '../ports/register-writer.ts';
import { checkCodes } from './check-codes.ts';
import type { WriteError, WriteOutcome } from './write-outcome.ts';
import type { ReadFresh, WriteSpec } from './write-spec.ts';

/** What the write service is built on: the register's ImportService and the shared reader. */
export interface WriteServiceDependencies {
  writer: RegisterWriter;
  /** The shared reader's side of a write: what it forgets, waits for, and reads back afresh. */
  freshness: Pick<RegisterReader, 'forget' | 'refresh' | 'peek' | 'caughtUpTo'>;
}

/**
 * The reads of the request that writes: its code tables (noting stale answers in its staleness)
 * and its loaders, which read a move's record and forget everything once the write committed.
 */
export interface RequestReads {
  codes: Pick<RegisterReader, 'codeTable'>;
  find<K extends InstitutionKind>(
    level: K,
    number: string,
  ): InstitutionOf<K> | null | Promise<InstitutionOf<K> | null>;
  clear(): void;
}

/** One write as a caller asks for it. */
export interface WriteRequest<P extends object> {
  /** The caller's own register identity; null: refused before anything is read or written. */
  caller: CallerCredentials | null;
  spec: WriteSpec<P>;
  /** Only check (the register's dry run): nothing is written. */
  validateOnly: boolean;
  reads: RequestReads;
}

/** The gateway's one write path: checks, the write, freshness and read-back. */
export interface WriteService {
  write<P extends object>(request: WriteRequest<P>): Promise<WriteOutcome<P>>;
}

/** Errors of a write after which the register surely changed nothing. */
const NOTHING_WRITTEN: ReadonlySet<ErrorCode> = new Set(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);

const fromRegister = (errors: readonly RegisterError[]): WriteError[] =>
  errors.map((e) => ({ field: e.field, code: e.code, message: e.message, by: 'register' }));

/** The caller's credentials, required before anything is read or written. */
function requireCaller(caller: CallerCredentials | null): CallerCredentials {
  if (caller === null) {
    throw new AppError(
      'UNAUTHENTICATED',
      'A mutation needs your own register identity: send Authorization: Basic with your register user name and password.',
    );
  }
  return caller;
}

/**
 * Runs each write: the caller's credentials first (none: no call at all), the code tables, then the
 * write, once. FEJL → refused, INGEN_ADGANG → FORBIDDEN; neither forgets anything. OK → the shared
 * cache forgets every record and list the write could have changed, the answer waits until reads
 * show the write (live mode), and the payload reads the changed records back from the register.
 * With `validateOnly`, or when a code is unknown, the register runs the write as a dry run instead,
 * so that one answer carries every error.
 */
export function createWriteService(deps: WriteServiceDependencies): WriteService {
  const { writer, freshness } = deps;

  /**
   * A dry run at the register: every error its rules find, with the gateway's own code errors
   * (the register checks codes against the same tables, so normally it reports them itself).
   */
  const dryRun = async <P extends object>(
    spec: WriteSpec<P>,
    caller: CallerCredentials,
    codeErrors: readonly WriteError[],
  ): Promise<WriteOutcome<P>> => {
    const result = await spec.write(writer.dryRun, caller);
    if (result.kind === 'forbidden') throw new AppError('FORBIDDEN', result.message);
    const errors = [...(result.kind === 'rejected' ? fromRegister(result.errors) : []), ...codeErrors];
    return errors.length === 0
      ? { kind: 'valid', payload: spec.refused }
      : { kind: 'refused', payload: spec.refused, errors };
  };

  /** Parents of the records acted on, as far as the cache knows them (it costs no call). */
  const cachedParents = (numbers: readonly string[]): string[] =>
    // No write changes a parent's own record (the register keeps no counts), so one the cache does
    // not know needs no eviction; its lists of children are forgotten with every other list.
    numbers.flatMap((n) => {
      const cached: Institution | undefined = freshness.peek('any', n);
      const parent = cached === undefined ? null : parentOf(cached);
      return parent === null ? [] : [parent];
    });

  return {
    async write({ caller: given, spec, validateOnly, reads }) {
      const caller = requireCaller(given);
      const codeErrors = await checkCodes(reads.codes, spec.codes ?? []);
      if (validateOnly || codeErrors.length > 0) return dryRun(spec, caller, codeErrors);
      const moving =
        spec.moving === undefined ? null : await reads.find(spec.moving.level, spec.moving.number);
      const previousParent = moving === null ? null : parentOf(moving);
      const named = spec.numbers.filter((n): n is string => n !== null);
      const parents = cachedParents(named);
      let result: WriteResult;
      try {
        result = await spec.write(writer, caller);
      } catch (error) {
        // A write that timed out, lost its connection or got an answer the gateway could not read
        // may have been committed: forget what it could have changed. Forgetting too much costs a
        // read; only a login the register refused, or one never sent, surely changed nothing.
        if (!(error instanceof AppError && NOTHING_WRITTEN.has(error.code))) freshness.forget(named);
        throw error;
      }
      switch (result.kind) {
        case 'forbidden':
          throw new AppError('FORBIDDEN', result.message);
        case 'rejected':
          return { kind: 'refused', payload: spec.refused, errors: fromRegister(result.errors) };
        case 'ok': {
          const issued = [result.number, result.firstUnitNumber].filter((n): n is string => n !== null);
          freshness.forget([
            ...named,
            ...parents,
            ...issued,
            ...(previousParent === null ? [] : [previousParent]),
          ]);
          // Read your own writes: in live mode the answer waits until the model has applied the write.
          if (result.changeSequence !== null) await freshness.caughtUpTo(result.changeSequence);
          reads.clear();
          const fresh: ReadFresh = async (level, number) =>
            (await freshness.refresh(level, [number])).get(number) ?? null;
          return { kind: 'written', payload: await spec.readBack(result, fresh, previousParent) };
        }
        default:
          return assertNever(result, 'write result');
      }
    },
  };
}
