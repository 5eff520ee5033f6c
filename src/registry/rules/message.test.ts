import { describe, expect, it } from 'vitest';
import { fieldName, quote } from './message.ts';

describe('fieldName', () => {
  it('takes the last segment of an XML path', () => {
    expect(fieldName('AnvisningsEnhed/Adresse/postNummer')).toBe('postNummer');
  });

  it('returns a bare name unchanged', () => {
    expect(fieldName('PNummer')).toBe('PNummer');
  });
});

describe('quote', () => {
  it('quotes a short value whole, Danish letters included', () => {
    expect(quote('Ærø')).toBe('"Ærø"');
  });

  it('cuts a long value at 40 characters', () => {
    expect(quote('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quote('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
  });
});
