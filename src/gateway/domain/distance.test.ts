import { describe, expect, it } from 'vitest';
import { distanceMeters } from './distance.ts';

describe('distanceMeters', () => {
  it('is zero for the same point', () => {
    const p = { latitude: 55.6761, longitude: 12.5683 };
    expect(distanceMeters(p, p)).toBe(0);
  });

  it('measures Copenhagen to Aarhus (about 157 km)', () => {
    const copenhagen = { latitude: 55.6761, longitude: 12.5683 };
    const aarhus = { latitude: 56.1629, longitude: 10.2039 };
    expect(distanceMeters(copenhagen, aarhus) / 1000).toBeCloseTo(157, 0);
  });

  it('is symmetric', () => {
    const a = { latitude: 55.0, longitude: 15.0 };
    const b = { latitude: 57.7, longitude: 8.2 };
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
  });
});
