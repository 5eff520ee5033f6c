import { assertNever } from '../../assert-never.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import type { CallerCredentials } from '../../ports/caller-credentials.ts';
import type { CodeTable, Institution, InstitutionKind, InstitutionOf } from '../../domain/records.ts';
import type {
  RegisterError,
  RegisterWrites,
  WriteOperation,
  WriteResult,
} from '../../ports/register-writer.ts';
import type { GatewayContext } from '../context.ts';
import { toInputPath } from './input-path.ts';

/** A userErrors entry: the GraphQL input path, the register's code and Danish text. */
export interface UserError {
  field: string[];
  code: string;
  message: string;
}

/** A coded input to check against one of the register's code tables before writing. */
export interface CodeCheck {
  field: string[];
  table: CodeTable;
  /** The register's element name, for the message (`InstType3`). */
  element: string;
  value: number | null | undefined;
}

/** A committed write. */
export type Written = Extract<WriteResult, { kind: 'ok' }>;

/** Reads a record from the register, not the cache, and stores it for everyone. */
export type ReadFresh = <K extends InstitutionKind>(
  level: K,
  number: string,
) => Promise<InstitutionOf<K> | null>;

/** One mutation: what it writes, what it touches, and what its payload reads back. */
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

/** The caller's credentials, required before anything is read or written. */
export function requireCaller(context: GatewayContext): CallerCredentials {
  if (context.caller === null) {
    throw new AppError(
      'UNAUTHENTICATED',
      'A mutation needs your own register identity: send Authorization: Basic with your register user name and password.',
    );
  }
  return context.caller;
}

/** The number of a record's parent; a daginstitution has none. */
const parentOf = (record: Institution): string | null => {
  switch (record.kind) {
    case 'AssignmentUnit':
      return record.daycareInstitutionNumber;
    case 'AlternativeAddress':
      return record.assignmentUnitNumber;
    case 'DaycareInstitution':
      return null;
    default:
      return assertNever(record, 'institution');
  }
};

/**
 * Codes are the register's integers, checked against its own code tables (read through the shared
 * cache): a code it adds is accepted as soon as it serves it, with no schema change.
 */
async function checkCodes(context: GatewayContext, checks: readonly CodeCheck[]): Promise<UserError[]> {
  const errors: UserError[] = [];
  for (const check of checks) {
    if (check.value === null || check.value === undefined) continue;
    const table = await context.codes.codeTable(check.table);
    const value = check.value;
    if (table.some((row) => row.code === value)) continue;
    errors.push({
      field: check.field,
      code: 'KODE_UKENDT',
      message: `${check.element} ${value} findes ikke i registerets kodetabel; gyldige koder: ${table.map((row) => row.code).join(', ')}.`,
    });
  }
  return errors;
}

/** Errors of a write after which the register surely changed nothing. */
const NOTHING_WRITTEN: ReadonlySet<ErrorCode> = new Set(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);

/** The register's fejlbeskeder as userErrors, each at its place in the GraphQL input. */
const toUserErrors = (operation: WriteOperation, errors: readonly RegisterError[]): UserError[] =>
  errors.map((e) => ({ field: toInputPath(operation, e.field), code: e.code, message: e.message }));

/**
 * A dry run at the register: every error its rules find, with the gateway's own code errors where
 * the register reported nothing on the same field (it checks codes against the same tables, so
 * normally it reports them itself). INGEN_ADGANG → FORBIDDEN, as for a write.
 */
async function dryRun<P extends object>(
  context: GatewayContext,
  spec: WriteSpec<P>,
  caller: CallerCredentials,
  codeErrors: readonly UserError[],
): Promise<P & { userErrors: UserError[] }> {
  const result = await spec.write(context.writer.dryRun, caller);
  if (result.kind === 'forbidden') throw new AppError('FORBIDDEN', result.message);
  const registerErrors = result.kind === 'rejected' ? toUserErrors(spec.operation, result.errors) : [];
  const reported = new Set(registerErrors.map((e) => e.field.join('.')));
  const gatewayOnly = codeErrors.filter((e) => !reported.has(e.field.join('.')));
  return { ...spec.refused, userErrors: [...registerErrors, ...gatewayOnly] };
}

/**
 * Runs one mutation: the caller's credentials first (none: no call at all), the code tables, then
 * the write, once. FEJL → userErrors, INGEN_ADGANG → FORBIDDEN; neither forgets anything. OK →
 * the shared cache forgets every record and list the write could have changed, and the payload
 * reads the changed records back from the register. With `validateOnly`, or when a code is unknown,
 * the register runs the write as a dry run instead, so that one answer carries every error.
 */
export async function runWrite<P extends object>(
  context: GatewayContext,
  spec: WriteSpec<P>,
  validateOnly = false,
): Promise<P & { userErrors: UserError[] }> {
  const caller = requireCaller(context);
  const codeErrors = await checkCodes(context, spec.codes ?? []);
  if (validateOnly || codeErrors.length > 0) return dryRun(context, spec, caller, codeErrors);
  const moving =
    spec.moving === undefined ? null : await context.loaders.find(spec.moving.level, spec.moving.number);
  const previousParent = moving === null ? null : parentOf(moving);
  const named = spec.numbers.filter((n): n is string => n !== null);
  // Parents of the records acted on, as far as the cache knows them (it costs no call). No write
  // changes a parent's own record (the register keeps no counts), so one the cache does not know
  // needs no eviction; its lists of children are forgotten with every other list.
  const parents = named.flatMap((n) => {
    const cached = context.freshness.peek('any', n);
    const parent = cached === undefined ? null : parentOf(cached);
    return parent === null ? [] : [parent];
  });
  let result: WriteResult;
  try {
    result = await spec.write(context.writer, caller);
  } catch (error) {
    // A write that timed out, lost its connection or got an answer the gateway could not read may
    // have been committed: forget what it could have changed. Forgetting too much costs a read;
    // only a login the register refused, or one never sent, surely changed nothing.
    if (!(error instanceof AppError && NOTHING_WRITTEN.has(error.code))) context.freshness.forget(named);
    throw error;
  }
  switch (result.kind) {
    case 'forbidden':
      throw new AppError('FORBIDDEN', result.message);
    case 'rejected':
      return { ...spec.refused, userErrors: toUserErrors(spec.operation, result.errors) };
    case 'ok': {
      const issued = [result.number, result.firstUnitNumber].filter((n): n is string => n !== null);
      context.freshness.forget([
        ...named,
        ...parents,
        ...issued,
        ...(previousParent === null ? [] : [previousParent]),
      ]);
      // Read your own writes: in live mode the answer waits until the model has applied the write.
      if (result.changeSequence !== null) await context.freshness.caughtUpTo(result.changeSequence);
      context.loaders.clear();
      const fresh: ReadFresh = async (level, number) =>
        (await context.freshness.refresh(level, [number])).get(number) ?? null;
      return { ...(await spec.readBack(result, fresh, previousParent)), userErrors: [] };
    }
    default:
      return assertNever(result, 'write result');
  }
}
