import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { PageHeading } from '../components/page-heading.tsx';
import { QueryState } from '../components/query-state.tsx';
import { UnitTable } from '../components/unit-table.tsx';
import { graphql } from '../gql/gql.ts';
import { nextSort, orderBy, sortFrom } from '../lib/order.ts';
import { href } from '../lib/use-hash-route.ts';

const NearUnitsQuery = graphql(`
  query NearUnits($near: NearInput!, $orderBy: InstitutionOrder) {
    assignmentUnits(first: 50, orderBy: $orderBy, filter: { near: $near }) {
      totalCount
      edges {
        distanceMeters
        node {
          ...UnitRow
        }
      }
    }
  }
`);

// Københavns Rådhusplads: a point everyone knows, until the user gives another.
const DEFAULTS = { lat: '55,6761', lon: '12,5683', radius: '1000' };
const decimal = (text: string) => Number(text.replace(',', '.'));

/** Units near a point, nearest first (no map tiles: there is no network to fetch them from). */
export function NearPage({ params }: { params: URLSearchParams }) {
  const lat = params.get('bredde') ?? DEFAULTS.lat;
  const lon = params.get('laengde') ?? DEFAULTS.lon;
  const radius = params.get('radius') ?? DEFAULTS.radius;
  const near = { latitude: decimal(lat), longitude: decimal(lon), radiusMeters: decimal(radius) };
  const valid =
    Math.abs(near.latitude) <= 90 &&
    Math.abs(near.longitude) <= 180 &&
    near.radiusMeters > 0 &&
    near.radiusMeters <= 1_000_000;
  // Sorted by the server over every unit within the radius (nearest first unless asked otherwise).
  const sort = sortFrom(params, 'distance');
  const [{ data, fetching, error }] = useQuery({
    query: NearUnitsQuery,
    variables: { near, orderBy: orderBy(sort) },
    pause: !valid,
  });
  const point = { bredde: lat, laengde: lon, radius };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    window.location.hash = href('/naer', {
      bredde: String(form.get('bredde') ?? ''),
      laengde: String(form.get('laengde') ?? ''),
      radius: String(form.get('radius') ?? ''),
    });
  };
  return (
    <>
      <PageHeading title="Nær et punkt">Dagtilbud nær et punkt</PageHeading>
      <p>Angiv et punkt (breddegrad og længdegrad, WGS84) og en radius. Listen viser de nærmeste først.</p>
      <form className="search-form" onSubmit={onSubmit} key={params.toString()}>
        <div className="field">
          <label htmlFor="bredde">Breddegrad</label>
          <input id="bredde" name="bredde" inputMode="decimal" defaultValue={lat} />
        </div>
        <div className="field">
          <label htmlFor="laengde">Længdegrad</label>
          <input id="laengde" name="laengde" inputMode="decimal" defaultValue={lon} />
        </div>
        <div className="field">
          <label htmlFor="radius">Radius i meter</label>
          <input id="radius" name="radius" inputMode="numeric" defaultValue={radius} />
        </div>
        <button type="submit">Find</button>
      </form>
      {!valid && (
        <p role="alert" className="error">
          Breddegraden skal ligge mellem -90 og 90, længdegraden mellem -180 og 180 og radius mellem 1 og
          1.000.000 meter.
        </p>
      )}
      <QueryState fetching={fetching} error={error} />
      {data !== undefined && (
        <section aria-labelledby="naer-resultater">
          <h2 id="naer-resultater">
            {data.assignmentUnits.totalCount.toLocaleString('da-DK')} anvisningsenheder inden for {radius} m
          </h2>
          <UnitTable
            rows={data.assignmentUnits.edges.map((e) => ({
              unit: e.node,
              distanceMeters: e.distanceMeters ?? null,
            }))}
            sort={sort}
            onSort={(key) => {
              window.location.hash = href('/naer', { ...point, ...nextSort(sort, key) });
            }}
          />
        </section>
      )}
    </>
  );
}
