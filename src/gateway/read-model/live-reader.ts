import type { Institution, InstitutionKind, InstitutionOf } from '../domain/records.ts';
import type { RegisterClient } from '../ports/register-client.ts';
import type { RegisterReader } from '../ports/register-reader.ts';
import { IGNORE_STALENESS, type StalenessRecorder } from '../ports/staleness.ts';
import type { FeedFollower } from './feed-follower.ts';

/** What the live reader is made of. */
export interface LiveReaderOptions {
  follower: FeedFollower;
  /** For a payload's read-back after a write: the records straight from the register. */
  client: Pick<RegisterClient, 'byNumbers'>;
  /** Code tables are not in the feed: they are read through the TTL cache. */
  codes: Pick<RegisterReader, 'codeTable'>;
  /** How long a write waits for the model to apply its sequence before it answers anyway. */
  catchUpTimeoutMs: number;
}

/**
 * A RegisterReader answered from the live read model: every read by number, list, filter, `near`
 * and search is computed in memory, no call to the register. Reads wait for the first load. While
 * the feed fails, every answer says how old the model is (`extensions.staleness`: its sequence and
 * the age of its last contact with the register).
 */
export function createLiveReader(options: LiveReaderOptions): RegisterReader {
  const { follower } = options;

  const ready = async () => {
    await follower.loaded();
    return follower.model();
  };

  const note = (recorder: StalenessRecorder) => {
    const state = follower.state();
    if (!state.failing || state.lastContactAtMs === null) return;
    recorder.markModelStale(state.sequence, Date.now() - state.lastContactAtMs);
  };

  const byNumbers = async <K extends InstitutionKind>(
    level: K,
    numbers: readonly string[],
    recorder: StalenessRecorder,
  ): Promise<Map<string, InstitutionOf<K> | null>> => {
    const model = await ready();
    note(recorder);
    return new Map(numbers.map((number) => [number, model.get(level, number) ?? null]));
  };

  const view = (recorder: StalenessRecorder): RegisterReader => ({
    byNumbers: (level, numbers) => byNumbers(level, numbers, recorder),
    peek: ((level: InstitutionKind | 'any', number: string): Institution | null | undefined => {
      if (!follower.state().loaded) return undefined;
      note(recorder);
      const model = follower.model();
      if (level === 'any') return model.find(number);
      return model.get(level, number) ?? null;
    }) as RegisterReader['peek'],
    async list(request) {
      const model = await ready();
      note(recorder);
      return model.list(request);
    },
    hasList: () => follower.state().loaded,
    codeTable: (table) => options.codes.codeTable(table),
    // Nothing to evict: a write, or one that may have committed, only makes the feed poll now.
    forget: () => follower.pollSoon(),
    // The response cache keys answers by it: no stored answer is older than the model. A reload
    // (after a gap) starts a new series, since the sequence may then repeat.
    writeGeneration: () => `live:${follower.state().loads}:${follower.state().sequence}`,
    async refresh(level, numbers) {
      // The payload of a write: read from the register (as in TTL mode), and kept in the model if it
      // is newer than what the model holds, so the payload is right even if the feed lags.
      const model = await ready();
      const fetched = await options.client.byNumbers(level, numbers);
      for (const record of fetched) model.put(record);
      return new Map(numbers.map((number) => [number, model.get(level, number) ?? null]));
    },
    withStaleness: view,
    async caughtUpTo(sequence) {
      await follower.waitFor(sequence, options.catchUpTimeoutMs);
    },
    holdsEverything: () => true,
  });
  return view(IGNORE_STALENESS);
}
