import { badUserInput } from '../../errors.ts';
import type { ChangeEvent } from '../../domain/change.ts';
import { decodeChangeCursor, encodeChangeCursor } from '../change-cursor.ts';
import { KIND_LEVEL, toChangeFilter } from '../change-filter-input.ts';
import type {
  ChangeEventResolvers,
  QueryResolvers,
  SubscriptionResolvers,
} from '../generated/resolvers-types.ts';

/** The most edges one `changes` page may ask for: one page of the register's feed. */
export const MAX_CHANGES_PAGE = 1000;

/** Query.changes: a page of the register's feed, filtered, with sequence cursors. */
export const changesQuery: Pick<QueryResolvers, 'changes'> = {
  changes: async (_parent, { first, after, filter }, context) => {
    const size = first ?? 100;
    if (!Number.isInteger(size) || size < 0 || size > MAX_CHANGES_PAGE) {
      throw badUserInput(`first must be from 0 to ${MAX_CHANGES_PAGE}; got ${size}.`);
    }
    const from = after === undefined || after === null ? 0 : decodeChangeCursor(after);
    const listing = await context.changes.list(from, size, toChangeFilter(filter));
    const edges = listing.events.map((node) => ({ cursor: encodeChangeCursor(node.sequence), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: listing.scannedThrough < listing.latestSequence,
        hasPreviousPage: from > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor:
          listing.scannedThrough > from ? encodeChangeCursor(listing.scannedThrough) : (after ?? null),
      },
      latestSequence: listing.latestSequence,
    };
  },
};

/** Subscription.institutionChanged: the live changes, after a resumption point. */
export const subscriptionResolvers: SubscriptionResolvers = {
  institutionChanged: {
    subscribe: (_parent, { filter, afterSequence }, context) => {
      if (afterSequence != null && afterSequence < 0) {
        throw badUserInput(`afterSequence must be 0 or more; got ${afterSequence}.`);
      }
      return context.changes.stream(toChangeFilter(filter), afterSequence ?? null);
    },
    resolve: (event: ChangeEvent) => event,
  },
};

/** ChangeEvent: its level in the schema's enum; the rest are the domain's fields. */
export const changeEventResolvers: ChangeEventResolvers = {
  level: (parent) => KIND_LEVEL[parent.level],
};
