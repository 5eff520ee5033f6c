import type { InstitutionOrder, InstitutionOrderField } from '../gql/graphql.ts';

/** A column the result lists sort on; the server sorts (name in Danish collation: æ, ø, å after z). */
export type SortKey = 'number' | 'name' | 'municipality' | 'distance';

export interface Sort {
  key: SortKey;
  descending: boolean;
}

const FIELD: Readonly<Record<SortKey, InstitutionOrderField>> = {
  number: 'NUMBER',
  name: 'NAME',
  municipality: 'MUNICIPALITY',
  distance: 'DISTANCE',
};

const isSortKey = (value: string | null): value is SortKey => value !== null && value in FIELD;

/** The order in the URL (`sorter`, `retning=faldende`), or `fallback` ascending. */
export function sortFrom(params: URLSearchParams, fallback: SortKey): Sort {
  const key = params.get('sorter');
  return { key: isSortKey(key) ? key : fallback, descending: params.get('retning') === 'faldende' };
}

/** The API's `orderBy` for a sort. */
export const orderBy = (sort: Sort): InstitutionOrder => ({
  field: FIELD[sort.key],
  direction: sort.descending ? 'DESC' : 'ASC',
});

/** The URL parameters after a click on a column: the same column again turns the order round. */
export const nextSort = (current: Sort, key: SortKey): Record<string, string | undefined> => ({
  sorter: key,
  retning: current.key === key && !current.descending ? 'faldende' : undefined,
});
