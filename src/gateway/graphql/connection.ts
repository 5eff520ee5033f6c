import { badUserInput } from '../errors.ts';
import type { Ranked } from '../registry/model/rank.ts';
import { decodeCursor, encodeCursor, listFingerprint } from './cursor.ts';

/** The default page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

/** A Relay connection of domain records, as the GraphQL connection types read it. */
export interface Connection<T> {
  edges: { cursor: string; node: T; distanceMeters: number | null }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** Paging arguments as GraphQL passes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Validates the paging arguments before anything is read, then pages the full, ordered result of
 * `search`. `scope` and `filter` name the list, so that a cursor cannot be used with another one.
 */
export async function toConnection<T>(
  args: PageArgs,
  list: { scope: string; filter: object; maxPageSize: number },
  search: () => Promise<Ranked<T>[]>,
): Promise<Connection<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badUserInput(`first must be 0 or more; got ${first}.`);
  if (first > list.maxPageSize) {
    throw badUserInput(
      `first must be at most ${list.maxPageSize}; got ${first}. Ask for the next page with \`after\`.`,
    );
  }
  const fingerprint = listFingerprint(list.scope, list.filter);
  const afterIndex =
    args.after === undefined || args.after === null ? -1 : decodeCursor(args.after, fingerprint);
  const ranked = await search();
  if (afterIndex >= ranked.length) {
    throw badUserInput(
      'The cursor in `after` is stale: the list is now shorter than where it points. Start again without `after`.',
    );
  }
  const start = afterIndex + 1;
  const edges = ranked.slice(start, start + first).map((r, i) => ({
    cursor: encodeCursor(fingerprint, start + i),
    node: r.node,
    distanceMeters: r.distanceMeters,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + edges.length < ranked.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: ranked.length,
  };
}
