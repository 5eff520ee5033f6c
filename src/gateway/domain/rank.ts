import { distanceMeters } from './distance.ts';
import type { NearFilter } from './filters.ts';
import type { Location } from './records.ts';

/** A search result with its distance from the `near` point (null without `near`). */
export interface Ranked<T> {
  node: T;
  distanceMeters: number | null;
}

const byNumber = (a: { number: string }, b: { number: string }) =>
  a.number < b.number ? -1 : a.number > b.number ? 1 : 0;

/**
 * Orders records by institutionsnummer, or, with `near`, keeps those within the radius (records
 * without coordinates never are) and orders them by distance, ties by number.
 */
export function rank<T extends { number: string }>(
  records: readonly T[],
  locate: (record: T) => Location | null,
  near: NearFilter | undefined,
): Ranked<T>[] {
  if (near === undefined) return [...records].sort(byNumber).map((node) => ({ node, distanceMeters: null }));
  const ranked: { node: T; distanceMeters: number }[] = [];
  for (const node of records) {
    const location = locate(node);
    if (location === null) continue;
    const distance = distanceMeters(near, location);
    if (distance <= near.radiusMeters) ranked.push({ node, distanceMeters: distance });
  }
  return ranked.sort((a, b) => a.distanceMeters - b.distanceMeters || byNumber(a.node, b.node));
}
