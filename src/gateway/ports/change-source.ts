import type { ChangeEvent, ChangeFilter } from '../domain/change.ts';

/** One page of `Query.changes`. */
export interface ChangeListing {
  events: readonly ChangeEvent[];
  /** The last sequence read (matching or not): where the next page starts. */
  scannedThrough: number;
  latestSequence: number;
}

/** The register's changes, for `Query.changes` and `Subscription.institutionChanged`. */
export interface ChangeSource {
  /** Up to `first` matching changes after `after`, reading at most `MAX_SCAN` changes. */
  list(after: number, first: number, filter: ChangeFilter): Promise<ChangeListing>;
  /**
   * Every matching change after `afterSequence` (null: from the model's sequence now), in order,
   * none twice: those already past are read from the register's feed, then the live ones.
   */
  stream(filter: ChangeFilter, afterSequence: number | null): AsyncIterableIterator<ChangeEvent>;
}
