import { graphql } from '../gql/gql.ts';
import type { UnitRowFragment } from '../gql/graphql.ts';
import { addressLine, distanceText, STATUS_TEXT } from '../lib/texts.ts';
import { href } from '../lib/use-hash-route.ts';

export const UnitRowFragmentDoc = graphql(`
  fragment UnitRow on AssignmentUnit {
    id
    number
    name
    status
    institutionType {
      text
    }
    address {
      street
      houseNumber
      floor
      door
      postalCode
      city
    }
    municipality {
      name
    }
    daycareInstitution {
      number
      ownership {
        text
      }
    }
    unilogin {
      eligible
    }
  }
`);

export type SortKey = 'number' | 'name' | 'municipality' | 'distance';

const COMPARE: Readonly<Record<SortKey, (a: Row, b: Row) => number>> = {
  number: (a, b) => a.unit.number.localeCompare(b.unit.number),
  name: (a, b) => a.unit.name.localeCompare(b.unit.name, 'da'),
  municipality: (a, b) => a.unit.municipality.name.localeCompare(b.unit.municipality.name, 'da'),
  distance: (a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0),
};

interface Row {
  unit: UnitRowFragment;
  distanceMeters: number | null;
}

function SortHeader({
  label,
  by,
  sort,
  onSort,
}: {
  label: string;
  by: SortKey;
  sort: SortKey;
  onSort: (key: SortKey) => void;
}) {
  return (
    <th scope="col" aria-sort={sort === by ? 'ascending' : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(by)}>
        {label}
        <span aria-hidden="true">{sort === by ? ' ▲' : ''}</span>
      </button>
    </th>
  );
}

/**
 * A page of anvisningsenheder as a table; a column header sorts the page by that column (the API
 * of today orders by institutionsnummer, or by distance around a point).
 */
export function UnitTable({
  rows,
  sort,
  onSort,
}: {
  rows: Row[];
  sort: SortKey;
  onSort: (key: SortKey) => void;
}) {
  if (rows.length === 0) return null;
  const withDistance = rows.some((r) => r.distanceMeters !== null);
  const sorted = [...rows].sort(COMPARE[sort === 'distance' && !withDistance ? 'number' : sort]);
  return (
    <table className="results">
      <caption className="visually-hidden">Anvisningsenheder, sorteret efter {sortName(sort)}</caption>
      <thead>
        <tr>
          {withDistance && <SortHeader label="Afstand" by="distance" sort={sort} onSort={onSort} />}
          <SortHeader label="Navn" by="name" sort={sort} onSort={onSort} />
          <SortHeader label="Nummer" by="number" sort={sort} onSort={onSort} />
          <th scope="col">Type</th>
          <th scope="col">Adresse</th>
          <SortHeader label="Kommune" by="municipality" sort={sort} onSort={onSort} />
          <th scope="col">Ejerform</th>
          <th scope="col">Unilogin</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map(({ unit, distanceMeters }) => (
          <tr key={unit.id}>
            {withDistance && <td>{distanceMeters === null ? '' : distanceText(distanceMeters)}</td>}
            <td>
              <a href={href(`/institution/${unit.number}`)}>{unit.name}</a>
              {unit.status === 'CLOSED' && <span className="badge"> {STATUS_TEXT.CLOSED}</span>}
            </td>
            <td>{unit.number}</td>
            <td>{unit.institutionType.text}</td>
            <td>{addressLine(unit.address)}</td>
            <td>{unit.municipality.name}</td>
            <td>{unit.daycareInstitution.ownership.text}</td>
            <td>{unit.unilogin.eligible ? 'Ja' : 'Nej'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const sortName = (sort: SortKey) =>
  ({ number: 'institutionsnummer', name: 'navn', municipality: 'kommune', distance: 'afstand' })[sort];
