import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../src/gateway/domain/distance.ts';
import { useTestStack } from '../helpers/test-stack.ts';

type Rec = Record<string, unknown>;
interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: {
    cursor: string;
    distanceMeters: number | null;
    node: { number: string; address: { location: Location | null } };
  }[];
}
interface Location {
  latitude: number;
  longitude: number;
}

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, gateway } = useTestStack({ registry: { changeFeed: false }, gateway: {} });

const PAGE = `query($first: Int, $after: String, $filter: AssignmentUnitFilter) {
  assignmentUnits(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor distanceMeters node { number address { location { latitude longitude } } } }
  }
}`;

const page = async (variables: Rec): Promise<Page> => {
  const response = await gateway.query<{ assignmentUnits: Page }>(PAGE, variables);
  expect(response.errors).toBeUndefined();
  return (response.data as { assignmentUnits: Page }).assignmentUnits;
};
const errorsOf = async (variables: Rec) => (await gateway.query(PAGE, variables)).errors ?? [];

describe('Relay pagination', () => {
  it('walks every page of a filter: first page, middle pages, last page, ordered by number', async () => {
    const filter = { municipalityCode: 101 };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = 0;
    for (;;) {
      const current: Page = await page({ first: 100, after, filter });
      total = current.totalCount;
      expect(current.pageInfo.hasPreviousPage).toBe(pages > 0);
      expect(current.pageInfo.startCursor).toBe(current.edges[0]?.cursor ?? null);
      expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)?.cursor ?? null);
      seen.push(...current.edges.map((e) => e.node.number));
      pages++;
      if (!current.pageInfo.hasNextPage) {
        expect(current.edges.length).toBeLessThanOrEqual(100);
        break;
      }
      expect(current.edges).toHaveLength(100);
      after = current.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(300);
    expect(pages).toBe(Math.ceil(total / 100));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
  });

  it('after the last edge: an empty page, no next page', async () => {
    const all = await page({ first: 500, filter: { pNumber: '4437807074' } });
    expect(all.totalCount).toBe(25);
    const after = await page({ first: 10, after: all.pageInfo.endCursor, filter: { pNumber: '4437807074' } });
    expect(after.edges).toEqual([]);
    expect(after.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });

  it('page size: default 50, 500 allowed, 501 refused with a clear BAD_USER_INPUT', async () => {
    expect((await page({})).edges).toHaveLength(50);
    expect((await page({ first: 500 })).edges).toHaveLength(500);
    const [error] = await errorsOf({ first: 501 });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/first must be at most 500; got 501/);
  });

  it('a cursor of another filter, or garbage, is a stale/invalid cursor', async () => {
    const { pageInfo } = await page({ first: 5, filter: { municipalityCode: 101 } });
    for (const variables of [
      { first: 5, after: pageInfo.endCursor, filter: { municipalityCode: 147 } },
      { first: 5, after: 'bm90IGEgY3Vyc29y' },
    ]) {
      const [error] = await errorsOf(variables);
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toMatch(/cursor .* stale or invalid/);
    }
  });

  it('a cursor beyond the end of a list that shrank is stale', async () => {
    const filter = { cvrNumber: '33178522' };
    const before = await page({ first: 500, filter });
    const last = before.edges.at(-1);
    if (last === undefined) throw new Error('no units with CVR 33178522');
    // Close that unit in the register, and let the gateway's cache forget what it read.
    const [unit] = registry.store.anvisningsenheder({ numre: [last.node.number] });
    if (unit === undefined) throw new Error(`${last.node.number} is gone`);
    registry.store.write((w) =>
      w.putAnvisningsEnhed({
        ...unit,
        aktivitetsstatus: 'Nedlagt',
        nedlagtTidspunkt: '2026-05-01T00:00:00+02:00',
      }),
    );
    gateway.clearCaches();
    const [error] = await errorsOf({ first: 10, after: last.cursor, filter });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/stale/);
    expect((await page({ first: 500, filter })).totalCount).toBe(before.totalCount - 1);
  });
});

describe('near', () => {
  // Københavns Rådhus.
  const cityHall = { latitude: 55.6761, longitude: 12.5683 };

  it('keeps units within the radius, ordered by distance, with the distance on the edge', async () => {
    const near = { ...cityHall, radiusMeters: 1500 };
    const result = await page({ first: 500, filter: { near } });
    expect(result.totalCount).toBeGreaterThan(5);
    const distances = result.edges.map((e) => e.distanceMeters ?? Number.NaN);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const edge of result.edges) {
      const location = edge.node.address.location;
      if (location === null) throw new Error(`${edge.node.number} has no location`);
      expect(edge.distanceMeters).toBeCloseTo(distanceMeters(cityHall, location), 3);
      expect(edge.distanceMeters).toBeLessThanOrEqual(1500);
    }
    // Nothing closer was left out: the wider circle's first edges are these.
    const wider = await page({ first: result.totalCount, filter: { near: { ...near, radiusMeters: 5000 } } });
    expect(wider.edges.map((e) => e.node.number)).toEqual(result.edges.map((e) => e.node.number));
  });

  it('pages through a distance order as through a number order', async () => {
    const filter = { near: { ...cityHall, radiusMeters: 3000 } };
    const first = await page({ first: 10, filter });
    const second = await page({ first: 10, after: first.pageInfo.endCursor, filter });
    const both = await page({ first: 20, filter });
    expect([...first.edges, ...second.edges].map((e) => e.node.number)).toEqual(
      both.edges.map((e) => e.node.number),
    );
  });

  it('without near, the distance is null; alternative adresser rank by distance too', async () => {
    expect((await page({ first: 3 })).edges.map((e) => e.distanceMeters)).toEqual([null, null, null]);
    const response = await gateway.query<{ alternativeAddresses: { edges: { distanceMeters: number }[] } }>(
      `query($near: NearInput) { alternativeAddresses(first: 50, filter: { near: $near }) { edges { distanceMeters } } }`,
      { near: { ...cityHall, radiusMeters: 2000 } },
    );
    const distances = response.data?.alternativeAddresses.edges.map((e) => e.distanceMeters) ?? [];
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});
