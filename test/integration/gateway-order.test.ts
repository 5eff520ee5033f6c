import { describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

const { gateway } = useTestStack({ gateway: {} });

interface Page {
  edges: {
    cursor: string;
    node: { number: string; name: string; municipality: { name: string } };
    distanceMeters?: number | null;
  }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const UNITS = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: InstitutionOrder, $filter: AssignmentUnitFilter) {
  assignmentUnits(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
    edges { cursor distanceMeters node { number name municipality { name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

const units = async (variables: Record<string, unknown>): Promise<Page> => {
  const response = await gateway.query<{ assignmentUnits: Page }>(UNITS, variables);
  expect(response.errors).toBeUndefined();
  if (response.data === undefined || response.data === null) throw new Error('no data');
  return response.data.assignmentUnits;
};
const numbers = (page: Page) => page.edges.map((e) => e.node.number);
const danish = new Intl.Collator('da');

describe('orderBy on connections', () => {
  const filter = { municipalityCode: 101 };

  it('orders by name in Danish: æ, ø and å after z, ties by number', async () => {
    const all = await units({ first: 500, filter, orderBy: { field: 'NAME' } });
    const names = all.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort((a, b) => danish.compare(a, b)));
    const lastZ = names.findLastIndex((n) => /^z/i.test(n));
    const firstDanish = names.findIndex((n) => /^[æøå]/i.test(n));
    expect(firstDanish).toBeGreaterThan(-1);
    expect(firstDanish).toBeGreaterThan(lastZ);
    const descending = await units({ first: 500, filter, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(numbers(descending)).toEqual([...numbers(all)].reverse());
  });

  it('pages forward and backward through the same order, with stable cursors', async () => {
    const orderBy = { field: 'NAME' };
    const whole = numbers(await units({ first: 60, filter, orderBy }));
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const page: Page = await units({ first: 20, after, filter, orderBy });
      forward.push(...numbers(page));
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(whole);
    // Backward from the 60th edge: the same edges, each page in order.
    const sixtieth = (await units({ first: 60, filter, orderBy })).edges.at(-1)?.cursor;
    const back = await units({ last: 20, before: sixtieth, filter, orderBy });
    expect(numbers(back)).toEqual(whole.slice(39, 59));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const end = await units({ last: 3, filter, orderBy });
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // A cursor of one order is refused with another.
    const wrong = await gateway.query(UNITS, { first: 5, after, filter, orderBy: { field: 'NUMBER' } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('orders by municipality, then name', async () => {
    const page = await units({
      first: 500,
      filter: { institutionTypeCodes: [6013] },
      orderBy: { field: 'MUNICIPALITY' },
    });
    const keys = page.edges.map((e) => [e.node.municipality.name, e.node.name] as const);
    const sorted = [...keys].sort((a, b) => danish.compare(a[0], b[0]) || danish.compare(a[1], b[1]));
    expect(keys).toEqual(sorted);
    expect(new Set(keys.map((k) => k[0])).size).toBeGreaterThan(1);
  });

  it('orders by distance only with near, nearest or farthest first', async () => {
    const near = { latitude: 55.6761, longitude: 12.5683, radiusMeters: 2000 };
    const nearest = await units({ first: 50, filter: { near } });
    const distances = nearest.edges.map((e) => e.distanceMeters ?? -1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const byName = await units({ first: 50, filter: { near }, orderBy: { field: 'NAME' } });
    expect(byName.totalCount).toBe(nearest.totalCount);
    const farthest = await units({
      first: 5,
      filter: { near },
      orderBy: { field: 'DISTANCE', direction: 'DESC' },
    });
    expect(farthest.edges[0]?.distanceMeters).toBeGreaterThanOrEqual(distances.at(-1) ?? 0);
    const without = await gateway.query(UNITS, { first: 5, orderBy: { field: 'DISTANCE' } });
    expect(without.errors?.[0]?.message).toMatch(/needs filter.near/);
  });

  it("orders daginstitutioner and a daginstitution's units too", async () => {
    const response = await gateway.query<{
      daycareInstitutions: {
        edges: { node: { name: string; units: { edges: { node: { name: string } }[] } } }[];
      };
    }>(`{ daycareInstitutions(first: 30, orderBy: { field: NAME, direction: DESC }) {
      edges { node { name units(orderBy: { field: NAME }) { edges { node { name } } } } } } }`);
    expect(response.errors).toBeUndefined();
    const names = response.data?.daycareInstitutions.edges.map((e) => e.node.name) ?? [];
    expect(names).toEqual([...names].sort((a, b) => danish.compare(b, a)));
    for (const e of response.data?.daycareInstitutions.edges ?? []) {
      const unitNames = e.node.units.edges.map((u) => u.node.name);
      expect(unitNames).toEqual([...unitNames].sort((a, b) => danish.compare(a, b)));
    }
  });
});
