import { AppError } from '../errors.ts';
import { matchesChange, type ChangeEvent, type ChangeFilter } from '../domain/change.ts';
import type { ChangeSource } from '../ports/change-source.ts';
import type { RegisterClient } from '../ports/register-client.ts';
import { MAX_FEED_PAGE, type FeedFollower } from './feed-follower.ts';

/** How many changes one `changes` page reads from the register at most (5 feed pages). */
export const MAX_SCAN = 5 * MAX_FEED_PAGE;

/** How many changes a subscriber may fall behind by before it is dropped (it can resume). */
const MAX_QUEUED = 10_000;

const noFeed = () =>
  new AppError(
    'NOT_FOUND',
    'The register this gateway reads offers no change feed (GetAendringer): changes and subscriptions are not available.',
  );

/** The change source against a register without the feed: both uses answer NOT_FOUND. */
export const NO_CHANGE_FEED: ChangeSource = {
  list: () => Promise.reject(noFeed()),
  stream: () => {
    throw noFeed();
  },
};

/**
 * Changes over the register's feed, with the institution as it is now: the feed page's record, or
 * the live model's when that is newer. `follower` is null against a register without the feed.
 */
export function createChangeSource(
  client: Pick<RegisterClient, 'changes'>,
  follower: () => FeedFollower | null,
): ChangeSource {
  const current = (change: ChangeEvent): ChangeEvent => {
    const held = follower()?.model().get(change.level, change.number);
    return held !== undefined && held.changeSequence > change.institution.changeSequence
      ? { ...change, institution: held }
      : change;
  };

  return {
    async list(after, first, filter) {
      if (follower() === null) throw noFeed();
      const events: ChangeEvent[] = [];
      let scannedThrough = after;
      let latestSequence = after;
      while (events.length < first && scannedThrough - after < MAX_SCAN) {
        const page = await client.changes(scannedThrough, MAX_FEED_PAGE);
        latestSequence = page.latestSequence;
        for (const change of page.changes) {
          if (events.length === first) break;
          scannedThrough = change.sequence;
          if (matchesChange(filter, change)) events.push(current(change));
        }
        if (page.changes.length === 0 || scannedThrough >= page.latestSequence) break;
      }
      return { events, scannedThrough, latestSequence };
    },

    stream(filter, afterSequence) {
      // An async generator suspended in an await cannot be returned until the await settles: the
      // wrapper's return() wakes it first, so an unsubscribe ends it at once.
      const state = { closed: false, wake: null as (() => void) | null };
      const inner = changeStream(filter, afterSequence, state);
      const iterator: AsyncIterableIterator<ChangeEvent> = {
        next: () => inner.next(),
        return: () => {
          state.closed = true;
          state.wake?.();
          return inner.return(undefined);
        },
        throw: (error?: unknown) => inner.throw(error),
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };

  async function* changeStream(
    filter: ChangeFilter,
    afterSequence: number | null,
    state: { closed: boolean; wake: (() => void) | null },
  ): AsyncGenerator<ChangeEvent, undefined> {
    const live = follower();
    if (live === null) throw noFeed();
    await live.loaded();
    // Listening before the backfill, so that nothing between the two is lost; seen twice is skipped.
    const queue: ChangeEvent[] = [];
    let overflow = false;
    let reloaded = false;
    const unsubscribe = live.onChange((change) => {
      if (queue.length >= MAX_QUEUED) overflow = true;
      else queue.push(change);
      state.wake?.();
    });
    const unsubscribeReload = live.onReload(() => {
      reloaded = true;
      state.wake?.();
    });
    try {
      const startedAt = live.state().sequence;
      let last = afterSequence ?? startedAt;
      // What the client missed, straight from the register's feed, up to where the model stood.
      while (last < startedAt && !state.closed) {
        const page = await client.changes(last, MAX_FEED_PAGE);
        for (const change of page.changes) {
          last = change.sequence;
          if (matchesChange(filter, change)) yield current(change);
        }
        if (page.changes.length === 0) break;
      }
      while (!state.closed) {
        if (reloaded) {
          // The register went back (a restore): its sequences now repeat numbers already sent.
          throw new AppError(
            'UPSTREAM_FAULT',
            `The register's change sequence went back (restored?); resync with changes from the start, or subscribe again with afterSequence ${live.state().sequence}.`,
          );
        }
        if (overflow) {
          throw new AppError(
            'TOO_MANY_REQUESTS',
            `This subscription fell more than ${MAX_QUEUED} changes behind; subscribe again with afterSequence ${last}.`,
          );
        }
        const change = queue.shift();
        if (change === undefined) {
          await new Promise<void>((resolve) => (state.wake = resolve));
          state.wake = null;
          continue;
        }
        if (change.sequence <= last) continue;
        last = change.sequence;
        if (matchesChange(filter, change)) yield change;
      }
      return undefined;
    } finally {
      unsubscribe();
      unsubscribeReload();
    }
  }
}
