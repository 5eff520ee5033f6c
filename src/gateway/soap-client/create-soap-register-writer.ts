import { isAppError } from '../errors.ts';
import type { CallerCredentials } from '../ports/caller-credentials.ts';
import type { FailedLoginGuard } from '../login-guard/failed-logins.ts';
import type { CallMetrics } from '../ports/register-client.ts';
import type { RegisterWriter, RegisterWrites, WriteOperation } from '../ports/register-writer.ts';
import type { BasicCredentials } from '../../http/basic-credentials.ts';
import { toAlternativAdresse, toAnvisningsEnhed, toDaginstitution } from './import-args.ts';
import { toDryRunResult, toWriteResult } from './import-answer.ts';
import { withValidateOnlyHeader } from './validate-only-header.ts';
import type { CircuitState } from '../ports/circuit-state.ts';
import { createResilientCaller, type ResiliencePolicy } from './resilience/resilient-caller.ts';
import { createSoapCaller } from './soap-caller.ts';

/** How the gateway reaches the register's ImportService. */
export interface SoapRegisterWriterOptions {
  importServiceUrl: string;
  ca: string | null;
  /** The gateway's own identity, used for the WSDL only; every write carries the caller's. */
  wsdlCredentials: BasicCredentials;
  /** The deadline of one write; there is no retry after it. */
  timeoutMs: number;
  /** Shared with the read client, so that one counter shows every call to the register. */
  metrics: CallMetrics;
  /** Breaker and concurrency cap of the writes; a write is never retried nor shared. */
  resilience: Pick<ResiliencePolicy, 'breakerFailureThreshold' | 'breakerCoolDownMs' | 'maxConcurrentCalls'>;
  /** Counts the register's refusals of callers' logins and stops passing on too many; none: no limit. */
  failedLogins?: FailedLoginGuard;
}

/** The RegisterWriter over SOAP, with the state of its circuit breaker (for readiness and metrics). */
export interface SoapRegisterWriter extends RegisterWriter {
  /** The ImportService breaker: `closed`, `open` (failing fast) or `half-open` (one probe allowed). */
  circuitState(): CircuitState;
}

/** The RegisterWriter over node-soap: one long-lived client for the ImportService. */
export function createSoapRegisterWriter(options: SoapRegisterWriterOptions): SoapRegisterWriter {
  const caller = createResilientCaller(
    createSoapCaller({
      serviceUrl: options.importServiceUrl,
      port: { service: 'ImportService', port: 'ImportServiceSoap' },
      ca: options.ca,
      credentials: options.wsdlCredentials,
      timeoutMs: options.timeoutMs,
      metrics: options.metrics,
    }),
    { ...options.resilience, retry: null, coalesce: false },
  );
  const logins = options.failedLogins;
  const send = async <R>(
    credentials: CallerCredentials,
    operation: WriteOperation,
    args: object,
    number: string | null,
    dryRun: boolean,
    map: (result: unknown) => R,
  ): Promise<R> => {
    const login = await logins?.begin(credentials);
    try {
      const result = await caller.call(operation, args, map, {
        authorization: credentials.authorization(),
        callerCredentials: true,
        // A dry run commits nothing, so its timeout leaves no outcome to check.
        ...(dryRun ? { postProcess: withValidateOnlyHeader } : { write: { number } }),
      });
      // Any answer at all (OK, FEJL, INGEN_ADGANG) means the register accepted the login.
      login?.end('accepted');
      return result;
    } catch (error) {
      login?.end(isAppError(error) && error.code === 'UNAUTHENTICATED' ? 'refused' : 'unknown');
      throw error;
    }
  };
  const writes = <R>(
    write: (
      c: CallerCredentials,
      operation: WriteOperation,
      args: object,
      number: string | null,
    ) => Promise<R>,
  ): RegisterWrites<R> => ({
    insertDaycareInstitution: (c, institution, firstUnit) =>
      write(
        c,
        'InsertDaginstitution',
        { Daginstitution: toDaginstitution(institution), AnvisningsEnhed: toAnvisningsEnhed(firstUnit) },
        null,
      ),
    updateDaycareInstitution: (c, number, changes) =>
      write(c, 'UpdateDaginstitution', { Daginstitution: toDaginstitution(changes, number) }, number),
    closeDaycareInstitution: (c, number) =>
      write(c, 'DeleteDaginstitution', { DagInstitutionsNummer: number }, number),
    insertAssignmentUnit: (c, parent, unit) =>
      write(c, 'InsertAnvisningsEnhed', { AnvisningsEnhed: toAnvisningsEnhed(unit, { parent }) }, null),
    updateAssignmentUnit: (c, number, changes) =>
      write(c, 'UpdateAnvisningsEnhed', { AnvisningsEnhed: toAnvisningsEnhed(changes, { number }) }, number),
    closeAssignmentUnit: (c, number) => write(c, 'DeleteAnvisningsEnhed', { EnhedsNummer: number }, number),
    moveAssignmentUnit: (c, number, to) =>
      write(c, 'MoveAnvisningsEnhed', { EnhedsNummer: number, DagInstitutionsNummer: to }, number),
    insertAlternativeAddress: (c, parent, alternative) =>
      write(
        c,
        'InsertAlternativAdresse',
        { AlternativAdresse: toAlternativAdresse(alternative, { parent }) },
        null,
      ),
    updateAlternativeAddress: (c, number, changes) =>
      write(
        c,
        'UpdateAlternativAdresse',
        { AlternativAdresse: toAlternativAdresse(changes, { number }) },
        number,
      ),
    closeAlternativeAddress: (c, number) =>
      write(c, 'DeleteAlternativAdresse', { AlternativAdresseNummer: number }, number),
    moveAlternativeAddress: (c, number, to) =>
      write(c, 'MoveAlternativAdresse', { AlternativAdresseNummer: number, EnhedsNummer: to }, number),
  });

  return {
    ...writes((c, operation, args, number) => send(c, operation, args, number, false, toWriteResult)),
    dryRun: writes((c, operation, args, number) => send(c, operation, args, number, true, toDryRunResult)),
    close: () => caller.close(),
    circuitState: () => caller.circuitState(),
  };
}
