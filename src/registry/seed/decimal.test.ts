import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from './decimal.ts';

describe('parseDecimal', () => {
  it('reads a decimal comma and a decimal dot alike', () => {
    expect(parseDecimal('55,90845289')).toBe(55.90845289);
    expect(parseDecimal('55.90845289')).toBe(55.90845289);
    expect(parseDecimal('-8,1')).toBe(-8.1);
    expect(parseDecimal('15')).toBe(15);
  });

  it('rejects anything else', () => {
    for (const text of ['', ' 55,1', '55,1 ', '1.000,5', '55,', ',5', '1e5', 'NaN', '12,5,1']) {
      expect(parseDecimal(text), text).toBeNull();
    }
  });
});

describe('formatDecimal', () => {
  it('writes a decimal comma, and reads back to the same number', () => {
    expect(formatDecimal(15.13021)).toBe('15,13021');
    expect(formatDecimal(12.575)).toBe('12,575');
    expect(formatDecimal(-3)).toBe('-3');
    expect(parseDecimal(formatDecimal(56.23123758))).toBe(56.23123758);
  });

  it('refuses what the format cannot carry', () => {
    expect(() => formatDecimal(Number.NaN)).toThrow();
    expect(() => formatDecimal(1e-9)).toThrow();
  });
});
