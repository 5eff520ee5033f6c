import type { RegistryStore } from '../../src/registry/store/registry-store.ts';
import { M } from './gateway-writes.ts';
import { readBack } from './read-back.ts';
import type { TestGateway } from './start-test-gateway.ts';

type Rec = Record<string, unknown>;

/** One mutation as one identity; inputs and touched numbers are read when it runs. */
export interface MutationAttempt {
  user: string;
  mutation: keyof typeof M;
  allowed: boolean;
  input: () => Rec;
  touches: () => string[];
  /** Keep the number of the payload's `field` under `key` in the numbers given to the judge. */
  keep?: [field: string, key: string];
  /**
   * How a refusal must look: `forbidden` (the register's INGEN_ADGANG: a FORBIDDEN error, no
   * payload), or `refused` (FORBIDDEN, or user errors such as a closed record's).
   */
  refusal?: 'forbidden' | 'refused';
  label?: string;
}

/**
 * Runs the mutations in order and returns the mismatches: an allowed one that did not commit
 * exactly one change, or a refusal that looked otherwise or changed the records it names (read
 * back from the register's store) or the change sequence.
 */
export async function judgeMutations(
  gateway: TestGateway,
  store: RegistryStore,
  attempts: readonly MutationAttempt[],
  numbers: Record<string, string> = {},
  onOutcome?: (outcome: { allowed: boolean; committed: boolean }) => void,
): Promise<string[]> {
  const wrong: string[] = [];
  for (const a of attempts) {
    const label = `${a.user}: ${a.label ?? a.mutation}`;
    const touches = a.touches();
    const before = readBack(store, touches);
    const response = await gateway.query<Record<string, ({ userErrors: Rec[] } & Rec) | null>>(
      M[a.mutation],
      { input: a.input() },
      { user: a.user },
    );
    const payload = response.data?.[a.mutation] ?? null;
    const codes = (response.errors ?? []).map((e) => e.extensions?.code);
    const userErrors = payload?.userErrors ?? [];
    const after = readBack(store, touches);
    const committed = codes.length === 0 && userErrors.length === 0 && payload !== null;
    onOutcome?.({ allowed: a.allowed, committed });
    const got = JSON.stringify({ codes, userErrors });
    if (a.allowed) {
      // An InsertDaginstitution takes two sequences (one per record), every other write one.
      if (!committed || after.sequence <= before.sequence)
        wrong.push(`${label}: expected a commit, got ${got}`);
      if (a.keep !== undefined) {
        const [field, key] = a.keep;
        numbers[key] = String((payload?.[field] as Rec | undefined)?.number ?? '');
      }
      continue;
    }
    const forbidden = JSON.stringify(codes) === '["FORBIDDEN"]' && payload === null;
    const refusedByRules = codes.length === 0 && userErrors.length > 0;
    if (!(forbidden || (a.refusal === 'refused' && refusedByRules))) {
      wrong.push(`${label}: expected ${a.refusal === 'refused' ? 'a refusal' : 'FORBIDDEN'}, got ${got}`);
    } else if (JSON.stringify(after) !== JSON.stringify(before)) {
      wrong.push(`${label}: refused, but the records or the change sequence changed`);
    }
  }
  return wrong;
}
