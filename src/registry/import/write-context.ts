import type { Logger } from 'pino';
import type { Identity } from '../auth/identity.ts';
import type { RuleError } from '../rules/index.ts';
import type { ParsedOperation } from '../soap/parsed-operation.ts';
import type { OperationCall } from '../soap/soap-service.ts';
import { isValidateOnly } from './validate-only.ts';

/**
 * Everything one ImportService write knows of its request, made once where the operation is called
 * and passed down to the rights, the change record and the store: nothing is fetched from ambient
 * state on the way.
 */
export interface WriteContext {
  /** The ImportService operation (`InsertDaginstitution`, …), as the change sequence records it. */
  operation: string;
  /** The Body's operation element, parsed once and checked against the XSD. */
  sent: ParsedOperation;
  identity: Identity;
  requestId: string;
  log: Logger;
  /** The clock the write's change times come from. */
  now: () => Date;
  /**
   * Whether the write runs only to be judged (the `KunValidering` header, or schema errors in its
   * values): the store rolls it back, and an OK answer carries no numbers.
   */
  dryRun: boolean;
  /** The XSD's errors in values of a right shape, answered together with the rules' errors. */
  schemaErrors: readonly RuleError[];
}

/**
 * The context of one write. With schema errors the header is not read: the write cannot be real,
 * so whether it was asked to be a dry run changes nothing (and a bad header value is no fault then).
 */
export function createWriteContext(operation: string, call: OperationCall, now: () => Date): WriteContext {
  // The XSD check's errors are SKEMA_FEJL, whatever the SOAP layer, which knows no ImportSvar, calls them.
  const schemaErrors = call.valueErrors.map(({ felt, tekst }): RuleError => ({
    felt,
    kode: 'SKEMA_FEJL',
    tekst,
  }));
  return {
    operation,
    sent: call.operation,
    identity: call.caller.identity,
    requestId: call.caller.requestId,
    log: call.caller.log,
    now,
    dryRun: schemaErrors.length > 0 || isValidateOnly(call.headers),
    schemaErrors,
  };
}
