import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { PageHeading } from '../components/page-heading.tsx';
import { QueryState } from '../components/query-state.tsx';
import { useFilterOptions } from '../components/filter-options.ts';
import { FilterSelect } from '../components/filter-select.tsx';
import { SearchSuggestions } from '../components/search-suggestions.tsx';
import { UnitTable } from '../components/unit-table.tsx';
import { graphql } from '../gql/gql.ts';
import type { AssignmentUnitFilter } from '../gql/graphql.ts';
import { nextSort, orderBy, sortFrom } from '../lib/order.ts';
import { href } from '../lib/use-hash-route.ts';

const PAGE_SIZE = 25;

const SearchUnitsQuery = graphql(`
  query SearchUnits(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $orderBy: InstitutionOrder
    $filter: AssignmentUnitFilter
  ) {
    assignmentUnits(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: $orderBy
      filter: $filter
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        distanceMeters
        node {
          ...UnitRow
        }
      }
    }
  }
`);

const NumberLookupQuery = graphql(`
  query NumberLookup($number: InstitutionNumber!) {
    institution(number: $number) {
      __typename
      number
      name
    }
  }
`);

const NUMBER = /^[A-Za-z]\d{5}$/;
const POSTAL_CODE = /^\d{4}$/;

/**
 * What the search box means for the list: an institutionsnummer is looked up directly, four digits
 * are a postnummer, anything else part of a name or, with "Søg i: adresse", of an address (both
 * accent-folding, `aeblehaven` finds `Æblehaven`). The suggestions under the box cover all three.
 */
function filterFrom(params: URLSearchParams): AssignmentUnitFilter {
  const q = (params.get('q') ?? '').trim();
  const number = (name: string) => {
    const value = Number(params.get(name) ?? '');
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const kommune = number('kommune');
  const type = number('type');
  const ejerform = number('ejerform');
  return {
    status: params.get('status') === 'alle' ? ['ACTIVE', 'CLOSED'] : ['ACTIVE'],
    ...(q !== '' &&
      !NUMBER.test(q) &&
      (POSTAL_CODE.test(q)
        ? { postalCode: q }
        : params.get('felt') === 'adresse'
          ? { addressContains: q }
          : { nameContains: q })),
    ...(kommune !== undefined && { municipalityCode: String(kommune) }),
    ...(type !== undefined && { institutionTypeCodes: [type] }),
    ...(ejerform !== undefined && { ownershipCodes: [ejerform] }),
  };
}

/** The public look-up: one search box, filters, a sortable and paged list of anvisningsenheder. */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const options = useFilterOptions();
  const q = params.get('q') ?? '';
  const after = params.get('efter') ?? undefined;
  const before = params.get('foer') ?? undefined;
  const sort = sortFrom(params, 'number');
  const filter = useMemo(() => filterFrom(params), [params]);
  // Cursor paging on the server's order: forwards after a cursor, backwards before one.
  const [{ data, fetching, error }] = useQuery({
    query: SearchUnitsQuery,
    variables: {
      ...(before === undefined ? { first: PAGE_SIZE, after } : { last: PAGE_SIZE, before }),
      orderBy: orderBy(sort),
      filter,
    },
  });
  const [typed, setTyped] = useState(q);
  const isNumber = NUMBER.test(q.trim());
  const [lookup] = useQuery({
    query: NumberLookupQuery,
    variables: { number: q.trim().toUpperCase() },
    pause: !isNumber,
  });
  const current = Object.fromEntries(params);
  const go = (changes: Record<string, string | undefined>) => {
    window.location.hash = href('/', { ...current, ...changes });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    go({
      q: value('q'),
      felt: value('felt') === 'adresse' ? 'adresse' : undefined,
      kommune: value('kommune'),
      type: value('type'),
      ejerform: value('ejerform'),
      status: value('status'),
      efter: undefined,
      foer: undefined,
      side: undefined,
    });
  };
  const connection = data?.assignmentUnits;
  const pageNumber = Math.max(1, Number(params.get('side') ?? '1') || 1);
  const pages = connection === undefined ? 1 : Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE));

  return (
    <>
      <PageHeading title="Søg">Søg i Dagtilbudsregisteret</PageHeading>
      <form role="search" className="search-form" onSubmit={onSubmit} key={params.toString()}>
        <div className="field wide">
          <label htmlFor="q">Navn, institutionsnummer, adresse eller postnummer</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            autoComplete="off"
            onChange={(event) => setTyped(event.currentTarget.value)}
          />
          <SearchSuggestions text={typed} />
        </div>
        <div className="field">
          <label htmlFor="felt">Søg i</label>
          <select id="felt" name="felt" defaultValue={params.get('felt') ?? ''}>
            <option value="">Navne</option>
            <option value="adresse">Adresser</option>
          </select>
        </div>
        <FilterSelect
          id="kommune"
          name="kommune"
          label="Kommune"
          all="Alle kommuner"
          options={options.municipalities}
          defaultValue={params.get('kommune') ?? ''}
        />
        <FilterSelect
          id="type"
          name="type"
          label="Institutionstype"
          all="Alle typer"
          options={options.institutionTypes}
          defaultValue={params.get('type') ?? ''}
        />
        <FilterSelect
          id="ejerform"
          name="ejerform"
          label="Ejerform"
          all="Alle ejerformer"
          options={options.ownerships}
          defaultValue={params.get('ejerform') ?? ''}
        />
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={params.get('status') ?? ''}>
            <option value="">Kun aktive</option>
            <option value="alle">Aktive og nedlagte</option>
          </select>
        </div>
        <button type="submit">Søg</button>
      </form>

      {isNumber && lookup.data?.institution != null && (
        <p className="direct-hit">
          Institutionsnummer {lookup.data.institution.number}:{' '}
          <a href={href(`/institution/${lookup.data.institution.number}`)}>{lookup.data.institution.name}</a>
        </p>
      )}
      {isNumber && lookup.data !== undefined && lookup.data.institution === null && (
        <p role="status">Intet dagtilbud har institutionsnummer {q.trim().toUpperCase()}.</p>
      )}

      {!isNumber && (
        <section aria-labelledby="resultater">
          <h2 id="resultater">Anvisningsenheder</h2>
          <QueryState fetching={fetching} error={error} />
          {connection !== undefined && (
            <>
              <p role="status">
                {connection.totalCount === 0
                  ? 'Ingen anvisningsenheder passer på søgningen.'
                  : `${connection.totalCount.toLocaleString('da-DK')} ${connection.totalCount === 1 ? 'anvisningsenhed' : 'anvisningsenheder'}; side ${pageNumber} af ${pages}.`}
              </p>
              <UnitTable
                rows={connection.edges.map((e) => ({
                  unit: e.node,
                  distanceMeters: e.distanceMeters ?? null,
                }))}
                sort={sort}
                onSort={(key) =>
                  go({ ...nextSort(sort, key), efter: undefined, foer: undefined, side: undefined })
                }
              />
              <nav aria-label="Sider" className="pager">
                <button
                  type="button"
                  disabled={!connection.pageInfo.hasPreviousPage || pageNumber === 1}
                  onClick={() =>
                    go({
                      foer: connection.pageInfo.startCursor ?? undefined,
                      efter: undefined,
                      side: String(pageNumber - 1),
                    })
                  }
                >
                  Forrige side
                </button>
                <button
                  type="button"
                  disabled={!connection.pageInfo.hasNextPage}
                  onClick={() =>
                    go({
                      efter: connection.pageInfo.endCursor ?? undefined,
                      foer: undefined,
                      side: String(pageNumber + 1),
                    })
                  }
                >
                  Næste side
                </button>
              </nav>
            </>
          )}
        </section>
      )}
    </>
  );
}
