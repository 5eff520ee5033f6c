import type { WriteOperation } from '../../ports/register-writer.ts';
import type { WriteOutcome } from '../../writes/write-outcome.ts';
import type { WriteSpec } from '../../writes/write-spec.ts';
import type { GatewayContext } from '../context.ts';
import type { UserError } from '../generated/resolvers-types.ts';
import { toInputPath } from './input-path.ts';

/**
 * A write's outcome as its mutation payload: each error at its place in the GraphQL input. A
 * gateway code error is left out where the register reported on the same input field (it checks
 * codes against the same tables, so normally it reports them itself).
 */
export function toPayload<P extends object>(
  operation: WriteOperation,
  outcome: WriteOutcome<P>,
): P & { userErrors: UserError[] } {
  if (outcome.kind !== 'refused') return { ...outcome.payload, userErrors: [] };
  const located = outcome.errors.map((e) => ({
    by: e.by,
    error: { field: toInputPath(operation, e.field), code: e.code, message: e.message },
  }));
  const byRegister = located.filter((e) => e.by === 'register').map((e) => e.error);
  const reported = new Set(byRegister.map((e) => e.field.join('.')));
  const byGatewayOnly = located
    .filter((e) => e.by === 'gateway' && !reported.has(e.error.field.join('.')))
    .map((e) => e.error);
  return { ...outcome.payload, userErrors: [...byRegister, ...byGatewayOnly] };
}

/** One mutation: its spec to the write service with this request's caller and reads, the outcome as payload. */
export async function runMutation<P extends object>(
  context: GatewayContext,
  spec: WriteSpec<P>,
  validateOnly: boolean | undefined,
): Promise<P & { userErrors: UserError[] }> {
  const outcome = await context.writes.write({
    caller: context.caller,
    spec,
    validateOnly: validateOnly ?? false,
    reads: {
      codes: context.codes,
      find: (level, number) => context.loaders.find(level, number),
      clear: () => context.loaders.clear(),
    },
  });
  return toPayload(spec.operation, outcome);
}
