import { graphql } from '../gql/gql.ts';
import type { UnitRowFragment } from '../gql/graphql.ts';
import { addressLine, distanceText, STATUS_TEXT } from '../lib/texts.ts';
import type { Sort, SortKey } from '../lib/order.ts';
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
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === by;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(by)}>
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

/**
 * A page of anvisningsenheder as a table, in the order the server gave it; a column header asks
 * for another order (the whole result is sorted by the API's `orderBy`, not just this page).
 */
export function UnitTable({
  rows,
  sort,
  onSort,
}: {
  rows: Row[];
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  if (rows.length === 0) return null;
  const withDistance = rows.some((r) => r.distanceMeters !== null);
  return (
    <table className="results">
      <caption className="visually-hidden">
        Anvisningsenheder, sorteret efter {sortName(sort.key)}
        {sort.descending ? ', faldende' : ''}
      </caption>
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
        {rows.map(({ unit, distanceMeters }) => (
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
