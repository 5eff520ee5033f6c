import { badUserInput } from '../errors.ts';
import type { NearFilter } from '../domain/filters.ts';
import type { Institution } from '../domain/records.ts';
import { order, type Order } from '../domain/order.ts';
import type { Ranked } from '../domain/rank.ts';
import { toConnection, type Connection, type PageArgs } from './connection.ts';
import type { InputMaybe, InstitutionOrder } from './generated/resolvers-types.ts';

/** A connection's arguments: paging and `orderBy`. */
export interface OrderedPageArgs extends PageArgs {
  orderBy?: InputMaybe<InstitutionOrder>;
}

/** `orderBy` → the order: by number, or by distance with `near`, when none is given. */
export function toOrder(
  orderBy: InputMaybe<InstitutionOrder> | undefined,
  near: NearFilter | undefined,
): Order {
  if (orderBy === undefined || orderBy === null) {
    return { field: near === undefined ? 'NUMBER' : 'DISTANCE', direction: 'ASC' };
  }
  if (orderBy.field === 'DISTANCE' && near === undefined) {
    throw badUserInput('orderBy DISTANCE needs filter.near: the point to measure from.');
  }
  return { field: orderBy.field, direction: orderBy.direction ?? 'ASC' };
}

/**
 * A connection of `search`'s result in the order asked for. The order is part of the list's
 * fingerprint: a cursor of one order is refused with another.
 */
export function orderedConnection<T extends Institution>(
  args: OrderedPageArgs,
  list: { scope: string; filter: object; maxPageSize: number },
  search: () => Promise<Ranked<T>[]>,
): Promise<Connection<T>> {
  const by = toOrder(args.orderBy, nearOf(list.filter));
  return toConnection(
    args,
    { scope: list.scope, filter: { filter: list.filter, order: by }, maxPageSize: list.maxPageSize },
    async () => order(await search(), by),
  );
}

/** The filter's `near`, if its type has one (a daginstitution has no address to measure). */
const nearOf = (filter: object): NearFilter | undefined =>
  'near' in filter ? (filter.near as NearFilter | undefined) : undefined;
