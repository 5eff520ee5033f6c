import { describe, expect, it } from 'vitest';
import { rank } from './rank.ts';

const at = (number: string, latitude: number | null) => ({
  number,
  location: latitude === null ? null : { latitude, longitude: 12 },
});

describe('rank', () => {
  const records = [at('G3', 55.02), at('G1', 55.01), at('G2', null), at('G4', 55.01), at('G5', 56)];

  it('orders by number without near, distances null', () => {
    expect(rank(records, (r) => r.location, undefined).map((r) => [r.node.number, r.distanceMeters])).toEqual(
      [
        ['G1', null],
        ['G2', null],
        ['G3', null],
        ['G4', null],
        ['G5', null],
      ],
    );
  });

  it('with near: within the radius only, nearest first, ties by number, no location never', () => {
    const ranked = rank(records, (r) => r.location, { latitude: 55, longitude: 12, radiusMeters: 5000 });
    expect(ranked.map((r) => r.node.number)).toEqual(['G1', 'G4', 'G3']);
    expect(ranked[0]?.distanceMeters).toBeCloseTo(1112, 0);
  });
});
