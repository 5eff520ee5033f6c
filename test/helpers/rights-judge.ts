import type { RegistryStore } from '../../src/registry/store/registry-store.ts';
import { codes, type Svar } from './import-client.ts';
import { readBack } from './read-back.ts';

/** One attempted write: what, on which records, and whether the rights table allows it. */
export interface Attempt {
  write: string;
  touches: string[];
  allowed: boolean;
  run: () => Promise<Svar>;
}

/** What one attempt answered. */
export interface Outcome {
  write: string;
  allowed: boolean;
  status: Svar['status'];
}

/**
 * Runs the attempts in order (each may depend on the ones before) and returns the mismatches: an
 * allowed write that did not commit (its answer's sequence is not the store's new latest one; an
 * InsertDaginstitution takes two, one per record), or a refusal that answered other codes
 * than `refusalCodes` or changed the records it names (read back from the store) or the change
 * sequence.
 */
export async function judgeAttempts(
  store: RegistryStore,
  attempts: readonly Attempt[],
  options: { refusalCodes?: readonly string[]; onOutcome?: (outcome: Outcome) => void } = {},
): Promise<string[]> {
  const refusalCodes = options.refusalCodes ?? ['INGEN_ADGANG'];
  const wrong: string[] = [];
  for (const attempt of attempts) {
    const before = readBack(store, attempt.touches);
    const svar = await attempt.run();
    const after = readBack(store, attempt.touches);
    options.onOutcome?.({ write: attempt.write, allowed: attempt.allowed, status: svar.status });
    const got = `${svar.status} [${codes(svar).join(', ')}]`;
    if (attempt.allowed) {
      if (
        svar.status !== 'OK' ||
        after.sequence <= before.sequence ||
        svar.aendringsSekvens !== after.sequence
      ) {
        wrong.push(`${attempt.write}: expected OK, got ${got}`);
      }
    } else if (
      svar.status !== 'FEJL' ||
      codes(svar).length === 0 ||
      !codes(svar).every((c) => refusalCodes.includes(c))
    ) {
      wrong.push(`${attempt.write}: expected FEJL [${refusalCodes.join(' | ')}], got ${got}`);
    } else if (JSON.stringify(after) !== JSON.stringify(before)) {
      wrong.push(`${attempt.write}: refused, but the records or the change sequence changed`);
    }
  }
  return wrong;
}
