import type { Institution } from './records.ts';
import type { Ranked } from './rank.ts';

/** What a connection is ordered by. */
export type OrderField = 'NUMBER' | 'NAME' | 'MUNICIPALITY' | 'DISTANCE';

/** A connection's order. */
export interface Order {
  field: OrderField;
  direction: 'ASC' | 'DESC';
}

/** Danish collation: æ, ø, å after z, and `Aa` as å (ICU's da rules). */
const danish = new Intl.Collator('da');

const byNumber = (a: Institution, b: Institution) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

const municipalityName = (record: Institution): string =>
  record.kind === 'DaycareInstitution'
    ? record.administeringMunicipality.name
    : record.address.municipality.name;

const compareBy = (field: OrderField): ((a: Ranked<Institution>, b: Ranked<Institution>) => number) => {
  switch (field) {
    case 'NUMBER':
      return (a, b) => byNumber(a.node, b.node);
    case 'NAME':
      return (a, b) => danish.compare(a.node.name, b.node.name) || byNumber(a.node, b.node);
    case 'MUNICIPALITY':
      return (a, b) =>
        danish.compare(municipalityName(a.node), municipalityName(b.node)) ||
        danish.compare(a.node.name, b.node.name) ||
        byNumber(a.node, b.node);
    case 'DISTANCE':
      return (a, b) =>
        (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) || byNumber(a.node, b.node);
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
};

/**
 * Orders a ranked result. Every order ends with the number, which is unique, so the order is total:
 * the same data gives the same order, and a cursor (an edge's number) finds its place again.
 */
export function order<T extends Institution>(ranked: Ranked<T>[], by: Order): Ranked<T>[] {
  const compare = compareBy(by.field);
  const sign = by.direction === 'DESC' ? -1 : 1;
  return ranked.sort((a, b) => sign * compare(a, b));
}
