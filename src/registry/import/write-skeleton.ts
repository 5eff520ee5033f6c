import type { AlternativAdresse, AnvisningsEnhed, EjetDaginstitution } from '../domain/model.ts';
import type { RuleError } from '../rules/index.ts';
import type { ChangeStamp, RegistryWriter } from '../store/registry-store.ts';
import { fejl, ok, type ImportSvar } from './import-answer.ts';
import type { WriteTools } from './write-tools.ts';

/** One record a write changes, on its level: the record as its change's stamp leaves it. */
export type RecordChange =
  | { niveau: 'daginstitution'; nummer: string; record: (stamp: ChangeStamp) => EjetDaginstitution }
  | { niveau: 'anvisningsenhed'; nummer: string; record: (stamp: ChangeStamp) => AnvisningsEnhed }
  | { niveau: 'alternativadresse'; nummer: string; record: (stamp: ChangeStamp) => AlternativAdresse };

/** What a write decides in its transaction: the errors it answers (nothing is written), or its changes. */
export type WriteDecision =
  | { fejl: RuleError[]; nummer?: string }
  | {
      /** In the order they are recorded: a parent before its first child. */
      changes: [RecordChange, ...RecordChange[]];
      /** InsertDaginstitution's first unit, answered beside the daginstitution's number. */
      anvisningsenhedsNummer?: string;
    };

/** The errors a write answers before it reads the store (the field rules), with the number it names. */
export interface FieldCheck {
  errors: RuleError[];
  nummer?: string;
}

/**
 * The one shape of every ImportService write, on every level: the field rules' errors are answered
 * at once; otherwise, in one store transaction, `decide` makes the look-ups, the rights and the
 * structure rules, and, when they found nothing, each changed record is stamped with its own change
 * in the sequence (all at one time) and written. OK answers the first record's number and the
 * write's last sequence: a reader that has seen it has seen the whole write. In a dry run the
 * transaction is the store's rehearsal (write-tools.ts).
 */
export function runWrite(
  tools: WriteTools,
  fields: FieldCheck,
  decide: (writer: RegistryWriter) => WriteDecision,
): ImportSvar {
  if (fields.errors.length > 0) return fejl(fields.errors, fields.nummer);
  return tools.write((w) => {
    const decision = decide(w);
    if ('fejl' in decision) return fejl(decision.fejl, decision.nummer);
    const [first] = decision.changes;
    const tidspunkt = tools.now().toISOString();
    let last: ChangeStamp | null = null;
    for (const change of decision.changes) {
      // Between two records of one write: where a test may kill the process (write-tools.ts).
      if (last !== null) tools.inWrite();
      last = w.recordChange(tools.change(change.niveau, change.nummer, tidspunkt));
      put(w, change, last);
    }
    const { anvisningsenhedsNummer } = decision;
    const answer = ok(first.nummer, last?.aendringsSekvens ?? 0);
    return anvisningsenhedsNummer === undefined ? answer : { ...answer, anvisningsenhedsNummer };
  });
}

/** Writes one changed record on its level. */
function put(w: RegistryWriter, change: RecordChange, stamp: ChangeStamp): void {
  switch (change.niveau) {
    case 'daginstitution':
      return w.putDaginstitution(change.record(stamp));
    case 'anvisningsenhed':
      return w.putAnvisningsEnhed(change.record(stamp));
    case 'alternativadresse':
      return w.putAlternativAdresse(change.record(stamp));
    default: {
      const unreachable: never = change;
      return unreachable;
    }
  }
}

/** A refusal decided in the transaction: these errors, on the record the write names. */
export const refuse = (errors: RuleError[], nummer?: string): WriteDecision =>
  nummer === undefined ? { fejl: errors } : { fejl: errors, nummer };
