import { badUserInput } from '../errors.ts';
import type { Ranked } from '../domain/rank.ts';
import { decodeCursor, encodeCursor, listFingerprint } from './cursor.ts';

/** The default page size when neither `first` nor `last` is given. */
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
  last?: number | null;
  before?: string | null;
}

const given = <V>(value: V | null | undefined): value is V => value !== null && value !== undefined;

const pageSize = (name: string, value: number, max: number): number => {
  if (!Number.isInteger(value) || value < 0) throw badUserInput(`${name} must be 0 or more; got ${value}.`);
  if (value > max) {
    throw badUserInput(
      `${name} must be at most ${max}; got ${value}. Ask for the ${name === 'first' ? 'next page with `after`' : 'previous page with `before`'}.`,
    );
  }
  return value;
};

/**
 * Validates the paging arguments before anything is read, then pages the full, ordered result of
 * `search` (Relay's algorithm: `after` and `before` cut the list, then `first` takes from the start
 * of what is left or `last` from its end). `scope` and `filter` name the list — the filter includes
 * its order — so that a cursor cannot be used with another one.
 */
export async function toConnection<T extends { number: string }>(
  args: PageArgs,
  list: { scope: string; filter: object; maxPageSize: number },
  search: () => Promise<Ranked<T>[]>,
): Promise<Connection<T>> {
  if (given(args.first) && given(args.last)) {
    throw badUserInput('Give `first` (with `after`) or `last` (with `before`), not both.');
  }
  const last = given(args.last) ? pageSize('last', args.last, list.maxPageSize) : null;
  const first = last !== null ? null : pageSize('first', args.first ?? DEFAULT_PAGE_SIZE, list.maxPageSize);
  const fingerprint = listFingerprint(list.scope, list.filter);
  const after = given(args.after) ? decodeCursor(args.after, fingerprint, 'after') : null;
  const before = given(args.before) ? decodeCursor(args.before, fingerprint, 'before') : null;
  const ranked = await search();
  const positionOf = (number: string, argument: string): number => {
    const index = ranked.findIndex((r) => r.node.number === number);
    if (index === -1) {
      throw badUserInput(
        `The cursor in \`${argument}\` is stale: its edge (${number}) is no longer in this list. Start again without \`${argument}\`.`,
      );
    }
    return index;
  };
  let start = after === null ? 0 : positionOf(after, 'after') + 1;
  let end = before === null ? ranked.length : positionOf(before, 'before');
  if (end < start) end = start;
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  const edges = ranked.slice(start, end).map((r) => ({
    cursor: encodeCursor(fingerprint, r.node.number),
    node: r.node,
    distanceMeters: r.distanceMeters,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < ranked.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: ranked.length,
  };
}
