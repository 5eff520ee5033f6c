import type { DryRunResult, RegisterError, WriteResult } from '../ports/register-writer.ts';
import { asArray } from './as-array.ts';
import { UnexpectedAnswerError } from './unexpected-answer.ts';
import { optionalText, record, text } from './xml-values.ts';

/** The register's code for a write refused for rights. */
const NO_RIGHTS = 'INGEN_ADGANG';

const sequence = (value: unknown): number | null => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
};

/**
 * ImportSvarXML (as node-soap parses it) → WriteResult: OK with its numbers; FEJL with every
 * fejlbesked verbatim; FEJL for rights (INGEN_ADGANG) as a refusal of its own.
 */
export function toWriteResult(value: unknown): WriteResult {
  const r = record(value, 'ImportSvarXML');
  const status = text(r, 'status');
  if (status === 'OK') {
    const number = optionalText(r, 'nummer');
    if (number === null) throw new UnexpectedAnswerError('nummer is missing from an OK answer');
    return {
      kind: 'ok',
      number,
      firstUnitNumber: optionalText(r, 'anvisningsenhedsNummer'),
      changeSequence: sequence(r.aendringsSekvens),
    };
  }
  return toRefusal(r, status);
}

/** A dry run's ImportSvarXML → DryRunResult: OK (no numbers: nothing was issued) or the refusal. */
export function toDryRunResult(value: unknown): DryRunResult {
  const r = record(value, 'ImportSvarXML');
  const status = text(r, 'status');
  if (status === 'OK') {
    // A register that ignored the header would have committed the write and issued a number.
    if (optionalText(r, 'aendringsSekvens') !== null || optionalText(r, 'nummer') !== null) {
      throw new UnexpectedAnswerError('a dry run was answered as a committed write');
    }
    return { kind: 'valid' };
  }
  return toRefusal(r, status);
}

function toRefusal(r: Record<string, unknown>, status: string): Exclude<WriteResult, { kind: 'ok' }> {
  if (status !== 'FEJL') throw new UnexpectedAnswerError(`status "${status}" is not OK or FEJL`);
  const list = r.fejl === undefined || r.fejl === null || r.fejl === '' ? {} : record(r.fejl, 'fejl');
  const errors: RegisterError[] = asArray(list.fejlbesked).map((item) => {
    const f = record(item, 'fejlbesked');
    return { field: optionalText(f, 'felt') ?? '', code: text(f, 'kode'), message: text(f, 'tekst') };
  });
  if (errors.length === 0) throw new UnexpectedAnswerError('a FEJL answer carries no fejlbesked');
  const refusal = errors.find((e) => e.code === NO_RIGHTS);
  if (refusal !== undefined) return { kind: 'forbidden', message: refusal.message };
  return { kind: 'rejected', errors };
}
