import { describe, expect, it } from 'vitest';
import { toConnection } from './connection.ts';
import { encodeCursor, listFingerprint } from './cursor.ts';

const ranked = ['G10001', 'G10002', 'G10003', 'G10004', 'G10005'].map((number) => ({
  node: { number },
  distanceMeters: null,
}));
const list = { scope: 'Query.assignmentUnits', filter: { statuses: ['ACTIVE'] }, maxPageSize: 3 };
const page = (first: number | null, after: string | null = null) =>
  toConnection({ first, after }, list, async () => ranked);
const numbers = (c: Awaited<ReturnType<typeof page>>) => c.edges.map((e) => e.node.number);

describe('toConnection', () => {
  it('first page, next page, last page', async () => {
    const one = await page(2);
    expect(numbers(one)).toEqual(['G10001', 'G10002']);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(one.totalCount).toBe(5);
    const two = await page(2, one.pageInfo.endCursor);
    expect(numbers(two)).toEqual(['G10003', 'G10004']);
    const last = await page(2, two.pageInfo.endCursor);
    expect(numbers(last)).toEqual(['G10005']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const after = await page(2, last.pageInfo.endCursor);
    expect(after.edges).toEqual([]);
    expect(after.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
  });

  it('pages backward with last and before, and refuses first with last', async () => {
    const end = await toConnection({ last: 2 }, list, async () => ranked);
    expect(numbers(end)).toEqual(['G10004', 'G10005']);
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await toConnection(
      { last: 2, before: end.pageInfo.startCursor },
      list,
      async () => ranked,
    );
    expect(numbers(before)).toEqual(['G10002', 'G10003']);
    const start = await toConnection(
      { last: 2, before: before.pageInfo.startCursor },
      list,
      async () => ranked,
    );
    expect(numbers(start)).toEqual(['G10001']);
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    await expect(toConnection({ first: 1, last: 1 }, list, async () => ranked)).rejects.toThrow(/not both/);
  });

  it('a cursor names its edge, not a position: a record removed before it does not move the next page', async () => {
    const one = await page(2);
    const fewer = ranked.filter((r) => r.node.number !== 'G10001');
    const next = await toConnection({ first: 2, after: one.pageInfo.endCursor }, list, async () => fewer);
    expect(numbers(next)).toEqual(['G10003', 'G10004']);
  });

  it('first: 0 gives only the count', async () => {
    const none = await page(0);
    expect(none.edges).toEqual([]);
    expect(none.totalCount).toBe(5);
  });

  it('refuses a page larger than the limit, and a negative one', async () => {
    await expect(page(4)).rejects.toThrow(/first must be at most 3; got 4/);
    await expect(page(-1)).rejects.toThrow(/first must be 0 or more/);
  });

  it('refuses a cursor of another filter, beyond the end, or not a cursor', async () => {
    const other = encodeCursor(listFingerprint('Query.assignmentUnits', { statuses: ['CLOSED'] }), 'G10001');
    await expect(page(2, other)).rejects.toThrow(/stale or invalid/);
    const gone = encodeCursor(listFingerprint(list.scope, list.filter), 'G10009');
    await expect(page(2, gone)).rejects.toThrow(/stale: its edge \(G10009\) is no longer in this list/);
    await expect(page(2, 'bm9wZQ==')).rejects.toThrow(/stale or invalid/);
  });

  it('fingerprints ignore key order', () => {
    expect(listFingerprint('s', { a: 1, b: [2] })).toBe(listFingerprint('s', { b: [2], a: 1 }));
    expect(listFingerprint('s', { a: 1 })).not.toBe(listFingerprint('t', { a: 1 }));
  });
});
